import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/database';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { AuditService } from './audit.service';
import { ANONYMOUS_ACTOR } from './audit.types';
import { runAuditVerify } from './audit-verify.command';

describe('audit:verify (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let audit: AuditService;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(db.url, 4)).initialize();
    audit = new AuditService(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('reports an empty trail as valid', async () => {
    expect(await runAuditVerify(audit, {})).toEqual({ exitCode: 0, lines: ['No audit chains yet.'] });
  });

  it('exits 0 while the chains are intact and 1 naming the first broken seq once one is tampered with', async () => {
    for (const areaCode of ['431100', '431102001', '431102', '431103001', '431103001'])
      await audit.appendInOwnTransaction({ action: 'auth.login.failed', actor: ANONYMOUS_ACTOR, areaCode });
    const intact = await runAuditVerify(audit, {});
    expect(intact.exitCode).toBe(0);
    expect(intact.lines).toHaveLength(4);
    expect(intact.lines[1]).toMatch(/^431102 {2}valid {3}2 entries {2}head [0-9a-f]{64}$/);
    expect(intact.lines[3]).toBe('All 3 chain(s) valid.');

    const [victim] = await dataSource.query<{ seq: string }[]>(
      `SELECT seq FROM audit_entries WHERE chain = '431103' ORDER BY seq DESC LIMIT 1`,
    );
    // An attacker with a superuser's rights.
    const admin = await new DataSource(dataSourceOptions(db.adminUrl, 1)).initialize();
    await admin.transaction(async (tx) => {
      await tx.query('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only');
      await tx.query(`UPDATE audit_entries SET ip = '203.0.113.9' WHERE seq = $1`, [victim!.seq]);
      await tx.query('ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only');
    });
    await admin.destroy();

    const broken = await runAuditVerify(audit, {});
    expect(broken.exitCode).toBe(1);
    expect(broken.lines[2]).toBe(`431103  BROKEN  2 entries  first broken seq ${victim!.seq}`);
    expect(broken.lines[3]).toBe(`1 of 3 chain(s) BROKEN: 431103 at seq ${victim!.seq}`);

    const onlyIntact = await runAuditVerify(audit, { chains: ['431100', '431102'] });
    expect(onlyIntact.exitCode).toBe(0);
    expect(onlyIntact.lines.at(-1)).toBe('All 2 chain(s) valid.');
  });
});
