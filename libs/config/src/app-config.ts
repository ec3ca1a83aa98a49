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
  piiKey: Buffer;
  signingKeySeed: Buffer;
  admin: { username: string; password: string };
  eventSubscribers: string[];
  publicNoticeSeconds: number;
  /** How often the worker sweeps for public notices past their end (their delayed job may have been lost). */
  publicNoticeSweepSeconds: number;
  reconcileAfterSeconds: number;
  /** SPEC 11.4 and 11.1: the review schedule (cron, China time), its lead days, batch chunks, the exit sweep. */
  reviews: { schedule: string; leadDays: number; chunkSize: number; sweepSeconds: number };
  logLevel: string;
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
    databasePool: { size: v.DATABASE_POOL_SIZE ?? 20, waitMs: v.DATABASE_POOL_WAIT_MS ?? 30_000 },
    redisUrl: v.REDIS_URL ?? 'redis://127.0.0.1:6379',
    queuePrefix: v.QUEUE_PREFIX ?? '{hev}',
    port: v.PORT ?? 3000,
    workerPort: v.WORKER_PORT ?? 3200,
    mockSourcesPort: v.MOCK_SOURCES_PORT ?? 3100,
    mockSourcesUrl: v.MOCK_SOURCES_URL ?? 'http://127.0.0.1:3100',
    mockSourcesControl: v.MOCK_SOURCES_CONTROL ? v.MOCK_SOURCES_CONTROL === 'true' : nodeEnv !== 'production',
    jwt: { secret: v.JWT_SECRET ?? DEV_DEFAULTS.JWT_SECRET, expiresInSeconds: v.JWT_EXPIRES_IN ?? 3600 },
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
    reviews: {
      schedule: v.REVIEW_SCHEDULE ?? '0 2 * * *',
      leadDays: v.REVIEW_LEAD_DAYS ?? 30,
      chunkSize: v.REVIEW_BATCH_CHUNK_SIZE ?? 200,
      sweepSeconds: durationSeconds(v.REVIEW_SWEEP_INTERVAL ?? 'PT10M'),
    },
    logLevel: v.LOG_LEVEL ?? 'info',
    workerLockMs: v.WORKER_LOCK_MS ?? 30_000,
    verification: {
      concurrency: v.VERIFICATION_CONCURRENCY ?? 32,
      sources: {
        timeoutMs: v.SOURCE_TIMEOUT_MS ?? 5_000,
        attempts: v.SOURCE_ATTEMPTS ?? 5,
        backoffMs: v.SOURCE_BACKOFF_MS ?? 1_000,
        backoffMaxMs: v.SOURCE_BACKOFF_MAX_MS ?? 30_000,
        concurrency: v.SOURCE_CONCURRENCY ?? 8,
        breakerFailures: v.SOURCE_BREAKER_FAILURES ?? 5,
        breakerHalfOpenMs: v.SOURCE_BREAKER_HALF_OPEN_MS ?? 10_000,
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
