import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { pgErrorCode, type Tx } from '@app/database';
import { returnedRows } from './beneficiary.repository';
import { ReviewStatus, type ReviewRow } from './beneficiary.types';

export const REVIEW_COLUMNS = `
  r.id, r.beneficiary_id AS "beneficiaryId", r.application_id AS "applicationId", r.township_code AS "townshipCode",
  r.county_code AS "countyCode", r.reason, r.note, r.status, r.result, r.batch_id AS "batchId",
  r.opened_by AS "openedBy", r.opened_by_username AS "openedByUsername", r.opened_at AS "openedAt",
  r.closed_at AS "closedAt", to_char(r.policy_on, 'YYYY-MM-DD') AS "policyOn",
  to_char(r.review_due_on, 'YYYY-MM-DD') AS "reviewDueOn", r.awaiting_decision_since AS "awaitingDecisionSince",
  r.current_run_id AS "currentRunId", r.recommendation, r.proposal, r.delta, r.township_review AS "townshipReview",
  r.decision, r.authorized_by AS "authorizedBy", r.version`;

export type ReviewChange = Partial<
  Pick<
    ReviewRow,
    | 'status'
    | 'result'
    | 'closedAt'
    | 'awaitingDecisionSince'
    | 'currentRunId'
    | 'recommendation'
    | 'proposal'
    | 'delta'
    | 'townshipReview'
    | 'decision'
    | 'reviewDueOn'
  >
>;

const COLUMN: Record<keyof ReviewChange, { name: string; json?: true }> = {
  status: { name: 'status' },
  result: { name: 'result' },
  closedAt: { name: 'closed_at' },
  awaitingDecisionSince: { name: 'awaiting_decision_since' },
  currentRunId: { name: 'current_run_id' },
  recommendation: { name: 'recommendation', json: true },
  proposal: { name: 'proposal', json: true },
  delta: { name: 'delta', json: true },
  townshipReview: { name: 'township_review', json: true },
  decision: { name: 'decision', json: true },
  reviewDueOn: { name: 'review_due_on' },
};

export interface ReviewFilter {
  scopeAreaCode: string;
  status?: string;
  areaCode?: string;
  batchId?: string;
  page: number;
  pageSize: number;
}

/** Thrown by `insert` when the beneficiary already has an open review (the unique partial index). */
export class ReviewAlreadyOpenError extends Error {
  constructor() {
    super('The beneficiary already has an open review');
    this.name = 'ReviewAlreadyOpenError';
  }
}

