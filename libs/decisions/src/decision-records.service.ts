import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { canonicalJson, sha256Hex } from '@app/common';
import { appConfig, type AppConfigType } from '@app/config';
import type { Tx } from '@app/database';
import { evaluate } from '@app/eligibility';
import { DecisionRecordDecisionRow, DecisionRecordRow } from './decision-record.entity';
import { recordHashOf, responseHashOf } from './decision-record-replay';
import {
  DECISION_RECORD_SCHEMA,
  type AppendDecisionInput,
  type DecisionRecordContent,
  type DecisionRecordDocument,
  type RecordCheck,
  type RecordedDecision,
  type RecordRecommendationInput,
  type SignedDecisionRecord,
  type StoredRecommendation,
} from './decision-record.types';
import { RecordSigner, SIGNATURE_ALGORITHM, verifySignature, type PublicSigningKey } from './record-signer';

/** Thrown when a recommendation handed over does not follow from its own inputs: such a record could never replay. */
export class IrreproducibleRecommendationError extends Error {
  constructor() {
    super('The recommendation does not follow from the household, facts and policy handed over with it');
    this.name = 'IrreproducibleRecommendationError';
  }
}

/** `GET /api/v1/keys`. */
export interface PublishedKeys {
  keys: (PublicSigningKey & { pem: string })[];
}

/** A stored row's own check: its content against its hash and signature. */
export interface StoredRowCheck extends RecordCheck {
  readonly rowId: string;
  readonly kind: 'RECOMMENDATION' | 'DECISION';
}

/**
 * The immutable, signed decision records of SPEC 6.5. `recordRecommendation` is called in the transaction that
 * writes a recommendation; `appendDecision` in the transaction of a county decision.
 */
