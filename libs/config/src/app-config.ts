import {
  DEV_DEFAULTS,
  DEV_SOURCE_KEYS,
  durationSeconds,
  SOURCE_KEY_CODES,
  validateEnvironment,
  type EnvironmentVariables,
  type SourceKeyCode,
} from './environment';

/** How the worker calls the departments (SPEC 5.3). */
export interface SourceCallConfig {
  /** Per-call timeout (default 5 s). */
  timeoutMs: number;
  /** Calls per check before it is FAILED (default 5). */
  attempts: number;
  /** Exponential backoff base and cap between attempts; each delay is jittered. */
  backoffMs: number;
  backoffMaxMs: number;
  /** Calls in flight per source in one worker process. */
  concurrency: number;
  /** Consecutive failed calls that open a source's circuit, and how long it stays open before a trial call. */
  breakerFailures: number;
  breakerHalfOpenMs: number;
  /** Persons per department call (a department with a lower maximum gets several calls). */
  batchSize: number;
  /** The longest a batch waits to fill before it is sent. */
  batchWaitMs: number;
  /** The longest a check waits in all for a source whose breaker is open before it is FAILED. */
  maxWaitSeconds: number;
  /** API key per source (`SOURCE_KEY_<CODE>`); the documented development keys outside production. */
  keys: Readonly<Record<SourceKeyCode, string>>;
}

export interface VerificationConfig {
  /** Verification jobs one worker process runs at once. */
  concurrency: number;
  sources: SourceCallConfig;
}