/** Reviews of SPEC 11.2. */
@Injectable()
export class ReviewRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts an open review; a second open review of one beneficiary fails with ReviewAlreadyOpenError. */
  async insert(tx: Tx, row: ReviewRow): Promise<void> {
    try {
      // A savepoint, so a refused insert leaves the caller's transaction usable.
      await tx.query('SAVEPOINT review_insert');
      await tx.query(
        `INSERT INTO reviews (id, beneficiary_id, application_id, township_code, county_code, reason, note, status,
           result, batch_id, opened_by, opened_by_username, opened_at, closed_at, policy_on, review_due_on,
           awaiting_decision_since, current_run_id, recommendation, proposal, delta, township_review, decision,
           authorized_by, version)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25)`,
        [
          row.id,
          row.beneficiaryId,
          row.applicationId,
          row.townshipCode,
          row.countyCode,
          row.reason,
          row.note,
          row.status,
          row.result,
          row.batchId,
          row.openedBy,
          row.openedByUsername,
          row.openedAt,
          row.closedAt,
          row.policyOn,
          row.reviewDueOn,
          row.awaitingDecisionSince,
          row.currentRunId,
          json(row.recommendation),
          json(row.proposal),
          json(row.delta),
          json(row.townshipReview),
          json(row.decision),
          row.authorizedBy,
          row.version,
        ],
      );
      await tx.query('RELEASE SAVEPOINT review_insert');
    } catch (error) {
      if (pgErrorCode(error) === '23505') {
        await tx.query('ROLLBACK TO SAVEPOINT review_insert');
        throw new ReviewAlreadyOpenError();
      }
      throw error;
    }
  }

  async findById(id: string, tx?: Tx): Promise<ReviewRow | null> {
    const rows = await (tx ?? this.dataSource.manager).query<ReviewRow[]>(
      `SELECT ${REVIEW_COLUMNS} FROM reviews r WHERE r.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async lock(tx: Tx, id: string): Promise<ReviewRow | null> {
    const rows = await tx.query<ReviewRow[]>(
      `SELECT ${REVIEW_COLUMNS} FROM reviews r WHERE r.id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The review a verification run belongs to, if any. */
  async findByRun(runId: string, tx?: Tx): Promise<ReviewRow | null> {
    const rows = await (tx ?? this.dataSource.manager).query<ReviewRow[]>(
      `SELECT ${REVIEW_COLUMNS} FROM reviews r WHERE r.current_run_id = $1`,
      [runId],
    );
    return rows[0] ?? null;
  }

  async openOf(beneficiaryId: string, tx?: Tx): Promise<ReviewRow | null> {
    const rows = await (tx ?? this.dataSource.manager).query<ReviewRow[]>(
      `SELECT ${REVIEW_COLUMNS} FROM reviews r WHERE r.beneficiary_id = $1 AND r.status <> $2`,
      [beneficiaryId, ReviewStatus.CLOSED],
    );
    return rows[0] ?? null;
  }

  async update(tx: Tx, id: string, change: ReviewChange): Promise<ReviewRow> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [key, value] of Object.entries(change) as [keyof ReviewChange, unknown][]) {
      const column = COLUMN[key];
      params.push(column.json ? json(value) : value);
      sets.push(`${column.name} = $${params.length}${column.json ? '::jsonb' : ''}`);
    }
    const raw = await tx.query<unknown[]>(
      `UPDATE reviews r SET ${[...sets, 'version = r.version + 1'].join(', ')} WHERE r.id = $1
       RETURNING ${REVIEW_COLUMNS}`,
      params,
    );
    const row = returnedRows<ReviewRow>(raw)[0];
    if (!row) throw new Error(`No review ${id}`);
    return row;
  }

  /** Records who recorded an authorisation on the review (separation of duties, SPEC 11.2). */
  async addAuthorizer(tx: Tx, id: string, userId: string): Promise<void> {
    await tx.query(
      `UPDATE reviews SET authorized_by = array_append(authorized_by, $2::uuid)
        WHERE id = $1 AND NOT ($2::uuid = ANY(authorized_by))`,
      [id, userId],
    );
  }

  async listOfBeneficiary(beneficiaryId: string): Promise<ReviewRow[]> {
    return this.dataSource.query<ReviewRow[]>(
      `SELECT ${REVIEW_COLUMNS} FROM reviews r WHERE r.beneficiary_id = $1 ORDER BY r.opened_at DESC, r.id`,
      [beneficiaryId],
    );
  }

  async list(filter: ReviewFilter): Promise<{ rows: ReviewRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown): void => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    add((p) => `r.township_code LIKE ${p} || '%'`, filter.scopeAreaCode);
    if (filter.areaCode) add((p) => `r.township_code LIKE ${p} || '%'`, filter.areaCode);
    if (filter.status) add((p) => `r.status = ${p}`, filter.status);
    if (filter.batchId) add((p) => `r.batch_id = ${p}`, filter.batchId);
    const clause = where.join(' AND ');
    const [{ total }] = (await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM reviews r WHERE ${clause}`,
      params,
    )) as [{ total: number }];
    params.push(filter.pageSize, (filter.page - 1) * filter.pageSize);
    const rows = await this.dataSource.query<ReviewRow[]>(
      `SELECT ${REVIEW_COLUMNS} FROM reviews r WHERE ${clause} ORDER BY r.opened_at DESC, r.id
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return { rows, total };
  }
}

function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
