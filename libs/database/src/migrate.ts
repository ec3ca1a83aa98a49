import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ensureRuntimeGroup, ensureRuntimeRole } from './database-roles';
import { dataSourceOptions } from './data-source-options';

/** Arbitrary constant key for pg_advisory_lock: one migrator at a time across every process. */
const MIGRATION_LOCK_KEY = 727_001;

/** Creates the database named in `url` when it does not exist yet (SPEC 10.1). Safe under concurrency. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_-]+$/.test(name))
    throw new Error('DATABASE_URL must name a database of letters, digits, _ or -');
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } catch (error) {
        // 42P04 duplicate_database: another process created it first.
        if ((error as { code?: string }).code !== '42P04') throw error;
      }
    }
  } finally {
    await client.end();
  }
}

export interface MigrationResult {
  applied: string[];
}

/**
 * Creates the database if needed, then applies pending migrations while holding an advisory lock, connected as the
 * owner role (`url`). The group role the migrations grant to is created first; when `runtimeUrl` names another role,
 * that login role is created (or its password updated) and made a member of the group (SPEC 8).
 */
export async function migrate(url: string, runtimeUrl: string = url): Promise<MigrationResult> {
  await ensureDatabase(url);
  await ensureRuntimeGroup(url);
  const lock = new Client({ connectionString: url });
  await lock.connect();
  // Migrations are raw SQL: loading the entities here would only slow the migrator down.
  const dataSource = new DataSource({ ...dataSourceOptions(url, 2, 30_000, null), entities: [] });
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await ensureRuntimeRole(url, runtimeUrl);
    return { applied: applied.map((m) => m.name) };
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end();
  }
}

/** SQL that the entities would need beyond the migrations; empty when they agree (the drift check). */
export async function pendingSchemaChanges(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url, 2));
  await dataSource.initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return sql.upQueries.map((q) => q.query);
  } finally {
    await dataSource.destroy();
  }
}
