// Relative import: Jest applies moduleNameMapper to test files, not to the global teardown.
import { withAdminClient } from '../libs/testing/src/databases';

/** Drops the run's template database and any clone a crashed test file left behind. */
export default async function globalTeardown(): Promise<void> {
  const template = process.env.HEV_TEST_TEMPLATE;
  if (!template) return;
  await withAdminClient(async (c) => {
    const rows = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `${template}%`,
    ]);
    for (const { datname } of rows.rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
  delete process.env.HEV_TEST_TEMPLATE;
}
