import { DataSource } from 'typeorm';
import { canonicalJson, RecordSigner, verifySignature } from '@app/common';
import { DEV_DEFAULTS } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { AuditEntry } from './audit-entry.entity';
import { auditEntryHash, GENESIS_HASH, hashInputOf } from './audit-hash';
import { formatAuditVerification } from './audit-verify.command';
import { AuditService } from './audit.service';
import { ANONYMOUS_ACTOR } from './audit.types';

/** SPEC 8 anchors: a rewrite of a whole chain by the table owner is caught against the signed heads. */
describe('audit anchors (PostgreSQL)', () => {
  let db: TestDatabase;
  let runtime: DataSource;
  let owner: DataSource;
  let audit: AuditService;
  const key = new RecordSigner(Buffer.from(DEV_DEFAULTS.SIGNING_KEY, 'hex')).publicJwk();

  beforeAll(async () => {
    db = await createTestDatabase();
    runtime = await new DataSource({ ...dataSourceOptions(db.url, 4), logging: false }).initialize();
    owner = await new DataSource({ ...dataSourceOptions(db.ownerUrl, 2), logging: false }).initialize();
    audit = new AuditService(runtime);
  });

  afterAll(async () => {
    await owner.destroy();
    await runtime.destroy();
    await db.drop();
  });

  it('signs every chain head, once per head, verifiable with the published key', async () => {
    for (const areaCode of ['431102001', '431102', '431102001', '431103001'])
      await audit.appendInOwnTransaction({
        action: 'test.entry',
        actor: ANONYMOUS_ACTOR,
        areaCode,
        detail: { n: 1 },
      });
    const anchors = await audit.takeAnchors();
    expect(anchors.map((a) => [a.chain, a.seq])).toEqual([
      ['431102', 3],
      ['431103', 4],
    ]);
    for (const anchor of anchors) {
      const { signature, keyId, ...signed } = anchor;
      expect(keyId).toBe(key.kid);
      expect(verifySignature(key, canonicalJson(signed), signature)).toBe(true);
    }
    // Nothing moved: no new anchor.
    expect(await audit.takeAnchors()).toEqual(anchors);
    expect(await audit.listAnchors({ chains: ['431102', '431103'] })).toEqual(anchors);
    expect(await audit.verify()).toMatchObject({ valid: true });
  });

  it('refuses the runtime role any change to an anchor', async () => {
    await expect(runtime.query(`UPDATE audit_anchors SET hash = 'x'`)).rejects.toMatchObject({
      driverError: { code: '42501' },
    });
    await expect(runtime.query(`DELETE FROM audit_anchors`)).rejects.toMatchObject({
      driverError: { code: '42501' },
    });
  });

  it('reports anchorMismatchAt when the owner rewrites a whole chain, though every link checks out', async () => {
    await audit.appendInOwnTransaction({ action: 'test.entry', actor: ANONYMOUS_ACTOR, areaCode: '431102' });
    // The owner (who may switch its own triggers off) rewrites chain 431102 and recomputes every hash and the head.
    await owner.transaction(async (tx) => {
      await tx.query('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only');
      await tx.query('ALTER TABLE audit_chain_heads DISABLE TRIGGER audit_chain_heads_forward_only');
      const entries = await tx
        .getRepository(AuditEntry)
        .find({ where: { chain: '431102' }, order: { seq: 'ASC' } });
      let prev = GENESIS_HASH;
      for (const entry of entries) {
        entry.detail = { n: 2, rewritten: true };
        entry.prevHash = prev;
        entry.hash = auditEntryHash(hashInputOf(entry));
        prev = entry.hash;
        await tx.query('UPDATE audit_entries SET detail = $1, prev_hash = $2, hash = $3 WHERE seq = $4', [
          JSON.stringify(entry.detail),
          entry.prevHash,
          entry.hash,
          entry.seq,
        ]);
      }
      await tx.query(`UPDATE audit_chain_heads SET last_hash = $1 WHERE chain = '431102'`, [prev]);
      await tx.query('ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only');
      await tx.query('ALTER TABLE audit_chain_heads ENABLE TRIGGER audit_chain_heads_forward_only');
    });
    const result = await audit.verify(['431102', '431103']);
    expect(result.valid).toBe(false);
    const [rewritten, untouched] = result.chains;
    // The links are consistent again: only the anchor gives the rewrite away.
    expect(rewritten).toMatchObject({ chain: '431102', valid: false, anchorMismatchAt: 3 });
    expect(rewritten).not.toHaveProperty('brokenAt');
    expect(untouched).toMatchObject({ chain: '431103', valid: true });
    expect(formatAuditVerification(result)).toEqual({
      exitCode: 1,
      lines: [
        expect.stringMatching(/^431102 {2}BROKEN .* no longer matches the anchor at seq 3$/) as string,
        expect.stringMatching(/^431103 {2}valid/) as string,
        '1 of 2 chain(s) BROKEN: 431102 against the anchor at seq 3',
      ],
    });
  });

  it('reports an anchor whose signature does not verify (a forged anchor)', async () => {
    await owner.query(
      `INSERT INTO audit_anchors (chain, seq, hash, at, signature, key_id) VALUES ('431103', 99, repeat('a', 64), now(), 'Zm9yZ2Vk', 'x')`,
    );
    const result = await audit.verify(['431103']);
    expect(result.chains[0]).toMatchObject({ valid: false, anchorMismatchAt: 99 });
  });
});
