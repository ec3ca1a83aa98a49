import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';

/** Repository (or dist/) root: this file lives at <root>/libs/database/src. */
const ROOT = join(__dirname, '..', '..', '..');

/** Under Jest the sources are TypeScript; in dist/ they are compiled JavaScript. */
const EXT = __filename.endsWith('.ts') ? 'ts' : 'js';

// One entity per `*.entity` file (a file of another name would silently not be registered).
export const ENTITY_GLOBS = [join(ROOT, `libs/*/src/**/*.entity.${EXT}`)];
export const MIGRATION_GLOBS = [join(ROOT, `libs/database/src/migrations/*.${EXT}`)];

/** TypeORM options shared by the apps, the CLI and the tests. `synchronize` is never on: migrations only. */
export function dataSourceOptions(url: string, poolSize = 10, poolWaitMs = 30_000): DataSourceOptions {
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
    extra: { max: poolSize, connectionTimeoutMillis: poolWaitMs, application_name: 'hev' },
  };
}
