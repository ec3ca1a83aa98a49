import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '@app/common';
import { dataSourceOptions, pgErrorCode, runInTransaction } from '@app/database';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { AuditChainHead } from './audit-chain-head.entity';
import { AuditEntry } from './audit-entry.entity';
import { auditEntryHash, GENESIS_HASH, hashInputOf } from './audit-hash';
import { AuditService } from './audit.service';
import { ANONYMOUS_ACTOR, type AuditActor, type AuditEntryInput } from './audit.types';

// Every test writes to chains of its own (county codes of Yongzhou), so their assertions never see each other's rows.

function actor(username: string, role: string, areaCode: string): AuditActor {
  return { userId: randomUUID(), username, role, areaCode };
}

function entry(areaCode: string, action: string, extra: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    action,
    areaCode,
    actor: actor('operator', 'STATION_OPERATOR', areaCode),
    detail: { note: `${action} in ${areaCode}` },
    ip: '10.1.2.3',
    ...extra,
  };
}

describe('AuditService (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  /** The owner role (the triggers are its last line) and a superuser (an attacker who can switch them off). */
  let ownerSource: DataSource;
  let adminSource: DataSource;
  let audit: AuditService;

  beforeAll(async () => {
    db = await createTestDatabase();
    // The refusals below are expected; TypeORM would log each one as a failed query.
    dataSource = await new DataSource({ ...dataSourceOptions(db.url, 20), logging: false }).initialize();
    ownerSource = await new DataSource({ ...dataSourceOptions(db.ownerUrl, 5), logging: false }).initialize();
    adminSource = await new DataSource({ ...dataSourceOptions(db.adminUrl, 2), logging: false }).initialize();
    audit = new AuditService(dataSource);
  });

  afterAll(async () => {
    await adminSource.destroy();
    await ownerSource.destroy();
    await dataSource.destroy();
    await db.drop();
  });

  /** Chain rows straight from the table, in seq order. */
  async function rowsOf(chain: string): Promise<AuditEntry[]> {
    return dataSource.getRepository(AuditEntry).find({ where: { chain }, order: { seq: 'ASC' } });
  }

  /** Simulates an attacker with superuser rights: the trigger is switched off only for this one statement. */
  async function tamper(sql: string, params: unknown[]): Promise<void> {
    await adminSource.transaction(async (tx) => {
      await tx.query('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only');
      await tx.query(sql, params);
      await tx.query('ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only');
    });
  }

  it('starts a chain from the genesis hash, links each entry to the last and stores exactly what it hashed', async () => {
    const userId = randomUUID().toUpperCase();
    const applicationId = randomUUID().toUpperCase();
    const first = await audit.appendInOwnTransaction(
      entry('431121001', 'application.created', {
        actor: { userId, username: 'op-qy', role: 'STATION_OPERATOR', areaCode: '431121001' },
        applicationId,
        detail: { status: 'SUBMITTED', amounts: [1.5, 0.1, 1e21], 键: '值', nested: { z: 1, a: null } },
      }),
    );
    const second = await audit.appendInOwnTransaction(
      entry('431121', 'application.approved', { actor: ANONYMOUS_ACTOR, ip: null, detail: undefined }),
    );

    expect(first).toMatchObject({
      chain: '431121',
      prevHash: GENESIS_HASH,
      actorUserId: userId.toLowerCase(),
    });
    expect(second).toMatchObject({ chain: '431121', prevHash: first.hash, detail: {}, ip: null });
    expect(second.seq).toBeGreaterThan(first.seq);

    const rows = await rowsOf('431121');
    expect(rows).toEqual([first, second]);
    expect(rows.map((r) => auditEntryHash(hashInputOf(r)))).toEqual([first.hash, second.hash]);
    expect(await dataSource.getRepository(AuditChainHead).findOneBy({ chain: '431121' })).toEqual({
      chain: '431121',
      lastSeq: second.seq,
      lastHash: second.hash,
    });
    expect(await audit.verify(['431121'])).toEqual({
      valid: true,
      chains: [{ chain: '431121', valid: true, entries: 2, head: second.hash }],
    });
  });

  it('records city-level actions in the city chain and everything below a county in that county’s chain', async () => {
    const city = await audit.appendInOwnTransaction(entry('431100', 'user.created'));
    const village = await audit.appendInOwnTransaction(entry('431122100200', 'application.viewed'));
    expect(city.chain).toBe('431100');
    expect(village.chain).toBe('431122');
    await expect(audit.appendInOwnTransaction(entry('430000', 'user.created'))).rejects.toThrow(/area code/);
  });

  it('refuses to append outside a transaction', async () => {
    await expect(audit.append(dataSource.manager, entry('431122', 'x.y'))).rejects.toThrow(
      /open transaction/,
    );
  });

  it('keeps one unbroken chain per county under 60 concurrent appending transactions', async () => {
    const areas = ['431102001', '431102', '431103001', '431103', '431100'];
    const perArea = 12;
    const cityBefore = (await audit.verify(['431100'])).chains[0]!.entries;
    const inputs = areas.flatMap((area) =>
      Array.from({ length: perArea }, (_, i) => entry(area, 'application.viewed', { detail: { i } })),
    );
    await Promise.all(
      inputs.map((input, i) =>
        runInTransaction(dataSource, async (tx) => {
          // Other work in the same transaction, before and after, widens the window for races.
          await tx.query('SELECT pg_sleep($1)', [(i % 5) / 1000]);
          const appended = await audit.append(tx, input);
          await tx.query('SELECT pg_sleep($1)', [((i * 7) % 5) / 1000]);
          return appended;
        }),
      ),
    );

    const result = await audit.verify(['431100', '431102', '431103']);
    expect(result.valid).toBe(true);
    expect(result.chains.map((c) => [c.chain, c.valid, c.entries])).toEqual([
      ['431100', true, perArea + cityBefore],
      ['431102', true, perArea * 2],
      ['431103', true, perArea * 2],
    ]);
    for (const chain of ['431102', '431103']) {
      const rows = await rowsOf(chain);
      expect(rows).toHaveLength(perArea * 2);
      expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
      rows.slice(1).forEach((row, i) => expect(row.prevHash).toBe(rows[i]!.hash));
      expect(result.chains.find((c) => c.chain === chain)!.head).toBe(rows.at(-1)!.hash);
    }
  }, 30_000);

  it('has the database refuse UPDATE, DELETE and TRUNCATE of audit entries and rewinding of chain heads', async () => {
    const appended = await audit.appendInOwnTransaction(entry('431122', 'auth.login.succeeded'));
    // As the owner, who has every privilege: the triggers refuse. (The runtime role is refused earlier, by its
    // privileges: test/database-roles.e2e-spec.ts.)
    const refusals = [
      ownerSource.query(`UPDATE audit_entries SET detail = '{"forged":true}' WHERE seq = $1`, [appended.seq]),
      ownerSource.query('DELETE FROM audit_entries WHERE seq = $1', [appended.seq]),
      ownerSource.query('TRUNCATE audit_entries'),
      ownerSource.query('DELETE FROM audit_chain_heads WHERE chain = $1', ['431122']),
      ownerSource.query('UPDATE audit_chain_heads SET last_seq = 0 WHERE chain = $1', ['431122']),
    ];
    const errors = await Promise.all(
      refusals.map((p) =>
        p.then(
          () => null,
          (e: unknown) => e,
        ),
      ),
    );
    expect(errors.map((e) => (e as Error | null)?.message)).toEqual([
      'audit_entries is append-only: UPDATE is not allowed',
      'audit_entries is append-only: DELETE is not allowed',
      'audit_entries is append-only: TRUNCATE is not allowed',
      'audit_chain_heads only moves forward: DELETE is not allowed',
      'audit_chain_heads only moves forward: UPDATE is not allowed',
    ]);
    expect(errors.map(pgErrorCode)).toEqual(Array(5).fill('42501'));
    expect(await dataSource.getRepository(AuditEntry).findOneBy({ seq: appended.seq })).toEqual(appended);
  });

  it('detects a tampered entry: its chain is broken at that seq, other chains stay valid', async () => {
    for (let i = 0; i < 5; i++) await audit.appendInOwnTransaction(entry('431123001', 'application.viewed'));
    for (let i = 0; i < 3; i++) await audit.appendInOwnTransaction(entry('431124', 'decision.recorded'));
    const victim = (await rowsOf('431123'))[2]!;
    expect(await audit.verify(['431123', '431124'])).toMatchObject({ valid: true });

    await tamper(`UPDATE audit_entries SET detail = '{"note":"nothing to see"}' WHERE seq = $1`, [
      victim.seq,
    ]);

    const result = await audit.verify(['431123', '431124']);
    expect(result).toEqual({
      valid: false,
      chains: [
        { chain: '431123', valid: false, entries: 5, head: expect.any(String), brokenAt: victim.seq },
        { chain: '431124', valid: true, entries: 3, head: expect.any(String) },
      ],
    });
    // Walking in batches of two must find the same break.
    expect(await audit.verify(['431123'], { batchSize: 2 })).toEqual({
      valid: false,
      chains: [result.chains[0]],
    });
    const all = await audit.verify();
    expect(all.valid).toBe(false);
    expect(all.chains.filter((c) => !c.valid).map((c) => c.chain)).toContain('431123');
    expect(all.chains.find((c) => c.chain === '431124')).toMatchObject({ valid: true });
  });

  it('detects a rewritten hash at the next entry and removed entries at the head', async () => {
    for (let i = 0; i < 4; i++) await audit.appendInOwnTransaction(entry('431126', 'application.viewed'));
    for (let i = 0; i < 4; i++) await audit.appendInOwnTransaction(entry('431127', 'application.viewed'));
    const rewritten = await rowsOf('431126');
    const forged = { ...hashInputOf(rewritten[1]!), detail: { forged: true } };
    await tamper('UPDATE audit_entries SET detail = $1, hash = $2 WHERE seq = $3', [
      JSON.stringify(forged.detail),
      auditEntryHash(forged),
      rewritten[1]!.seq,
    ]);
    const truncated = await rowsOf('431127');
    await tamper('DELETE FROM audit_entries WHERE seq >= $1', [truncated[2]!.seq]);

    const result = await audit.verify(['431126', '431127']);
    expect(result.chains).toEqual([
      { chain: '431126', valid: false, entries: 4, head: rewritten[3]!.hash, brokenAt: rewritten[2]!.seq },
      { chain: '431127', valid: false, entries: 2, head: truncated[1]!.hash, brokenAt: truncated[3]!.seq },
    ]);
  });

  it('leaves no trace of a rolled-back transaction and keeps the chain whole', async () => {
    const before = await audit.appendInOwnTransaction(entry('431125', 'application.created'));
    await expect(
      runInTransaction(dataSource, async (tx) => {
        await audit.append(tx, entry('431125', 'application.withdrawn'));
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    const after = await audit.appendInOwnTransaction(entry('431125', 'application.viewed'));

    const rows = await rowsOf('431125');
    expect(rows.map((r) => r.action)).toEqual(['application.created', 'application.viewed']);
    expect(after.prevHash).toBe(before.hash);
    expect(await audit.verify(['431125'])).toEqual({
      valid: true,
      chains: [{ chain: '431125', valid: true, entries: 2, head: after.hash }],
    });
  });

  describe('listing', () => {
    const applicationId = randomUUID();
    const otherApplication = randomUUID();
    let appended: AuditEntry[];

    beforeAll(async () => {
      const reviewer = actor('reviewer-nt', 'TOWNSHIP_REVIEWER', '431128001');
      appended = [];
      for (const input of [
        entry('431128001', 'application.created', { applicationId }),
        entry('431128001', 'application.viewed', { applicationId, actor: reviewer }),
        entry('431128002', 'application.created', { applicationId: otherApplication }),
        entry('431128', 'application.approved', { applicationId }),
        entry('431129001', 'application.viewed', { applicationId, actor: reviewer }),
        entry('431100', 'policy.updated', { applicationId }),
      ])
        appended.push(await audit.appendInOwnTransaction(input));
    });

    const seqs = (page: { items: { seq: number }[] }) => page.items.map((i) => i.seq);

    it('shows only entries inside the caller’s scope, oldest first, with the SPEC 8 fields', async () => {
      const [created, viewed, other, approved, outside, city] = appended as [AuditEntry, ...AuditEntry[]];
      const county = await audit.list({ applicationId, page: 1, pageSize: 50 }, '431128');
      expect(seqs(county)).toEqual([created.seq, viewed!.seq, approved!.seq]);
      expect(county).toMatchObject({ total: 3, page: 1, pageSize: 50 });
      expect(county.items[1]).toEqual({
        seq: viewed!.seq,
        chain: '431128',
        areaCode: '431128001',
        at: viewed!.at.toISOString(),
        actor: {
          userId: viewed!.actorUserId,
          username: 'reviewer-nt',
          role: 'TOWNSHIP_REVIEWER',
          areaCode: '431128001',
        },
        action: 'application.viewed',
        applicationId,
        detail: { note: 'application.viewed in 431128001' },
        ip: '10.1.2.3',
        prevHash: created.hash,
        hash: viewed!.hash,
      });

      const township = await audit.list({ page: 1, pageSize: 50 }, '431128002');
      expect(seqs(township)).toEqual([other!.seq]);
      const wholeCity = await audit.list({ applicationId, page: 1, pageSize: 50 }, '431100');
      expect(seqs(wholeCity)).toEqual([created.seq, viewed!.seq, approved!.seq, outside!.seq, city!.seq]);
      expect(await audit.list({ page: 1, pageSize: 50 }, 'junk')).toEqual({
        items: [],
        total: 0,
        page: 1,
        pageSize: 50,
      });
    });

    it('filters by action, actor and time, and pages', async () => {
      const [created, viewed, , approved, outside] = appended as [AuditEntry, ...AuditEntry[]];
      const byAction = await audit.list(
        { action: 'application.viewed', applicationId, page: 1, pageSize: 50 },
        '431100',
      );
      expect(seqs(byAction)).toEqual([viewed!.seq, outside!.seq]);
      const byActor = await audit.list({ actor: 'reviewer-nt', page: 1, pageSize: 50 }, '431128');
      expect(seqs(byActor)).toEqual([viewed!.seq]);
      const byTime = await audit.list(
        { applicationId, from: viewed!.at, to: approved!.at, page: 1, pageSize: 50 },
        '431128',
      );
      expect(seqs(byTime)).toEqual([viewed!.seq, approved!.seq]);
      const upperCase = await audit.list(
        { applicationId: applicationId.toUpperCase(), page: 1, pageSize: 1 },
        '431128',
      );
      expect(upperCase).toMatchObject({ total: 3, page: 1, pageSize: 1 });
      expect(seqs(upperCase)).toEqual([created.seq]);
      const page2 = await audit.list({ applicationId, page: 2, pageSize: 2 }, '431128');
      expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(seqs(page2)).toEqual([approved!.seq]);
      expect(await audit.list({ applicationId, page: 3, pageSize: 2 }, '431128')).toMatchObject({
        items: [],
        total: 3,
      });
    });

    it('lists an application’s entries in chain order', async () => {
      const items = await audit.listForApplication(applicationId);
      expect(items.map((i) => i.action)).toEqual([
        'application.created',
        'application.viewed',
        'application.approved',
        'application.viewed',
        'policy.updated',
      ]);
      expect(await audit.listForApplication(randomUUID())).toEqual([]);
    });
  });

  describe('verification in the caller’s scope', () => {
    beforeAll(async () => {
      await audit.appendInOwnTransaction(entry('431171001', 'application.created'));
    });

    it('gives a county auditor its own chain, written or not, and nothing else', async () => {
      expect(await audit.verifyInScope('431171')).toEqual({
        valid: true,
        chains: [{ chain: '431171', valid: true, entries: 1, head: expect.stringMatching(/^[0-9a-f]{64}$/) }],
      });
      expect(await audit.verifyInScope('431173')).toEqual({
        valid: true,
        chains: [{ chain: '431173', valid: true, entries: 0, head: GENESIS_HASH }],
      });
      expect((await audit.verifyInScope('431171', '431171')).chains.map((c) => c.chain)).toEqual(['431171']);
      for (const chain of ['431102', '431100', '431171001', 'junk']) {
        const error = await audit.verifyInScope('431171', chain).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).code).toBe(ErrorCode.NOT_FOUND);
      }
    });

    it('gives a city auditor every chain, and not-found for a chain never written', async () => {
      const city = await audit.verifyInScope('431100');
      expect(city.chains.map((c) => c.chain)).toEqual(await audit.listChains());
      expect(city.chains.map((c) => c.chain)).toEqual(expect.arrayContaining(['431100', '431102', '431171']));
      expect((await audit.verifyInScope('431100', '431171')).chains).toHaveLength(1);
      const error = await audit.verifyInScope('431100', '431172').catch((e: unknown) => e);
      expect((error as DomainError).code).toBe(ErrorCode.NOT_FOUND);
    });
  });

  it('matches its migration: the entities need no schema change', async () => {
    const audited = new DataSource({
      ...dataSourceOptions(db.url, 1),
      entities: [AuditEntry, AuditChainHead],
    });
    await audited.initialize();
    try {
      const sql = await audited.driver.createSchemaBuilder().log();
      expect(sql.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await audited.destroy();
    }
  });
});
