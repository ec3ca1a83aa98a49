import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** PostgreSQL server the tests use (as a superuser); the per-run template database is made by test/global-setup.ts. */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';

/**
 * SPEC 8 in the tests: migrations run as an owner role that is not a superuser, and the platform (api, worker, their
 * child processes, lib contexts) as a runtime role that is neither, so a grant a migration forgets fails the tests.
 */
export const TEST_OWNER_ROLE = 'hev_test_owner';
export const TEST_RUNTIME_ROLE = 'hev_test_runtime';

function urlAs(role: string | null, name: string): string {
  const url = new URL(`${TEST_SERVER_URL}/${name}`);
  if (role !== null) {
    url.username = role;
    url.password = '';
  }
  return url.toString();
}

/** The runtime role's connection to a test database: what the platform uses. */
export function databaseUrl(name: string): string {
  return urlAs(TEST_RUNTIME_ROLE, name);
}

/** The owner role's connection (migrations). */
export function ownerDatabaseUrl(name: string): string {
  return urlAs(TEST_OWNER_ROLE, name);
}

/** A superuser connection, for tests that look at or tamper with what the platform may not. */
export function adminDatabaseUrl(name: string): string {
  return urlAs(null, name);
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
  const client = new Client({ connectionString: adminDatabaseUrl('postgres') });
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
  /** The owner role's connection (it owns the tables, as migrations made them). */
  ownerUrl: string;
  /** A superuser connection, for tests that look at or tamper with what the platform cannot. */
  adminUrl: string;
  drop(): Promise<void>;
}

/** A fresh, fully migrated database for one test file, cloned from the run's template (fast, isolated). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = templateName();
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  // Owned by the owner role, as in production (it may create tables in `public`, as a later migration would).
  await withAdminClient((c) =>
    c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}" OWNER ${TEST_OWNER_ROLE}`),
  );
  return {
    name,
    url: databaseUrl(name),
    ownerUrl: ownerDatabaseUrl(name),
    adminUrl: adminDatabaseUrl(name),
    drop: () =>
      withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** A queue prefix no other test file shares (Redis keys are isolated by it). */
export function uniqueQueuePrefix(): string {
  return `{hev-test-${randomBytes(4).toString('hex')}}`;
}
