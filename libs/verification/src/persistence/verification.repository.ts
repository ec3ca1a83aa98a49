import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { CheckStatus, VerificationCheck, VerificationRun, VerificationRunStatus } from '@app/applications';
import type { Tx } from '@app/database';
import { VerificationReport } from './verification-report.entity';
import { VerificationResult } from './verification-result.entity';

/** A pending check with what the source call needs: the member's encrypted ID number (decrypted only to send it). */
export interface PendingCheck {
  memberId: string;
  idNumberEnc: string;
}

/** One check of a batch: run and member (the source is the batch's). */
export interface CheckKey {
  runId: string;
  memberId: string;
}

/** What the claim of a batch found for one check asked for. */
export interface ClaimedCheck extends CheckKey {
  /** Claimed by this call: send it. */
  claimed: boolean;
  /** Still PENDING in a RUNNING run (claimed or not). */
  pending: boolean;
  /** The run is no longer RUNNING. */
  runEnded: boolean;
  /** Calls already made for this check. */
  attempts: number;
  /** Until when another worker holds it, when pending but not claimed here. */
  claimedUntil: Date | null;
  /** Set only when claimed. */
  idNumberEnc: string | null;
  authorization: { signedAt?: unknown } | null;
}

export interface NewBatchResult extends NewResult {
  runId: string;
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

