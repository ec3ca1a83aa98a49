// Relative imports: Jest applies moduleNameMapper to test files, not to the global setup.
import { migrate } from '../libs/database/src/migrate';
import { RUNTIME_GROUP } from '../libs/database/src/database-roles';
import {
  databaseUrl,
  ownerDatabaseUrl,
  TEST_OWNER_ROLE,
  TEST_RUNTIME_ROLE,
  withAdminClient,
} from '../libs/testing/src/databases';

/** Roles are cluster-wide and several Jest runs (other checkouts) may start at once: one creator at a time. */
const TEST_ROLES_LOCK_KEY = 727_004;

/**
 * Migrates one template database per Jest run; every integration/e2e test file clones it
 * (CREATE DATABASE … TEMPLATE …), so files run in parallel without seeing each other's rows.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.HEV_TEST_TEMPLATE) return; // both projects share one template
  const name = `hev_t${process.pid}`;
  await withAdminClient(async (c) => {
    // Leftovers of runs that were killed before their teardown.
    const stale = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname ~ '^hev_t[0-9]+' AND NOT datistemplate`,
    );
    for (const { datname } of stale.rows) {
      const pid = Number(/^hev_t(\d+)/.exec(datname)?.[1]);
      if (pid !== process.pid && !processAlive(pid))
        await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await ensureTestRoles(c);
    await c.query(`CREATE DATABASE "${name}" OWNER ${TEST_OWNER_ROLE}`);
  });
  // Migrations as the owner role; the platform under test connects as the runtime role (SPEC 8).
  await migrate(ownerDatabaseUrl(name), databaseUrl(name));
  process.env.HEV_TEST_TEMPLATE = name;
}

/** The owner (not a superuser), the runtime login role and the group the migrations grant to. */
async function ensureTestRoles(c: import('pg').Client): Promise<void> {
  await c.query('SELECT pg_advisory_lock($1)', [TEST_ROLES_LOCK_KEY]);
  try {
    for (const [role, attributes] of [
      [TEST_OWNER_ROLE, 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE'],
      [RUNTIME_GROUP, 'NOLOGIN'],
      [TEST_RUNTIME_ROLE, 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE'],
    ] as const) {
      const found = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      if (found.rowCount === 0) {
        await c.query(`CREATE ROLE ${role} ${attributes}`).catch((error: { code?: string }) => {
          // Another run created it between the check and the create.
          if (error.code !== '42710' && error.code !== '23505') throw error;
        });
      }
    }
    await c.query(`GRANT ${RUNTIME_GROUP} TO ${TEST_RUNTIME_ROLE}`);
  } finally {
    await c.query('SELECT pg_advisory_unlock($1)', [TEST_ROLES_LOCK_KEY]);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
