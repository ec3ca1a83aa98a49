import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '@app/database';
import {
  BeneficiaryStatus,
  type BeneficiaryRow,
  type HistoryChange,
  type HistoryEntry,
} from './beneficiary.types';

/** The rows of an UPDATE … RETURNING: TypeORM answers `[rows, count]` for UPDATE and DELETE, plain rows otherwise. */
export function returnedRows<T>(raw: unknown[]): T[] {
  return (Array.isArray(raw[0]) ? raw[0] : raw) as T[];
}

/** The columns of `beneficiaries` as a BeneficiaryRow (plain SQL: this lib has no TypeORM entities). */
export const BENEFICIARY_COLUMNS = `
  b.id, b.application_id AS "applicationId", b.number, b.programme, b.status, b.township_code AS "townshipCode",
  b.county_code AS "countyCode", b.residence, b.applicant_name AS "applicantName",
  b.monthly_benefit_fen AS "monthlyBenefitFen", b.since, b.review_category AS "reviewCategory",
  to_char(b.next_review_due_on, 'YYYY-MM-DD') AS "nextReviewDueOn",
  to_char(b.last_reviewed_on, 'YYYY-MM-DD') AS "lastReviewedOn", b.gradual_exit_from AS "gradualExitFrom",
  b.gradual_exit_until AS "gradualExitUntil", b.stopped_from AS "stoppedFrom", b.accepted_run_id AS "acceptedRunId",
  b.enrolled_at AS "enrolledAt", b.updated_at AS "updatedAt", b.version`;

export interface NewHistoryEntry {
  beneficiaryId: string;
  at: Date;
  change: HistoryChange;
  fromFen: number | null;
  toFen: number | null;
  effectiveMonth: string | null;
  reason: string | null;
  reviewId: string | null;
}

export interface BeneficiaryFilter {
  scopeAreaCode: string;
  status?: string;
  programme?: string;
  areaCode?: string;
  reviewDueBefore?: string;
  q?: string;
  page: number;
  pageSize: number;
}

/** Fields a transition may change; `version` is bumped and `updated_at` set by `update`. */
export type BeneficiaryChange = Partial<
  Pick<
    BeneficiaryRow,
    | 'status'
    | 'monthlyBenefitFen'
    | 'reviewCategory'
    | 'nextReviewDueOn'
    | 'lastReviewedOn'
    | 'gradualExitFrom'
    | 'gradualExitUntil'
    | 'stoppedFrom'
    | 'acceptedRunId'
  >
>;

const CHANGE_COLUMNS: Record<keyof BeneficiaryChange, string> = {
  status: 'status',
  monthlyBenefitFen: 'monthly_benefit_fen',
  reviewCategory: 'review_category',
  nextReviewDueOn: 'next_review_due_on',
  lastReviewedOn: 'last_reviewed_on',
  gradualExitFrom: 'gradual_exit_from',
  gradualExitUntil: 'gradual_exit_until',
  stoppedFrom: 'stopped_from',
  acceptedRunId: 'accepted_run_id',
};

