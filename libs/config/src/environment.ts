import { isIP } from 'node:net';
import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  type ValidationError,
} from 'class-validator';
import { parse as parseDuration, toSeconds } from 'iso8601-duration';

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

/** The process environment as the platform reads it (SPEC 10.1). Everything is optional in development. */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'test', 'production'])
  NODE_ENV?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_MIGRATION_URL must be a postgres:// URL' })
  DATABASE_MIGRATION_URL?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  DATABASE_STATEMENT_TIMEOUT_MS?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  DATABASE_LOCK_TIMEOUT_MS?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS?: number;

  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @IsString()
  TRUSTED_PROXIES?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_MAX_FAILURES?: number;

  @IsOptional()
  @Matches(ISO_DURATION, { message: 'LOGIN_LOCKOUT must be an ISO-8601 duration such as PT15M' })
  LOGIN_LOCKOUT?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(64)
  LOGIN_HASH_CONCURRENCY?: number;

  @IsOptional()
  @Matches(ISO_DURATION, { message: 'AUTH_CACHE_TTL must be an ISO-8601 duration such as PT5S' })
  AUTH_CACHE_TTL?: string;

  @IsOptional()
  @Matches(ISO_DURATION, { message: 'AUDIT_ANCHOR_INTERVAL must be an ISO-8601 duration such as PT1H' })
  AUDIT_ANCHOR_INTERVAL?: string;

  @IsOptional()
  @Matches(/^(off|\d{1,5})$/, { message: 'METRICS_PORT must be a port number or off' })
  METRICS_PORT?: string;

  @IsOptional()
  @IsIn(['true', 'false'])
  API_DOCS?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  QUEUE_PREFIX?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_PORT?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  MOCK_SOURCES_PORT?: number;

  /** Minutes without input after which the browser console ends the session. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  CONSOLE_IDLE_MINUTES?: number;

  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'MOCK_SOURCES_URL must be an http(s):// URL' })
  MOCK_SOURCES_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(86400)
  JWT_EXPIRES_IN?: number;

  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'PII_KEY must be 64 hexadecimal characters (32 bytes)' })
  PII_KEY?: string;

  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/, {
    message: 'SIGNING_KEY must be 64 hexadecimal characters (an Ed25519 seed)',
  })
  SIGNING_KEY?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{3,64}$/, { message: 'ADMIN_USERNAME must be 3-64 letters, digits, _ . -' })
  ADMIN_USERNAME?: string;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @Matches(/^[a-z0-9-]+(,[a-z0-9-]+)*$/, {
    message: 'EVENT_SUBSCRIBERS must be comma-separated lower-case names',
  })
  EVENT_SUBSCRIBERS?: string;

  @IsOptional()
  @Matches(ISO_DURATION, { message: 'PUBLIC_NOTICE_DURATION must be an ISO-8601 duration such as P7D' })
  PUBLIC_NOTICE_DURATION?: string;

  @IsOptional()
  @Matches(ISO_DURATION, {
    message: 'PUBLIC_NOTICE_SWEEP_INTERVAL must be an ISO-8601 duration such as PT1M',
  })
  PUBLIC_NOTICE_SWEEP_INTERVAL?: string;

  @IsOptional()
  @Matches(ISO_DURATION, { message: 'RECONCILE_AFTER must be an ISO-8601 duration such as PT5M' })
  RECONCILE_AFTER?: string;

  /** SPEC 11.4: the daily periodic-review batches, a five-field cron read in China time. */
  @IsOptional()
  @Matches(/^\S+ \S+ \S+ \S+ \S+$/, {
    message: 'REVIEW_SCHEDULE must be a five-field cron such as 0 2 * * *',
  })
  REVIEW_SCHEDULE?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(366)
  REVIEW_LEAD_DAYS?: number;

  /** Reviews a batch opens per transaction (SPEC 11.4: never one long transaction). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5000)
  REVIEW_BATCH_CHUNK_SIZE?: number;

  @IsOptional()
  @Matches(ISO_DURATION, { message: 'REVIEW_SWEEP_INTERVAL must be an ISO-8601 duration such as PT10M' })
  REVIEW_SWEEP_INTERVAL?: string;

  @IsOptional()
  @Matches(ISO_DURATION, {
    message: 'CALENDAR_REFRESH_INTERVAL must be an ISO-8601 duration such as PT10S',
  })
  CALENDAR_REFRESH_INTERVAL?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  VERIFICATION_CONCURRENCY?: number;

  @IsOptional()
  @IsInt()
  @Min(1000)
  @Max(600_000)
  WORKER_LOCK_MS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  DATABASE_POOL_SIZE?: number;

  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(600_000)
  DATABASE_POOL_WAIT_MS?: number;

  @IsOptional()
  @IsInt()
  @Min(50)
  @Max(120_000)
  SOURCE_TIMEOUT_MS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  SOURCE_ATTEMPTS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600_000)
  SOURCE_BACKOFF_MS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3_600_000)
  SOURCE_BACKOFF_MAX_MS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  SOURCE_CONCURRENCY?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  SOURCE_BREAKER_FAILURES?: number;

  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  SOURCE_BREAKER_HALF_OPEN_MS?: number;

  /** Persons per department call, gathered from many runs (SPEC 5.3). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  SOURCE_BATCH_SIZE?: number;

  /** The longest a batch waits to fill before it is sent (SPEC 5.3). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60_000)
  SOURCE_BATCH_WAIT_MS?: number;

  @IsOptional()
  @Matches(ISO_DURATION, { message: 'SOURCE_MAX_WAIT must be an ISO-8601 duration such as PT15M' })
  SOURCE_MAX_WAIT?: string;

  @IsOptional()
  @Matches(ISO_DURATION, { message: 'RUN_MAX_AGE must be an ISO-8601 duration such as PT30M' })
  RUN_MAX_AGE?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  SOURCE_KEY_HUKOU?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  SOURCE_KEY_VEHICLE?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  SOURCE_KEY_SOCIAL_SECURITY?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  SOURCE_KEY_REAL_ESTATE?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  SOURCE_KEY_MARKET_REGULATION?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  SOURCE_KEY_TAX?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  SOURCE_KEY_HOUSING_FUND?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  SOURCE_KEY_BANKING?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  SOURCE_KEY_CIVIL_AFFAIRS?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  SOURCE_KEY_DISABILITY?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  SOURCE_KEY_PUBLIC_PAYROLL?: string;

  @IsOptional()
  @IsIn(['true', 'false'])
  MOCK_SOURCES_CONTROL?: string;
}

/** Development-only secrets. `loadConfig` refuses to use them when NODE_ENV=production. */
export const DEV_DEFAULTS = {
  JWT_SECRET: 'dev-only-jwt-secret-change-me-in-production-0000',
  PII_KEY: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
  SIGNING_KEY: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
  ADMIN_PASSWORD: 'admin-dev-password',
} as const;

