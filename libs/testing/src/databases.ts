import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** PostgreSQL server the tests use; the per-run template database is created by test/global-setup.ts. */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';

export function databaseUrl(name: string): string {
  return `${TEST_SERVER_URL}/${name}`;
}

export function templateName(): string {
  const name = process.env.HEV_TEST_TEMPLATE;
  if (!name)
    throw new Error(
      'HEV_TEST_TEMPLATE is not set: run integration and e2e tests through Jest (global setup)',
    );
  return name;
}

export async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  /** The platform's connection. */
  url: string;
  /** A superuser connection, for tests that look at or tamper with what the platform cannot. */
  adminUrl: string;
  drop(): Promise<void>;
}

/** A fresh, fully migrated database for one test file, cloned from the run's template (fast, isolated). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = templateName();
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  await withAdminClient((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return {
    name,
    url: databaseUrl(name),
    adminUrl: databaseUrl(name),
    drop: () =>
      withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** A queue prefix no other test file shares (Redis keys are isolated by it). */
export function uniqueQueuePrefix(): string {
  return `{hev-test-${randomBytes(4).toString('hex')}}`;
}