/** The one typed configuration object. Nobody but this lib reads process.env. */
export interface AppConfig {
  env: 'development' | 'test' | 'production';
  databaseUrl: string;
  /** The owner role's connection, for migrations (SPEC 8); DATABASE_URL when unset. */
  databaseMigrationUrl: string;
  /** Per-session bounds (SPEC 10), in milliseconds; 0 turns one off. */
  databaseTimeouts: { statementMs: number; lockMs: number; idleInTransactionMs: number };
  /**
   * PostgreSQL connections per process, and how long a query may wait for one before it fails (instead of waiting
   * for ever: code that needs a second connection while holding one would otherwise hang its process).
   */
  databasePool: { size: number; waitMs: number };
  redisUrl: string;
  queuePrefix: string;
  port: number;
  workerPort: number;
  mockSourcesPort: number;
  mockSourcesUrl: string;
  mockSourcesControl: boolean;
  jwt: { secret: string; expiresInSeconds: number };
  /** Proxies whose X-Forwarded-For is believed (addresses or CIDRs); empty = the socket address (SPEC 2.3). */
  trustedProxies: string[];
  /** Login throttling (SPEC 2.3) and the cap on argon2 verifications running at once in one process. */
  login: { maxFailures: number; lockoutSeconds: number; hashConcurrency: number };
  /** How long a user's `active` and `tokenVersion` may be served from the process cache. */
  authCacheTtlMs: number;
  /** How often the worker signs every audit chain's head (SPEC 8). */
  auditAnchorIntervalSeconds: number;
  /** Where /metrics is served: on the app's own port, on a separate (internal) port, or not at all. */
  metrics: { mode: 'same-port' | 'separate-port' | 'off'; port: number | null };
  /** Serve the OpenAPI UI and document at /api/docs (default: outside production). */
  apiDocs: boolean;
  piiKey: Buffer;
  signingKeySeed: Buffer;
  admin: { username: string; password: string };
  eventSubscribers: string[];
  publicNoticeSeconds: number;
  /** How often the worker sweeps for public notices past their end (their delayed job may have been lost). */
  publicNoticeSweepSeconds: number;
  reconcileAfterSeconds: number;
  /**
   * How often each process reloads the working-day calendar from PostgreSQL (SPEC 4): a `PUT /api/v1/calendar/{year}`
   * is used at once by the process that took it and by every other api and worker process within this interval.
   */
  calendarRefreshSeconds: number;
  /** SPEC 11.4 and 11.1: the review schedule (cron, China time), its lead days, batch chunks, the exit sweep. */
  reviews: { schedule: string; leadDays: number; chunkSize: number; sweepSeconds: number };
  /** A run older than this is cancelled and restarted by the reconciler, even when its jobs look alive. */
  runMaxAgeSeconds: number;
  logLevel: string;
  /** The browser console ends a session after this many idle minutes (CONSOLE_IDLE_MINUTES). */
  consoleIdleMinutes: number;
  /** BullMQ lock duration (and stalled-job check interval) of the worker's queues. */
  workerLockMs: number;
  verification: VerificationConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const { values: v, problems } = validateEnvironment(env);
  if (problems.length > 0) throw new ConfigError(problems);
  const nodeEnv = (v.NODE_ENV ?? 'development') as AppConfig['env'];
  return {
    env: nodeEnv,
    databaseUrl: v.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hev',
    databaseMigrationUrl:
      v.DATABASE_MIGRATION_URL ?? v.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hev',
    databaseTimeouts: {
      statementMs: v.DATABASE_STATEMENT_TIMEOUT_MS ?? 30_000,
      lockMs: v.DATABASE_LOCK_TIMEOUT_MS ?? 10_000,
      idleInTransactionMs: v.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS ?? 60_000,
    },
    databasePool: { size: v.DATABASE_POOL_SIZE ?? 20, waitMs: v.DATABASE_POOL_WAIT_MS ?? 30_000 },
    redisUrl: v.REDIS_URL ?? 'redis://127.0.0.1:6379',
    queuePrefix: v.QUEUE_PREFIX ?? '{hev}',
    port: v.PORT ?? 3000,
    workerPort: v.WORKER_PORT ?? 3200,
    mockSourcesPort: v.MOCK_SOURCES_PORT ?? 3100,
    mockSourcesUrl: v.MOCK_SOURCES_URL ?? 'http://127.0.0.1:3100',
    mockSourcesControl: v.MOCK_SOURCES_CONTROL ? v.MOCK_SOURCES_CONTROL === 'true' : nodeEnv !== 'production',
    jwt: { secret: v.JWT_SECRET ?? DEV_DEFAULTS.JWT_SECRET, expiresInSeconds: v.JWT_EXPIRES_IN ?? 3600 },
    trustedProxies: (v.TRUSTED_PROXIES ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
    login: {
      maxFailures: v.LOGIN_MAX_FAILURES ?? 5,
      lockoutSeconds: durationSeconds(v.LOGIN_LOCKOUT ?? 'PT15M'),
      hashConcurrency: v.LOGIN_HASH_CONCURRENCY ?? 4,
    },
    authCacheTtlMs: durationSeconds(v.AUTH_CACHE_TTL ?? 'PT5S') * 1000,
    auditAnchorIntervalSeconds: durationSeconds(v.AUDIT_ANCHOR_INTERVAL ?? 'PT1H'),
    metrics:
      v.METRICS_PORT === undefined
        ? { mode: 'same-port', port: null }
        : v.METRICS_PORT === 'off'
          ? { mode: 'off', port: null }
          : { mode: 'separate-port', port: Number(v.METRICS_PORT) },
    apiDocs: v.API_DOCS ? v.API_DOCS === 'true' : nodeEnv !== 'production',
    piiKey: Buffer.from(v.PII_KEY ?? DEV_DEFAULTS.PII_KEY, 'hex'),
    signingKeySeed: Buffer.from(v.SIGNING_KEY ?? DEV_DEFAULTS.SIGNING_KEY, 'hex'),
    admin: {
      username: v.ADMIN_USERNAME ?? 'admin',
      password: v.ADMIN_PASSWORD ?? DEV_DEFAULTS.ADMIN_PASSWORD,
    },
    eventSubscribers: (v.EVENT_SUBSCRIBERS ?? 'dibao-system').split(','),
    publicNoticeSeconds: durationSeconds(v.PUBLIC_NOTICE_DURATION ?? 'P7D'),
    publicNoticeSweepSeconds: durationSeconds(v.PUBLIC_NOTICE_SWEEP_INTERVAL ?? 'PT1M'),
    reconcileAfterSeconds: durationSeconds(v.RECONCILE_AFTER ?? 'PT5M'),
    calendarRefreshSeconds: durationSeconds(v.CALENDAR_REFRESH_INTERVAL ?? 'PT10S'),
    reviews: {
      schedule: v.REVIEW_SCHEDULE ?? '0 2 * * *',
      leadDays: v.REVIEW_LEAD_DAYS ?? 30,
      chunkSize: v.REVIEW_BATCH_CHUNK_SIZE ?? 200,
      sweepSeconds: durationSeconds(v.REVIEW_SWEEP_INTERVAL ?? 'PT10M'),
    },
    runMaxAgeSeconds: durationSeconds(v.RUN_MAX_AGE ?? 'PT30M'),
    logLevel: v.LOG_LEVEL ?? 'info',
    consoleIdleMinutes: v.CONSOLE_IDLE_MINUTES ?? 30,
    workerLockMs: v.WORKER_LOCK_MS ?? 30_000,
    verification: {
      concurrency: v.VERIFICATION_CONCURRENCY ?? 256,
      sources: {
        timeoutMs: v.SOURCE_TIMEOUT_MS ?? 5_000,
        attempts: v.SOURCE_ATTEMPTS ?? 5,
        backoffMs: v.SOURCE_BACKOFF_MS ?? 1_000,
        backoffMaxMs: v.SOURCE_BACKOFF_MAX_MS ?? 30_000,
        concurrency: v.SOURCE_CONCURRENCY ?? 8,
        breakerFailures: v.SOURCE_BREAKER_FAILURES ?? 5,
        breakerHalfOpenMs: v.SOURCE_BREAKER_HALF_OPEN_MS ?? 10_000,
        batchSize: v.SOURCE_BATCH_SIZE ?? 100,
        batchWaitMs: v.SOURCE_BATCH_WAIT_MS ?? 50,
        maxWaitSeconds: durationSeconds(v.SOURCE_MAX_WAIT ?? 'PT15M'),
        keys: sourceKeys(v),
      },
    },
  };
}

function sourceKeys(v: EnvironmentVariables): Record<SourceKeyCode, string> {
  const keys = { ...DEV_SOURCE_KEYS };
  for (const code of SOURCE_KEY_CODES) {
    const configured = v[`SOURCE_KEY_${code}`];
    if (configured) keys[code] = configured;
  }
  return keys;
}

/** `npm start`'s database roles when the caller set neither URL: the platform as `hev_app`, migrations as `postgres`. */
export const DEMO_DATABASE_URLS = {
  DATABASE_URL: 'postgres://hev_app@127.0.0.1:5432/hev',
  DATABASE_MIGRATION_URL: 'postgres://postgres@127.0.0.1:5432/hev',
} as const;

/**
 * The demo runs as SPEC 8 asks on a machine with only the `postgres` role (trust auth): migrations as `postgres`
 * (the owner role), the platform as `hev_app` (the runtime role, which `npm run migrate` creates), unless the caller
 * set either URL. Sets them in this process's environment, which the demo's children inherit.
 */
export function applyDemoDatabaseRoles(env: Record<string, string | undefined> = process.env): void {
  if (env.DATABASE_URL || env.DATABASE_MIGRATION_URL) return;
  Object.assign(env, DEMO_DATABASE_URLS);
}
