import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApplicationsModule } from '@app/applications';
import { dataSourceOptions, runInTransaction } from '@app/database';
import { PiiCipher } from '@app/privacy';
import { evaluate, RULE_IDS, YONGZHOU_DEMO_PARAMETERS, type RuleId } from '@app/eligibility';
import {
  createVerifiedApplication,
  eligibilityCases,
  sourceResponsesOf,
  startLibContext,
  type LibContext,
  type VerifiedApplication,
} from '@app/testing';
import { checkSignedRecord, replayDecisionRecord } from './decision-record-replay';
import { DecisionRecordsService, IrreproducibleRecommendationError } from './decision-records.service';

const CREATOR = { id: randomUUID(), username: 'op-fixture' };

describe('decision records (SPEC 6.5)', () => {
  let context: LibContext;
  let records: DecisionRecordsService;
  let dataSource: DataSource;
  const stored: { name: string; created: VerifiedApplication; expects?: { rule: RuleId; result: string } }[] =
    [];

  beforeAll(async () => {
    context = await startLibContext([ApplicationsModule]);
    records = context.app.get(DecisionRecordsService);
    dataSource = context.app.get(DataSource);
    for (const c of eligibilityCases()) {
      const created = await createVerifiedApplication(context.app, {
        createdBy: CREATOR,
        household: c.household,
        facts: c.facts,
        params: c.params,
      });
      stored.push({ name: c.name, created, expects: c.expects });
    }
  }, 120_000);

  afterAll(async () => {
    await context.close();
  });

  it('replays every stored record through the rules engine to the same outcome, amount and trace', async () => {
    const coverage = new Map<RuleId, Set<string>>(RULE_IDS.map((id) => [id, new Set<string>()]));
    for (const { name, created, expects } of stored) {
      const signed = await records.forRun(created.runId);
      expect(signed).not.toBeNull();
      const replay = replayDecisionRecord(signed!.record);
      expect({ name, reproduced: replay.reproduced }).toEqual({ name, reproduced: true });
      expect(replay.replayed.outcome).toBe(signed!.record.recommendation.outcome);
      expect(replay.replayed.monthlyBenefitFen).toBe(signed!.record.recommendation.monthlyBenefitFen);
      expect(replay.replayed.alternativeProgramme).toBe(signed!.record.recommendation.alternativeProgramme);
      for (const rule of replay.replayed.rules) coverage.get(rule.id)!.add(rule.result);
      if (expects) {
        const rule = replay.replayed.rules.find((r) => r.id === expects.rule);
        expect({ name, result: rule?.result }).toEqual({ name, result: expects.result });
      }
    }
    // Every rule was seen passing and not passing across the stored records.
    for (const [id, results] of coverage) {
      expect({ id, pass: results.has('PASS') }).toEqual({ id, pass: true });
      expect({ id, notPass: results.has('FAIL') || results.has('REVIEW') }).toEqual({ id, notPass: true });
    }
    const outcomes = new Set(stored.map((s) => s.created.recommendation.outcome));
    expect([...outcomes].sort()).toEqual(['ELIGIBLE', 'INELIGIBLE', 'NEEDS_REVIEW']);
    const alternatives = new Set(stored.map((s) => s.created.recommendation.alternativeProgramme));
    expect(alternatives).toEqual(new Set([null, 'DIBAO', 'EDGE']));
  });

  it('keeps the household snapshot, every source response with its SHA-256, and the policy values', async () => {
    const { created } = stored[0]!;
    const signed = (await records.forRun(created.runId))!;
    expect(signed.record.household.members.map((m) => m.memberId)).toEqual(created.memberIds);
    expect(signed.record.sources).toHaveLength(11 * created.memberIds.length);
    for (const source of signed.record.sources) expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);
    const { version, ...values } = YONGZHOU_DEMO_PARAMETERS;
    expect(signed.record.policy).toMatchObject({ version, values });
    expect(signed.record.decisions).toEqual([]);
    // No ID number of the household anywhere in the record.
    const cipher = context.app.get(PiiCipher);
    const encrypted = await dataSource.query<{ id_number_enc: string }[]>(
      `SELECT id_number_enc FROM application_members WHERE application_id = $1`,
      [created.applicationId],
    );
    const text = JSON.stringify(signed);
    for (const row of encrypted) expect(text).not.toContain(cipher.decrypt(row.id_number_enc));
  });

  it('verifies every stored record with nothing but the published public key', async () => {
    const [key] = records.publishedKeys().keys;
    for (const { created } of stored) {
      const signed = (await records.forRun(created.runId))!;
      expect(signed.keyId).toBe(key!.kid);
      expect(checkSignedRecord(signed, { kty: key!.kty, crv: key!.crv, x: key!.x })).toEqual({
        hashValid: true,
        signatureValid: true,
      });
    }
  });

  it('adds county decisions as new signed rows covering the whole record', async () => {
    const { created } = stored[0]!;
    const decidedBy = { userId: randomUUID(), username: 'approver' };
    await runInTransaction(dataSource, (tx) =>
      records.appendDecision(tx, created.runId, {
        decisionId: randomUUID(),
        decision: 'RETURN',
        reason: '请补充入户调查',
        monthlyBenefitFen: null,
        effectiveMonth: null,
        override: false,
        decidedBy,
        decidedAt: new Date(),
      }),
    );
    await runInTransaction(dataSource, (tx) =>
      records.appendDecision(tx, created.runId, {
        decisionId: randomUUID(),
        decision: 'APPROVE',
        reason: null,
        monthlyBenefitFen: created.recommendation.monthlyBenefitFen,
        effectiveMonth: '2026-12',
        override: false,
        decidedBy,
        decidedAt: new Date(),
      }),
    );
    const signed = (await records.latestForApplication(created.applicationId))!;
    expect(signed.record.decisions.map((d) => [d.seq, d.decision])).toEqual([
      [1, 'RETURN'],
      [2, 'APPROVE'],
    ]);
    expect(checkSignedRecord(signed, records.publishedKeys().keys[0]!)).toEqual({
      hashValid: true,
      signatureValid: true,
    });
    expect(
      (await records.checkStored(created.applicationId)).every((c) => c.hashValid && c.signatureValid),
    ).toBe(true);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the records in the database itself', async () => {
    const { created } = stored[1]!;
    // As the owner, who holds every privilege: the triggers refuse (the runtime role lacks TRUNCATE anyway).
    const owner = await new DataSource(dataSourceOptions(context.db.ownerUrl, 2)).initialize();
    await expect(
      owner.query(`UPDATE decision_records SET content = content || '{"x":1}' WHERE run_id = $1`, [
        created.runId,
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(
      owner.query(`DELETE FROM decision_records WHERE run_id = $1`, [created.runId]),
    ).rejects.toThrow(/append-only/);
    await expect(owner.query(`TRUNCATE decision_record_decisions`)).rejects.toThrow(/append-only/);
    await expect(owner.query(`UPDATE decision_record_decisions SET seq = seq + 1`)).rejects.toThrow(
      /append-only/,
    );
    await owner.destroy();
  });

  it('detects a record changed behind the platform’s back: hash and signature no longer match', async () => {
    const { created } = stored[2]!;
    // Only a superuser with triggers switched off can do this: exactly the tampering the signature is for.
    const admin = await new DataSource(dataSourceOptions(context.db.adminUrl, 1)).initialize();
    await admin.transaction(async (tx) => {
      await tx.query(`SET LOCAL session_replication_role = replica`);
      await tx.query(
        `UPDATE decision_records
            SET content = jsonb_set(content, '{recommendation,monthlyBenefitFen}', '99900')
          WHERE run_id = $1`,
        [created.runId],
      );
    });
    await admin.destroy();
    const checks = await records.checkStored(created.applicationId);
    expect(checks).toEqual([
      expect.objectContaining({ kind: 'RECOMMENDATION', hashValid: false, signatureValid: false }),
    ]);
    const served = (await records.forRun(created.runId))!;
    expect(served.record.recommendation.monthlyBenefitFen).toBe(99_900);
    expect(checkSignedRecord(served, records.publishedKeys().keys[0]!)).toEqual({
      hashValid: false,
      signatureValid: false,
    });
    // The other records are untouched.
    expect((await records.checkStored(stored[3]!.created.applicationId))[0]).toMatchObject({
      hashValid: true,
      signatureValid: true,
    });
  });

  it('refuses a recommendation the engine does not reproduce, and keeps the first record of a run', async () => {
    const { created } = stored[0]!;
    const existing = (await records.forRun(created.runId))!;
    const { household, facts } = existing.record;
    const policy = {
      ...YONGZHOU_DEMO_PARAMETERS,
      areaCode: '431100',
      effectiveFrom: '2026-01-01',
      legalBasis: 'x',
    };
    const recommendation = evaluate(household, facts, YONGZHOU_DEMO_PARAMETERS);
    const input = {
      applicationId: created.applicationId,
      applicationNumber: created.number,
      runId: created.runId,
      household,
      facts,
      sources: sourceResponsesOf(facts),
      policy,
      recommendation,
    };
    await expect(
      runInTransaction(dataSource, (tx) =>
        records.recordRecommendation(tx, {
          ...input,
          recommendation: { ...recommendation, monthlyBenefitFen: 1 },
        }),
      ),
    ).rejects.toBeInstanceOf(IrreproducibleRecommendationError);
    const again = await runInTransaction(dataSource, (tx) => records.recordRecommendation(tx, input));
    expect(again).toEqual({ recordId: existing.record.recordId, recordHash: expect.any(String) });
    expect(
      await dataSource.query(`SELECT count(*)::int AS n FROM decision_records WHERE run_id = $1`, [
        created.runId,
      ]),
    ).toEqual([{ n: 1 }]);
  });
});
