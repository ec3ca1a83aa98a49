import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, withAdminClient, type TestDatabase } from '@app/testing';
import { dataSourceOptions } from './data-source-options';
import { ensureRuntimeRole, roleOf, runtimeRoleProblems, RUNTIME_GROUP } from './database-roles';

/** SPEC 8 roles and SPEC 10 session bounds, against the real PostgreSQL. */
describe('database roles and session bounds (SPEC 8, 10)', () => {
  let db: TestDatabase;
  let runtime: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    runtime = new Client({ connectionString: db.url });
    await runtime.connect();
    // An entry to attack.
    const owner = new Client({ connectionString: db.ownerUrl });
    await owner.connect();
    await owner.query(
      `INSERT INTO audit_chain_heads (chain, last_seq, last_hash) VALUES ('431102', 0, repeat('0', 64))`,
    );
    await owner.end();
  });

  afterAll(async () => {
    await runtime.end();
    await db.drop();
  });

  async function refusal(sql: string): Promise<string | undefined> {
    try {
      await runtime.query(sql);
      return undefined;
    } catch (error) {
      return (error as { code?: string }).code;
    }
  }

  it('connects the platform as a role that is neither superuser nor owner (the tests use the two roles)', async () => {
    expect(roleOf(db.url)).not.toBe(roleOf(db.ownerUrl));
    expect(
      await runtimeRoleProblems(async (sql) => (await runtime.query<Record<string, unknown>>(sql)).rows),
    ).toEqual([]);
    const admin = new Client({ connectionString: db.adminUrl });
    const owner = new Client({ connectionString: db.ownerUrl });
    await Promise.all([admin.connect(), owner.connect()]);
    try {
      expect(
        await runtimeRoleProblems(async (sql) => (await admin.query<Record<string, unknown>>(sql)).rows),
      ).toEqual([expect.stringMatching(/is a superuser/)]);
      expect(
        await runtimeRoleProblems(async (sql) => (await owner.query<Record<string, unknown>>(sql)).rows),
      ).toEqual([expect.stringMatching(/owns .*audit_entries/)]);
    } finally {
      await Promise.all([admin.end(), owner.end()]);
    }
  });

  it('lets the runtime role append to the audit trail but never change it or switch the protection off', async () => {
    await runtime.query(
      `INSERT INTO audit_entries (chain, area_code, at, action, detail, prev_hash, hash)
       VALUES ('431102', '431102', now(), 'test.appended', '{}', repeat('0', 64), repeat('1', 64))`,
    );
    expect((await runtime.query('SELECT count(*)::int AS n FROM audit_entries')).rows[0]).toEqual({ n: 1 });
    // 42501 insufficient_privilege: refused by the privileges themselves, before any trigger.
    expect(await refusal(`UPDATE audit_entries SET detail = '{"forged":true}'`)).toBe('42501');
    expect(await refusal('DELETE FROM audit_entries')).toBe('42501');
    expect(await refusal('TRUNCATE audit_entries')).toBe('42501');
    expect(await refusal('DELETE FROM audit_chain_heads')).toBe('42501');
    expect(await refusal('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only')).toBe(
      '42501',
    );
    expect(await refusal('ALTER TABLE audit_entries DISABLE TRIGGER ALL')).toBe('42501');
    expect(await refusal('DROP TRIGGER audit_entries_append_only ON audit_entries')).toBe('42501');
    expect(await refusal('DROP FUNCTION audit_entries_refuse_change() CASCADE')).toBe('42501');
    expect(await refusal('SET session_replication_role = replica')).toBe('42501');
    // A non-owner's GRANT grants nothing (PostgreSQL only warns); UPDATE stays refused.
    await runtime.query(`GRANT UPDATE ON audit_entries TO ${roleOf(db.url)}`).catch(() => undefined);
    expect(await refusal(`UPDATE audit_entries SET action = 'forged'`)).toBe('42501');
    expect(await refusal('ALTER TABLE audit_entries OWNER TO CURRENT_USER')).toBe('42501');
    expect(await refusal('DELETE FROM typeorm_migrations')).toBe('42501');
    // The chain head still moves forward (its trigger refuses anything else).
    await runtime.query(
      `UPDATE audit_chain_heads SET last_seq = 1, last_hash = repeat('1', 64) WHERE chain = '431102'`,
    );
    expect((await runtime.query('SELECT count(*)::int AS n FROM audit_entries')).rows[0]).toEqual({ n: 1 });
  });

  it('gives tables made by later migrations (as the owner) the runtime privileges by default', async () => {
    const owner = new Client({ connectionString: db.ownerUrl });
    await owner.connect();
    try {
      await owner.query('CREATE TABLE later_feature (id serial PRIMARY KEY, note text)');
      await runtime.query(`INSERT INTO later_feature (note) VALUES ('x')`);
      await runtime.query(`UPDATE later_feature SET note = 'y'`);
      expect((await runtime.query('SELECT note FROM later_feature')).rows).toEqual([{ note: 'y' }]);
      await runtime.query('DELETE FROM later_feature');
      expect(await refusal('DROP TABLE later_feature')).toBe('42501');
    } finally {
      await owner.query('DROP TABLE later_feature');
      await owner.end();
    }
  });

  it('creates and grants a runtime role once however many migrators start at once', async () => {
    const name = `hev_t_rt_${randomBytes(4).toString('hex')}`;
    const runtimeUrl = new URL(db.url);
    runtimeUrl.username = name;
    runtimeUrl.password = 'rotate-me-1';
    try {
      // As a superuser here: the test owner role may not create roles.
      await Promise.all(
        Array.from({ length: 4 }, () => ensureRuntimeRole(db.adminUrl, runtimeUrl.toString())),
      );
      const rows = await withAdminClient(
        async (c) =>
          (
            await c.query<{ rolsuper: boolean; rolcanlogin: boolean; member: boolean }>(
              `SELECT rolsuper, rolcanlogin, pg_has_role(rolname, $2, 'MEMBER') AS member FROM pg_roles WHERE rolname = $1`,
              [name, RUNTIME_GROUP],
            )
          ).rows,
      );
      expect(rows).toEqual([{ rolsuper: false, rolcanlogin: true, member: true }]);
      // It can do what the platform does.
      const client = new Client({ connectionString: runtimeUrl.toString() });
      await client.connect();
      expect((await client.query('SELECT count(*)::int AS n FROM users')).rows[0]).toEqual({ n: 0 });
      await client.end();
    } finally {
      await withAdminClient((c) => c.query(`DROP ROLE IF EXISTS ${name}`));
    }
  });

  it('bounds every session: statement, lock and idle-in-transaction timeouts (defaults 30 s / 10 s / 60 s)', async () => {
    const defaults = await new DataSource(dataSourceOptions(db.url, 1)).initialize();
    const tight = await new DataSource(
      dataSourceOptions(db.url, 1, 5_000, { statementMs: 200, lockMs: 100, idleInTransactionMs: 300 }),
    ).initialize();
    try {
      const show = async (source: DataSource) =>
        (
          await source.query<{ s: string; l: string; i: string }[]>(
            `SELECT current_setting('statement_timeout') AS s, current_setting('lock_timeout') AS l,
                    current_setting('idle_in_transaction_session_timeout') AS i`,
          )
        )[0];
      expect(await show(defaults)).toEqual({ s: '30s', l: '10s', i: '1min' });
      expect(await show(tight)).toEqual({ s: '200ms', l: '100ms', i: '300ms' });
      await expect(tight.query('SELECT pg_sleep(2)')).rejects.toMatchObject({
        driverError: { code: '57014' },
      });
      // A lock held elsewhere is waited for 100 ms, not for ever.
      const holder = new Client({ connectionString: db.url });
      await holder.connect();
      await holder.query('BEGIN');
      await holder.query('SELECT * FROM users FOR UPDATE');
      await holder.query('LOCK TABLE areas IN ACCESS EXCLUSIVE MODE').catch(() => undefined);
      await expect(tight.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE')).rejects.toBeDefined();
      await holder.query('ROLLBACK');
      await holder.end();
    } finally {
      await defaults.destroy();
      await tight.destroy();
    }
  });
});