@Injectable()
export class DecisionRecordsService {
  private readonly signer: RecordSigner;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(appConfig.KEY) config: AppConfigType,
  ) {
    this.signer = new RecordSigner(config.signingKeySeed);
  }

  /**
   * Stores the record of one recommendation (one per verification run) inside the caller's transaction. Refuses a
   * recommendation that the engine does not reproduce from the inputs given. A second call for the same run keeps
   * the first record and returns it.
   */
  async recordRecommendation(
    tx: Tx,
    input: RecordRecommendationInput,
  ): Promise<{ recordId: string; recordHash: string }> {
    if (!tx.queryRunner?.isTransactionActive)
      throw new Error(
        'DecisionRecordsService.recordRecommendation must run inside the recommendation transaction',
      );
    const { version, areaCode, effectiveFrom, legalBasis, ...values } = input.policy;
    const params = {
      version,
      dibaoStandardUrbanFen: values.dibaoStandardUrbanFen,
      dibaoStandardRuralFen: values.dibaoStandardRuralFen,
      edgeMultiplier: values.edgeMultiplier,
      tekunMultiplier: values.tekunMultiplier,
      financialAssetMonths: values.financialAssetMonths,
      edgeFinancialAssetMonths: values.edgeFinancialAssetMonths,
      maxDwellings: values.maxDwellings,
      enterpriseCapitalLimitFen: values.enterpriseCapitalLimitFen,
      incomeToleranceFen: values.incomeToleranceFen,
      incomeTolerancePct: values.incomeTolerancePct,
    };
    if (canonicalJson(evaluate(input.household, input.facts, params)) !== canonicalJson(input.recommendation))
      throw new IrreproducibleRecommendationError();

    const recordedAt = input.recordedAt ?? new Date();
    const { version: _v, ...policyValues } = params;
    // Stored as jsonb and read back through JSON.parse: sign exactly the value that round-trips.
    const content = roundTrip<DecisionRecordContent>({
      schema: DECISION_RECORD_SCHEMA,
      recordId: randomUUID(),
      applicationId: input.applicationId,
      applicationNumber: input.applicationNumber,
      runId: input.runId,
      recordedAt: recordedAt.toISOString(),
      household: input.household,
      sources: input.sources.map((s) => ({
        source: s.source,
        memberId: s.memberId,
        status: s.status,
        response: s.response ?? null,
        sha256: responseHashOf(s.response),
      })),
      facts: input.facts,
      policy: { version, areaCode, effectiveFrom, legalBasis, values: policyValues },
      recommendation: input.recommendation,
    });
    const signed = this.sign({ ...content, decisions: [] });
    const inserted = await tx.query<unknown[]>(
      `INSERT INTO decision_records (id, application_id, run_id, recorded_at, content, record_hash, signature, key_id)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)
       ON CONFLICT (run_id) DO NOTHING RETURNING id`,
      [
        content.recordId,
        content.applicationId,
        content.runId,
        recordedAt,
        JSON.stringify(content),
        signed.recordHash,
        signed.signature,
        signed.keyId,
      ],
    );
    if (inserted.length === 1) return { recordId: content.recordId, recordHash: signed.recordHash };
    const existing = await tx.findOneByOrFail(DecisionRecordRow, { runId: input.runId });
    return { recordId: existing.id, recordHash: existing.recordHash };
  }

  /** Adds a county decision to the record of `runId`, signing the whole record as it then stands. */
  async appendDecision(tx: Tx, runId: string, input: AppendDecisionInput): Promise<SignedDecisionRecord> {
    if (!tx.queryRunner?.isTransactionActive)
      throw new Error('DecisionRecordsService.appendDecision must run inside the decision transaction');
    const row = await tx.findOneBy(DecisionRecordRow, { runId });
    if (!row) throw new Error(`No decision record for run ${runId}`);
    const earlier = await tx.find(DecisionRecordDecisionRow, {
      where: { recordId: row.id },
      order: { seq: 'ASC' },
    });
    const decision = roundTrip<RecordedDecision>({
      seq: earlier.length + 1,
      decisionId: input.decisionId,
      decision: input.decision,
      reason: input.reason,
      monthlyBenefitFen: input.monthlyBenefitFen,
      effectiveMonth: input.effectiveMonth,
      override: input.override,
      decidedBy: { userId: input.decidedBy.userId, username: input.decidedBy.username },
      decidedAt: input.decidedAt.toISOString(),
    });
    const signed = this.sign({ ...row.content, decisions: [...earlier.map((d) => d.content), decision] });
    await tx
      .createQueryBuilder()
      .insert()
      .into(DecisionRecordDecisionRow)
      .values({
        id: randomUUID(),
        recordId: row.id,
        seq: decision.seq,
        content: decision,
        recordHash: signed.recordHash,
        signature: signed.signature,
        keyId: signed.keyId,
        createdAt: input.decidedAt,
      })
      .execute();
    return signed;
  }

  /** The recommendation stored for a run, or null when the run has none (yet). */
  async recommendationOfRun(runId: string, tx?: Tx): Promise<StoredRecommendation | null> {
    const rows = await (tx ?? this.dataSource.manager).query<
      { id: string; outcome: StoredRecommendation['outcome']; amount: number }[]
    >(
      `SELECT id, content->'recommendation'->>'outcome' AS outcome,
              (content->'recommendation'->>'monthlyBenefitFen')::int AS amount
         FROM decision_records WHERE run_id = $1`,
      [runId],
    );
    const row = rows[0];
    return row ? { recordId: row.id, runId, outcome: row.outcome, monthlyBenefitFen: row.amount } : null;
  }

  /** The latest record of an application (its current recommendation) with every decision added, as signed. */
  async latestForApplication(applicationId: string): Promise<SignedDecisionRecord | null> {
    const row = await this.dataSource.getRepository(DecisionRecordRow).findOne({
      where: { applicationId },
      order: { recordedAt: 'DESC' },
    });
    return row ? this.stored(row) : null;
  }

  /** The record of one run, as signed. */
  async forRun(runId: string): Promise<SignedDecisionRecord | null> {
    const row = await this.dataSource.getRepository(DecisionRecordRow).findOneBy({ runId });
    return row ? this.stored(row) : null;
  }

  /** Every stored record of an application, oldest first. */
  async allForApplication(applicationId: string): Promise<SignedDecisionRecord[]> {
    const rows = await this.dataSource.getRepository(DecisionRecordRow).find({
      where: { applicationId },
      order: { recordedAt: 'ASC' },
    });
    return Promise.all(rows.map((row) => this.stored(row)));
  }

  /**
   * Recomputes the hash and checks the signature of every stored row of an application (the recommendation row and
   * each decision row), so a row changed behind the platform's back is found.
   */
  async checkStored(applicationId: string): Promise<StoredRowCheck[]> {
    const rows = await this.dataSource.getRepository(DecisionRecordRow).find({
      where: { applicationId },
      order: { recordedAt: 'ASC' },
    });
    const checks: StoredRowCheck[] = [];
    for (const row of rows) {
      checks.push({
        rowId: row.id,
        kind: 'RECOMMENDATION',
        ...this.check({ ...row.content, decisions: [] }, row),
      });
      const decisions = await this.decisionsOf(row.id);
      decisions.forEach((d, i) => {
        const document = { ...row.content, decisions: decisions.slice(0, i + 1).map((x) => x.content) };
        checks.push({ rowId: d.id, kind: 'DECISION', ...this.check(document, d) });
      });
    }
    return checks;
  }

  /** `GET /api/v1/keys`: the public key that verifies every record's signature. */
  publishedKeys(): PublishedKeys {
    return { keys: [{ ...this.signer.publicJwk(), pem: this.signer.publicPem() }] };
  }

  private check(
    document: DecisionRecordDocument,
    row: { recordHash: string; signature: string },
  ): RecordCheck {
    const canonical = canonicalJson(document);
    const sourcesIntact = document.sources.every((s) => s.sha256 === responseHashOf(s.response));
    return {
      hashValid: sourcesIntact && sha256Hex(canonical) === row.recordHash,
      signatureValid: verifySignature(this.signer.publicKey, canonical, row.signature),
    };
  }

  private async stored(row: DecisionRecordRow): Promise<SignedDecisionRecord> {
    const decisions = await this.decisionsOf(row.id);
    const last = decisions.at(-1) ?? row;
    return {
      record: { ...row.content, decisions: decisions.map((d) => d.content) },
      recordHash: last.recordHash,
      signature: last.signature,
      signatureAlgorithm: SIGNATURE_ALGORITHM,
      keyId: last.keyId,
    };
  }

  private decisionsOf(recordId: string): Promise<DecisionRecordDecisionRow[]> {
    return this.dataSource.getRepository(DecisionRecordDecisionRow).find({
      where: { recordId },
      order: { seq: 'ASC' },
    });
  }

  private sign(record: DecisionRecordDocument): SignedDecisionRecord {
    const canonical = canonicalJson(record);
    return {
      record,
      recordHash: recordHashOf(record),
      signature: this.signer.sign(canonical),
      signatureAlgorithm: SIGNATURE_ALGORITHM,
      keyId: this.signer.keyId,
    };
  }
}

function roundTrip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