/** An IPv4 or IPv6 address, optionally with a CIDR prefix length (TRUSTED_PROXIES). */
export function isAddressOrCidr(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  if (rest.length > 0 || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

export function durationSeconds(iso: string): number {
  return toSeconds(parseDuration(iso));
}

export function describeErrors(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`));
}

const NUMERIC = [
  'PORT',
  'DATABASE_STATEMENT_TIMEOUT_MS',
  'DATABASE_LOCK_TIMEOUT_MS',
  'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS',
  'LOGIN_MAX_FAILURES',
  'LOGIN_HASH_CONCURRENCY',
  'WORKER_PORT',
  'MOCK_SOURCES_PORT',
  'CONSOLE_IDLE_MINUTES',
  'JWT_EXPIRES_IN',
  'VERIFICATION_CONCURRENCY',
  'WORKER_LOCK_MS',
  'DATABASE_POOL_SIZE',
  'DATABASE_POOL_WAIT_MS',
  'SOURCE_TIMEOUT_MS',
  'SOURCE_ATTEMPTS',
  'SOURCE_BACKOFF_MS',
  'SOURCE_BACKOFF_MAX_MS',
  'SOURCE_CONCURRENCY',
  'SOURCE_BREAKER_FAILURES',
  'SOURCE_BREAKER_HALF_OPEN_MS',
  'REVIEW_LEAD_DAYS',
  'REVIEW_BATCH_CHUNK_SIZE',
  'SOURCE_BATCH_SIZE',
  'SOURCE_BATCH_WAIT_MS',
] as const;

/**
 * The data sources of SPEC 5.1, for their API key variables `SOURCE_KEY_<CODE>` (this lib imports no domain lib;
 * a test in @app/verification keeps the list equal to the connectors').
 */
export const SOURCE_KEY_CODES = [
  'HUKOU',
  'VEHICLE',
  'SOCIAL_SECURITY',
  'REAL_ESTATE',
  'MARKET_REGULATION',
  'TAX',
  'HOUSING_FUND',
  'BANKING',
  'CIVIL_AFFAIRS',
  'DISABILITY',
  'PUBLIC_PAYROLL',
] as const;
export type SourceKeyCode = (typeof SOURCE_KEY_CODES)[number];

/**
 * The documented development keys of the mocked departments (apps/mock-sources/README.md). Used only outside
 * production; in production every `SOURCE_KEY_<CODE>` must be set.
 */
export const DEV_SOURCE_KEYS: Readonly<Record<SourceKeyCode, string>> = {
  HUKOU: 'dev-hukou-key',
  VEHICLE: 'dev-vehicle-key',
  SOCIAL_SECURITY: 'dev-social-security-key',
  REAL_ESTATE: 'dev-real-estate-key',
  MARKET_REGULATION: 'dev-market-regulation-key',
  TAX: 'dev-tax-key',
  HOUSING_FUND: 'dev-housing-fund-key',
  BANKING: 'dev-banking-key',
  CIVIL_AFFAIRS: 'dev-civil-affairs-key',
  DISABILITY: 'dev-disability-key',
  PUBLIC_PAYROLL: 'dev-public-payroll-key',
};

/** Validates a raw environment and returns every problem found (empty when valid). */
export function validateEnvironment(env: Record<string, string | undefined>): {
  values: EnvironmentVariables;
  problems: string[];
} {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(new EnvironmentVariables()).concat(Object.keys(env))) {
    const value = env[key];
    if (value === undefined || value === '') continue;
    raw[key] = (NUMERIC as readonly string[]).includes(key) && /^-?\d+$/.test(value) ? Number(value) : value;
  }
  const values = plainToInstance(EnvironmentVariables, raw);
  const problems = describeErrors(
    validateSync(values, { forbidUnknownValues: false, stopAtFirstError: true }),
  );
  for (const entry of (values.TRUSTED_PROXIES ?? '').split(',').map((e) => e.trim())) {
    if (entry && !isAddressOrCidr(entry))
      problems.push(`TRUSTED_PROXIES: ${entry.slice(0, 60)} is not an IP address or CIDR`);
  }
  if (
    values.METRICS_PORT !== undefined &&
    values.METRICS_PORT !== 'off' &&
    Number(values.METRICS_PORT) > 65535
  )
    problems.push('METRICS_PORT: must be a port number or off');
  if (values.NODE_ENV === 'production') {
    for (const key of ['JWT_SECRET', 'PII_KEY', 'SIGNING_KEY', 'ADMIN_PASSWORD'] as const) {
      if (!raw[key]) problems.push(`${key}: is required when NODE_ENV=production`);
      // SPEC 2.3: a documented development default is as good as none.
      else if (typeof raw[key] === 'string' && raw[key].toLowerCase() === DEV_DEFAULTS[key].toLowerCase())
        problems.push(`${key}: is the documented development default; set a secret of your own`);
    }
    // Real departments' keys come from configuration; the development keys are never used in production.
    for (const code of SOURCE_KEY_CODES) {
      const key = `SOURCE_KEY_${code}`;
      if (!raw[key]) problems.push(`${key}: is required when NODE_ENV=production`);
    }
  }
  return { values, problems };
}