/** The beneficiary roll (SPEC 11.1) and its history. */
@Injectable()
export class BeneficiaryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(tx: Tx, row: BeneficiaryRow): Promise<void> {
    await tx.query(
      `INSERT INTO beneficiaries (id, application_id, number, programme, status, township_code, county_code, residence,
         applicant_name, monthly_benefit_fen, since, review_category, next_review_due_on, last_reviewed_on,
         gradual_exit_from, gradual_exit_until, stopped_from, accepted_run_id, enrolled_at, updated_at, version)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21)`,
      [
        row.id,
        row.applicationId,
        row.number,
        row.programme,
        row.status,
        row.townshipCode,
        row.countyCode,
        row.residence,
        row.applicantName,
        row.monthlyBenefitFen,
        row.since,
        row.reviewCategory,
        row.nextReviewDueOn,
        row.lastReviewedOn,
        row.gradualExitFrom,
        row.gradualExitUntil,
        row.stoppedFrom,
        row.acceptedRunId,
        row.enrolledAt,
        row.updatedAt,
        row.version,
      ],
    );
  }

  async findById(id: string, tx?: Tx): Promise<BeneficiaryRow | null> {
    const rows = await (tx ?? this.dataSource.manager).query<BeneficiaryRow[]>(
      `SELECT ${BENEFICIARY_COLUMNS} FROM beneficiaries b WHERE b.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Locks the row until the transaction ends (every transition of one beneficiary is serialised). */
  async lock(tx: Tx, id: string): Promise<BeneficiaryRow | null> {
    const rows = await tx.query<BeneficiaryRow[]>(
      `SELECT ${BENEFICIARY_COLUMNS} FROM beneficiaries b WHERE b.id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Applies a change and bumps the version; returns the row as it now stands. */
  async update(tx: Tx, id: string, change: BeneficiaryChange, now: Date): Promise<BeneficiaryRow> {
    const sets: string[] = [];
    const params: unknown[] = [id, now];
    for (const [key, value] of Object.entries(change) as [keyof BeneficiaryChange, unknown][]) {
      params.push(value);
      sets.push(`${CHANGE_COLUMNS[key]} = $${params.length}`);
    }
    const raw = await tx.query<unknown[]>(
      `UPDATE beneficiaries b SET ${[...sets, 'updated_at = $2', 'version = b.version + 1'].join(', ')}
        WHERE b.id = $1 RETURNING ${BENEFICIARY_COLUMNS}`,
      params,
    );
    const row = returnedRows<BeneficiaryRow>(raw)[0];
    if (!row) throw new Error(`No beneficiary ${id}`);
    return row;
  }

  async addHistory(tx: Tx, entry: NewHistoryEntry): Promise<void> {
    await tx.query(
      `INSERT INTO beneficiary_history (id, beneficiary_id, at, change, from_fen, to_fen, effective_month, reason, review_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [
        randomUUID(),
        entry.beneficiaryId,
        entry.at,
        entry.change,
        entry.fromFen,
        entry.toFen,
        entry.effectiveMonth,
        entry.reason,
        entry.reviewId,
      ],
    );
  }

  async history(beneficiaryId: string): Promise<HistoryEntry[]> {
    const rows = await this.dataSource.query<(Omit<HistoryEntry, 'at'> & { at: Date })[]>(
      `SELECT at, change, from_fen AS "fromFen", to_fen AS "toFen", effective_month AS "effectiveMonth", reason,
              review_id AS "reviewId"
         FROM beneficiary_history WHERE beneficiary_id = $1 ORDER BY at, id`,
      [beneficiaryId],
    );
    return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  }

  /** `GET /api/v1/beneficiaries`: scoped, filtered, overdue first then by due date. */
  async list(filter: BeneficiaryFilter, today: string): Promise<{ rows: BeneficiaryRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown): void => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    add((p) => `b.township_code LIKE ${p} || '%'`, filter.scopeAreaCode);
    if (filter.areaCode) add((p) => `b.township_code LIKE ${p} || '%'`, filter.areaCode);
    if (filter.status) add((p) => `b.status = ${p}`, filter.status);
    if (filter.programme) add((p) => `b.programme = ${p}`, filter.programme);
    if (filter.reviewDueBefore) add((p) => `b.next_review_due_on < ${p}::date`, filter.reviewDueBefore);
    if (filter.q) add((p) => `(b.number = ${p} OR b.applicant_name LIKE '%' || ${p} || '%')`, filter.q);
    const clause = where.join(' AND ');
    const [{ total }] = (await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM beneficiaries b WHERE ${clause}`,
      params,
    )) as [{ total: number }];
    params.push(today, filter.pageSize, (filter.page - 1) * filter.pageSize);
    const n = params.length;
    const rows = await this.dataSource.query<BeneficiaryRow[]>(
      `SELECT ${BENEFICIARY_COLUMNS} FROM beneficiaries b WHERE ${clause}
        ORDER BY (b.status = 'ACTIVE' AND b.next_review_due_on < $${n - 2}::date) DESC, b.next_review_due_on, b.id
        LIMIT $${n - 1} OFFSET $${n}`,
      params,
    );
    return { rows, total };
  }

  /** Gradual exits whose last paid month is before `month` (so due to end), oldest first. */
  async dueExits(month: string, limit: number): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM beneficiaries WHERE status = $1 AND gradual_exit_until < $2 ORDER BY gradual_exit_until LIMIT $3`,
      [BeneficiaryStatus.GRADUAL_EXIT, month, limit],
    );
    return rows.map((r) => r.id);
  }

  /** The beneficiary (assisted, not stopped) one of whose counted members has this blind index. */
  async findAssistedByBlindIndex(
    blindIndex: string,
  ): Promise<{ beneficiary: BeneficiaryRow; memberId: string } | null> {
    const rows = await this.dataSource.query<(BeneficiaryRow & { memberId: string })[]>(
      `SELECT ${BENEFICIARY_COLUMNS}, m.id AS "memberId"
         FROM application_members m JOIN beneficiaries b ON b.application_id = m.application_id
        WHERE m.id_blind_index = $1 AND m.counted AND b.status <> $2
        LIMIT 1`,
      [blindIndex, BeneficiaryStatus.STOPPED],
    );
    const row = rows[0];
    if (!row) return null;
    const { memberId, ...beneficiary } = row;
    return { beneficiary, memberId };
  }
}