  /** Several runs in one read. */
  findRuns(runIds: readonly string[]): Promise<VerificationRun[]> {
    if (runIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.findBy(VerificationRun, { id: In([...runIds]) });
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

  /**
   * A run's status, start and PENDING checks (of one source, or of all): what the run's check job hands to the
   * per-source batches. Null when the run does not exist.
   */
  async pendingOfRun(
    runId: string,
    source: string | null,
  ): Promise<{
    runStatus: VerificationRunStatus;
    startedAt: Date;
    pending: { source: string; memberId: string }[];
  } | null> {
    const rows = await this.dataSource.query<
      { status: VerificationRunStatus; started_at: Date; source: string | null; member_id: string | null }[]
    >(
      `SELECT r.status, r.started_at, c.source, c.member_id
         FROM verification_runs r
         LEFT JOIN verification_checks c
                ON c.run_id = r.id AND c.status = 'PENDING' AND ($2::varchar IS NULL OR c.source = $2)
        WHERE r.id = $1`,
      [runId, source],
    );
    if (rows.length === 0) return null;
    return {
      runStatus: rows[0]!.status,
      startedAt: rows[0]!.started_at,
      pending: rows
        .filter((r) => r.source !== null && r.member_id !== null)
        .map((r) => ({ source: r.source!, memberId: r.member_id! })),
    };
  }

  /**
   * Claims a batch of one source in one statement (issue 12): each asked-for check that is still PENDING in a
   * RUNNING run and held by no live claim is claimed for `leaseSeconds`, and comes back with what the call needs
   * (the member's encrypted ID number and current authorisation, re-read at send time). Every key asked for gets a
   * row saying what became of it, so the caller knows which checks another worker holds and which have ended.
   */
  async claimBatch(source: string, keys: readonly CheckKey[], leaseSeconds: number): Promise<ClaimedCheck[]> {
    if (keys.length === 0) return [];
    const rows = await this.dataSource.query<
      {
        run_id: string;
        member_id: string;
        claimed: boolean;
        check_status: string | null;
        run_status: string | null;
        attempts: number | null;
        claimed_until: Date | null;
        id_number_enc: string | null;
        authorization: { signedAt?: unknown } | null;
      }[]
    >(
      `WITH wanted AS (
         SELECT * FROM unnest($2::uuid[], $3::uuid[]) AS w(run_id, member_id)
       ), claimed AS (
         UPDATE verification_checks c
            SET claimed_until = now() + make_interval(secs => $4)
           FROM wanted w, verification_runs r
          WHERE c.run_id = w.run_id AND c.member_id = w.member_id AND c.source = $1
            AND c.status = '${CheckStatus.PENDING}' AND (c.claimed_until IS NULL OR c.claimed_until < now())
            AND r.id = c.run_id AND r.status = '${VerificationRunStatus.RUNNING}'
         RETURNING c.run_id, c.member_id, c.attempts
       )
       SELECT w.run_id, w.member_id, (cl.run_id IS NOT NULL) AS claimed, c.status AS check_status,
              r.status AS run_status, coalesce(cl.attempts, c.attempts) AS attempts, c.claimed_until,
              m.id_number_enc, m."authorization"
         FROM wanted w
         LEFT JOIN claimed cl ON cl.run_id = w.run_id AND cl.member_id = w.member_id
         LEFT JOIN verification_checks c ON c.run_id = w.run_id AND c.member_id = w.member_id AND c.source = $1
         LEFT JOIN verification_runs r ON r.id = w.run_id
         LEFT JOIN application_members m ON m.id = w.member_id AND cl.run_id IS NOT NULL`,
      [source, keys.map((k) => k.runId), keys.map((k) => k.memberId), leaseSeconds],
    );
    return rows.map((r) => {
      const runEnded = r.run_status !== VerificationRunStatus.RUNNING;
      return {
        runId: r.run_id,
        memberId: r.member_id,
        claimed: r.claimed,
        pending: r.check_status === CheckStatus.PENDING && !runEnded,
        runEnded,
        attempts: r.attempts ?? 0,
        claimedUntil: r.claimed_until,
        idNumberEnc: r.id_number_enc,
        authorization: r.authorization,
      };
    });
  }

  /**
   * Writes the answers of one batch (many runs, one source) in one statement: each still-PENDING check becomes
   * SUCCEEDED or NO_RECORD, loses its claim, and gets its result row (once per run + source + member, however often
   * this runs). Returns the keys written.
   */
  async recordBatchAnswers(
    source: string,
    results: readonly NewBatchResult[],
    now: Date,
  ): Promise<CheckKey[]> {
    if (results.length === 0) return [];
    const rows = await this.dataSource.query<{ run_id: string; member_id: string }[]>(
      `WITH answer AS (
         SELECT * FROM unnest($2::uuid[], $3::uuid[], $4::varchar[], $5::jsonb[], $6::jsonb[], $7::char(64)[])
           AS a(run_id, member_id, outcome, facts, response, sha)
       ), moved AS (
         UPDATE verification_checks c
            SET status = CASE WHEN a.outcome = 'FOUND' THEN '${CheckStatus.SUCCEEDED}' ELSE '${CheckStatus.NO_RECORD}' END,
                attempts = c.attempts + 1, completed_at = $8, error = NULL, claimed_until = NULL
           FROM answer a
          WHERE c.run_id = a.run_id AND c.source = $1 AND c.member_id = a.member_id
            AND c.status = '${CheckStatus.PENDING}'
         RETURNING c.run_id, c.member_id
       )
       INSERT INTO verification_results (run_id, source, member_id, outcome, facts, response, response_sha256, received_at)
       SELECT a.run_id, $1, a.member_id, a.outcome, a.facts, a.response, a.sha, $8
         FROM answer a JOIN moved m ON m.run_id = a.run_id AND m.member_id = a.member_id
       ON CONFLICT DO NOTHING
       RETURNING run_id, member_id`,
      [
        source,
        results.map((r) => r.runId),
        results.map((r) => r.memberId),
        results.map((r) => r.outcome),
        results.map((r) => jsonOrNull(r.facts)),
        results.map((r) => jsonOrNull(r.response)),
        results.map((r) => r.responseSha256),
        now,
      ],
    );
    return rows.map((r) => ({ runId: r.run_id, memberId: r.member_id }));
  }

  /**
   * A failure for checks of one batch, in one statement; each loses its claim. `countAttempt` counts a call (the
   * source answered with an error); a check is FAILED when `final`, or when it has used `maxAttempts` calls.
   * Returns each still-pending check's new status and attempts.
   */
  async recordBatchFailures(
    source: string,
    keys: readonly CheckKey[],
    error: string,
    options: { countAttempt: boolean; final: boolean; maxAttempts: number },
    now: Date,
  ): Promise<(CheckKey & { status: CheckStatus; attempts: number })[]> {
    if (keys.length === 0) return [];
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows] = await this.dataSource.query<
      [{ run_id: string; member_id: string; status: CheckStatus; attempts: number }[], number]
    >(
      `UPDATE verification_checks c
          SET attempts = c.attempts + CASE WHEN $5::boolean THEN 1 ELSE 0 END, error = $4, claimed_until = NULL,
              status = CASE WHEN $6::boolean OR c.attempts + CASE WHEN $5::boolean THEN 1 ELSE 0 END >= $7
                            THEN '${CheckStatus.FAILED}' ELSE c.status END,
              completed_at = CASE WHEN $6::boolean OR c.attempts + CASE WHEN $5::boolean THEN 1 ELSE 0 END >= $7
                                  THEN $8::timestamptz ELSE c.completed_at END
         FROM unnest($2::uuid[], $3::uuid[]) AS f(run_id, member_id)
        WHERE c.run_id = f.run_id AND c.member_id = f.member_id AND c.source = $1
          AND c.status = '${CheckStatus.PENDING}'
       RETURNING c.run_id, c.member_id, c.status, c.attempts`,
      [
        source,
        keys.map((k) => k.runId),
        keys.map((k) => k.memberId),
        error.slice(0, 200),
        options.countAttempt,
        options.final,
        options.maxAttempts,
        now,
      ],
    );
    return rows.map((r) => ({
      runId: r.run_id,
      memberId: r.member_id,
      status: r.status,
      attempts: r.attempts,
    }));
  }

  /** Checks whose member's authorisation was found invalid at send time: NOT_AUTHORIZED, never sent. */
  async markNotAuthorized(source: string, keys: readonly CheckKey[], now: Date): Promise<void> {
    if (keys.length === 0) return;
    await this.dataSource.query(
      `UPDATE verification_checks c
          SET status = '${CheckStatus.NOT_AUTHORIZED}', completed_at = $4, claimed_until = NULL
         FROM unnest($2::uuid[], $3::uuid[]) AS f(run_id, member_id)
        WHERE c.run_id = f.run_id AND c.member_id = f.member_id AND c.source = $1
          AND c.status = '${CheckStatus.PENDING}'`,
      [source, keys.map((k) => k.runId), keys.map((k) => k.memberId), now],
    );
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

  /**
   * RUNNING runs not looked at for `reconcileAfterSeconds` (since they started or were last reconciled), oldest
   * first; `tooOld` when the current pass began more than `maxAgeSeconds` ago (RUN_MAX_AGE).
   */
  async staleRuns(
    reconcileAfterSeconds: number,
    maxAgeSeconds: number,
    limit: number,
  ): Promise<{ id: string; pass: number; tooOld: boolean }[]> {
    const rows = await this.dataSource.query<{ id: string; pass: number; too_old: boolean }[]>(
      `SELECT id, pass, coalesce(pass_started_at, started_at) < now() - make_interval(secs => $4) AS too_old
         FROM verification_runs
        WHERE status = $1 AND coalesce(reconciled_at, started_at) < now() - make_interval(secs => $2)
        ORDER BY started_at LIMIT $3`,
      [VerificationRunStatus.RUNNING, reconcileAfterSeconds, limit, maxAgeSeconds],
    );
    return rows.map((r) => ({ id: r.id, pass: r.pass, tooOld: r.too_old }));
  }

  /**
   * Claims stale runs for the reconciler: each is marked looked-at, and one without live jobs moves to a new pass.
   * A row moves on only from the pass read, so of two reconcilers one wins each run. Returns the runs claimed.
   */
  async claimStale(
    runs: readonly { id: string; pass: number; live: boolean }[],
  ): Promise<{ id: string; pass: number; live: boolean }[]> {
    if (runs.length === 0) return [];
    const [rows] = await this.dataSource.query<[{ id: string; pass: number; live: boolean }[], number]>(
      `UPDATE verification_runs r
          SET reconciled_at = now(), pass = CASE WHEN u.live THEN r.pass ELSE r.pass + 1 END,
              pass_started_at = CASE WHEN u.live THEN r.pass_started_at ELSE now() END
         FROM unnest($1::uuid[], $2::int[], $3::boolean[]) AS u(id, pass, live)
        WHERE r.id = u.id AND r.pass = u.pass AND r.status = $4
       RETURNING r.id, r.pass, u.live`,
      [
        runs.map((c) => c.id),
        runs.map((c) => c.pass),
        runs.map((c) => c.live),
        VerificationRunStatus.RUNNING,
      ],
    );
    return rows;
  }

  /** Releases the claims on the pending checks of these runs (a restarted pass sends them again at once). */
  async releaseClaims(runIds: readonly string[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE verification_checks SET claimed_until = NULL
        WHERE run_id = ANY($1::uuid[]) AND status = 'PENDING' AND claimed_until IS NOT NULL`,
      [runIds],
    );
  }

  /** `cancelPendingChecks` inside a transaction. */
  async cancelPendingChecksIn(tx: Tx, runId: string, now: Date): Promise<void> {
    await tx.query(
      `UPDATE verification_checks SET status = $2, completed_at = $3, claimed_until = NULL
        WHERE run_id = $1 AND status = 'PENDING'`,
      [runId, CheckStatus.CANCELLED, now],
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
