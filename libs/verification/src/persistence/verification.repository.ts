import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CheckStatus, VerificationCheck, VerificationRun, VerificationRunStatus } from '@app/applications';
import type { Tx } from '@app/database';
import { VerificationReport } from './verification-report.entity';
import { VerificationResult } from './verification-result.entity';

/** A pending check with what the source call needs: the member's encrypted ID number (decrypted only to send it). */
export interface PendingCheck {
  memberId: string;
  idNumberEnc: string;
}

export interface NewResult {
  memberId: string;
  outcome: 'FOUND' | 'NO_RECORD';
  facts: unknown;
  response: unknown;
  responseSha256: string;
}

/** A JSON value as jsonb text; JSON null is stored as SQL NULL, as TypeORM stores a null jsonb column. */
function jsonOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/** Persistence of runs' checks, results and reports. Hot paths are explicit SQL (no read-before-write `save()`). */
@Injectable()
export class VerificationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findRun(runId: string, tx?: Tx): Promise<VerificationRun | null> {
    return (tx ?? this.dataSource.manager).findOneBy(VerificationRun, { id: runId });
  }

  /** Locks the run row until the transaction ends: completion and cancellation of one run never interleave. */
  async lockRun(tx: Tx, runId: string): Promise<VerificationRun | null> {
    return tx
      .createQueryBuilder(VerificationRun, 'r')
      .setLock('pessimistic_write')
      .where('r.id = :runId', { runId })
      .getOne();
  }

  /** The application's most recent run, whatever its status. */
  latestRun(applicationId: string): Promise<VerificationRun | null> {
    return this.dataSource.manager.findOne(VerificationRun, {
      where: { applicationId },
      order: { startedAt: 'DESC' },
    });
  }

  checksOf(runId: string, tx?: Tx): Promise<VerificationCheck[]> {
    return (tx ?? this.dataSource.manager).find(VerificationCheck, {
      where: { runId },
      order: { memberId: 'ASC', source: 'ASC' },
    });
  }

  /** Creates the run's checks; existing ones (a start job that runs twice) are left as they are. */
  async createChecks(checks: readonly VerificationCheck[]): Promise<void> {
    if (checks.length === 0) return;
    // One unnest insert: a household has up to 220 checks, and a query builder with that many parameters is slow.
    await this.dataSource.query(
      `INSERT INTO verification_checks (run_id, source, member_id, status, attempts, completed_at, error)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::uuid[], $4::varchar[], $5::smallint[],
                            $6::timestamptz[], $7::varchar[])
       ON CONFLICT DO NOTHING`,
      [
        checks.map((c) => c.runId),
        checks.map((c) => c.source),
        checks.map((c) => c.memberId),
        checks.map((c) => c.status),
        checks.map((c) => c.attempts),
        checks.map((c) => c.completedAt),
        checks.map((c) => c.error),
      ],
    );
  }

  /**
   * The run's status and its PENDING checks of one source, with each member's encrypted ID number, in one round trip
   * (the check job's hot path). Null when the run does not exist.
   */
  async pendingChecks(
    runId: string,
    source: string,
  ): Promise<{ runStatus: VerificationRunStatus; pending: PendingCheck[] } | null> {
    const rows = await this.dataSource.query<
      { status: VerificationRunStatus; member_id: string | null; id_number_enc: string | null }[]
    >(
      `SELECT r.status, c.member_id, m.id_number_enc
         FROM verification_runs r
         LEFT JOIN verification_checks c ON c.run_id = r.id AND c.source = $2 AND c.status = 'PENDING'
         LEFT JOIN application_members m ON m.id = c.member_id
        WHERE r.id = $1
        ORDER BY m.position`,
      [runId, source],
    );
    if (rows.length === 0) return null;
    return {
      runStatus: rows[0]!.status,
      pending: rows
        .filter((r) => r.member_id !== null && r.id_number_enc !== null)
        .map((r) => ({ memberId: r.member_id!, idNumberEnc: r.id_number_enc! })),
    };
  }

  /**
   * Writes a source's answers in one statement (so atomically): each still-PENDING check becomes SUCCEEDED or
   * NO_RECORD and gets its result row. A check that is no longer pending (cancelled meanwhile, or written by a
   * duplicate job) is left alone, and the primary key of `verification_results` keeps a duplicate from ever writing
   * a second row. Returns the member ids written.
   */
  async recordAnswers(
    runId: string,
    source: string,
    results: readonly NewResult[],
    now: Date,
  ): Promise<string[]> {
    if (results.length === 0) return [];
    const rows = await this.dataSource.query<{ member_id: string }[]>(
      `WITH answer AS (
         SELECT * FROM unnest($3::uuid[], $4::varchar[], $5::jsonb[], $6::jsonb[], $7::char(64)[])
           AS a(member_id, outcome, facts, response, sha)
       ), moved AS (
         UPDATE verification_checks c
            SET status = CASE WHEN a.outcome = 'FOUND' THEN '${CheckStatus.SUCCEEDED}' ELSE '${CheckStatus.NO_RECORD}' END,
                attempts = c.attempts + 1, completed_at = $8, error = NULL
           FROM answer a
          WHERE c.run_id = $1 AND c.source = $2 AND c.member_id = a.member_id AND c.status = '${CheckStatus.PENDING}'
         RETURNING c.member_id
       )
       INSERT INTO verification_results (run_id, source, member_id, outcome, facts, response, response_sha256, received_at)
       SELECT $1, $2, a.member_id, a.outcome, a.facts, a.response, a.sha, $8
         FROM answer a JOIN moved USING (member_id)
       ON CONFLICT DO NOTHING
       RETURNING member_id`,
      [
        runId,
        source,
        results.map((r) => r.memberId),
        results.map((r) => r.outcome),
        results.map((r) => jsonOrNull(r.facts)),
        results.map((r) => jsonOrNull(r.response)),
        results.map((r) => r.responseSha256),
        now,
      ],
    );
    return rows.map((r) => r.member_id);
  }

  /** A failed call: counts the attempt on each pending check; `final` also makes them FAILED. */
  async recordFailure(
    runId: string,
    source: string,
    memberIds: readonly string[],
    error: string,
    final: boolean,
    now: Date,
  ): Promise<void> {
    if (memberIds.length === 0) return;
    await this.dataSource.query(
      `UPDATE verification_checks
          SET attempts = attempts + 1, error = $4,
              status = CASE WHEN $5::boolean THEN $6 ELSE status END,
              completed_at = CASE WHEN $5::boolean THEN $7::timestamptz ELSE completed_at END
        WHERE run_id = $1 AND source = $2 AND member_id = ANY($3::uuid[]) AND status = 'PENDING'`,
      [runId, source, memberIds, error.slice(0, 200), final, CheckStatus.FAILED, now],
    );
  }

  /** Cancels whatever is still pending in a run that is no longer RUNNING. */
  async cancelPendingChecks(runId: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE verification_checks SET status = $2, completed_at = $3 WHERE run_id = $1 AND status = 'PENDING'`,
      [runId, CheckStatus.CANCELLED, now],
    );
  }

  resultsOf(runId: string, tx?: Tx): Promise<VerificationResult[]> {
    return (tx ?? this.dataSource.manager).find(VerificationResult, {
      where: { runId },
      order: { memberId: 'ASC', source: 'ASC' },
    });
  }

  async insertReport(tx: Tx, report: VerificationReport): Promise<boolean> {
    const result = await tx
      .createQueryBuilder()
      .insert()
      .into(VerificationReport)
      .values(report)
      .orIgnore()
      .returning(['runId'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }

  reportOf(runId: string): Promise<VerificationReport | null> {
    return this.dataSource.manager.findOneBy(VerificationReport, { runId });
  }

  /** The report of the application's most recently finished run. */
  latestReport(applicationId: string, tx?: Tx): Promise<VerificationReport | null> {
    return (tx ?? this.dataSource.manager).findOne(VerificationReport, {
      where: { applicationId },
      order: { createdAt: 'DESC' },
    });
  }

  async finishRun(tx: Tx, runId: string, status: VerificationRunStatus, now: Date): Promise<void> {
    await tx
      .createQueryBuilder()
      .update(VerificationRun)
      .set({ status, completedAt: now })
      .where('id = :runId', { runId })
      .execute();
  }
}
