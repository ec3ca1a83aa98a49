import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';

/** Repository (or dist/) root: this file lives at <root>/libs/database/src. */
const ROOT = join(__dirname, '..', '..', '..');

/** Under Jest the sources are TypeScript; in dist/ they are compiled JavaScript. */
const EXT = __filename.endsWith('.ts') ? 'ts' : 'js';

// One entity per `*.entity` file (a file of another name would silently not be registered).
export const ENTITY_GLOBS = [join(ROOT, `libs/*/src/**/*.entity.${EXT}`)];
export const MIGRATION_GLOBS = [join(ROOT, `libs/database/src/migrations/*.${EXT}`)];

/** Per-session bounds (SPEC 10), in milliseconds; 0 turns one off. */
export interface SessionTimeouts {
  statementMs: number;
  lockMs: number;
  idleInTransactionMs: number;
}

/** SPEC 10 defaults: 30 s per statement, 10 s waiting for a lock, 60 s idle inside a transaction. */
export const DEFAULT_SESSION_TIMEOUTS: SessionTimeouts = {
  statementMs: 30_000,
  lockMs: 10_000,
  idleInTransactionMs: 60_000,
};

/**
 * TypeORM options shared by the apps, the CLI and the tests. `synchronize` is never on: migrations only. Every
 * session of the pool gets `timeouts` (the migrator passes none: a migration may legitimately run long).
 */
export function dataSourceOptions(
  url: string,
  poolSize = 10,
  poolWaitMs = 30_000,
  timeouts: SessionTimeouts | null = DEFAULT_SESSION_TIMEOUTS,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITY_GLOBS,
    migrations: MIGRATION_GLOBS,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    // TypeORM's query log prints parameters (names, hashes): errors surface as exceptions instead.
    logging: false,
    // A query waits at most `poolWaitMs` for a free connection, then fails (node-postgres would wait for ever).
    extra: {
      max: poolSize,
      connectionTimeoutMillis: poolWaitMs,
      application_name: 'hev',
      // node-postgres sends these as startup parameters: every session, including one a pool re-opens, has them.
      ...(timeouts
        ? {
            statement_timeout: timeouts.statementMs,
            lock_timeout: timeouts.lockMs,
            idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
          }
        : {}),
    },
  };
}
