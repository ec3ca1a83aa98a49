// Relative imports: Jest applies moduleNameMapper to test files, not to the global setup.
import { migrate } from '../libs/database/src/migrate';
import { databaseUrl, withAdminClient } from '../libs/testing/src/databases';

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
  });
  await migrate(databaseUrl(name));
  process.env.HEV_TEST_TEMPLATE = name;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
