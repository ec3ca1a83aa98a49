import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AreaScope, Role, actorOf, type AuthUser } from '@app/access';
import { Area, AreaLevel, areaLevelOf, isWithinScope, scopePrefix } from '@app/areas';
import { AuditService, type AuditActor } from '@app/audit';
import { DomainError, todayInChina } from '@app/common';
import { appConfig, type AppConfigType } from '@app/config';
import { runInTransaction, type Tx } from '@app/database';
import { EventType, OutboxService } from '@app/events';
import { QueueName } from '@app/queue';
import { SYSTEM } from './beneficiary-records';
import { ReviewReason, ReviewStatus, type ReviewBatchView } from './beneficiary.types';
import { Clock } from './clock';
import { validateBatch } from './review-validation';

interface BatchRow {
  id: string;
  areaCode: string;
  dueOnOrBefore: string | null;
  programme: string | null;
  status: 'RUNNING' | 'COMPLETE';
  total: number;
  opened: number;
  startedAt: Date;
  completedAt: Date | null;
}

const BATCH_COLUMNS = `id, area_code AS "areaCode", to_char(due_on_or_before, 'YYYY-MM-DD') AS "dueOnOrBefore",
  programme, status, total, opened, started_at AS "startedAt", completed_at AS "completedAt"`;

export type BatchCheck = 'COMPLETE' | 'RUNNING' | 'NOT_FOUND';

/** How a chunk went: reviews opened, beneficiaries left out (an open review or no longer ACTIVE), items left. */
export interface ChunkResult {
  opened: number;
  skipped: number;
  remaining: boolean;
}

/**
 * Review batches (SPEC 11.4): a batch selects the ACTIVE beneficiaries of an area in one statement, then a queue job
 * opens their PERIODIC reviews in chunks of REVIEW_BATCH_CHUNK_SIZE, each chunk a short transaction of a few
 * set-based statements, so 10 000 households never hold a long transaction or the event loop. Progress is counted
 * live from the reviews; the daily schedule opens one batch per county and day.
 */
@Injectable()
export class ReviewBatchesService {
  private readonly logger = new Logger(ReviewBatchesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(appConfig.KEY) private readonly config: AppConfigType,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly scope: AreaScope,
    private readonly clock: Clock,
  ) {}

  /** `POST /api/v1/review-batches` (VERIFICATION_OFFICER, CITY_SUPERVISOR; scoped). */
  async create(actor: AuthUser, body: unknown, ip?: string | null): Promise<ReviewBatchView> {
    const role = actor.roles.find((r) => r === Role.VERIFICATION_OFFICER || r === Role.CITY_SUPERVISOR);
    if (!role) throw DomainError.forbidden();
    const checked = validateBatch(body);
    if (!checked.ok) throw DomainError.validation(checked.problems);
    const { areaCode } = checked.value;
    if (!isWithinScope(areaCode, actor.areaCode)) await this.scope.require(actor, areaCode, 'Area', ip);
    if (!(await this.dataSource.getRepository(Area).existsBy({ code: areaCode })))
      throw DomainError.validation([{ path: 'areaCode', message: 'areaCode is not a known area' }]);
    const id = await runInTransaction(this.dataSource, (tx) =>
      this.insertBatch(tx, { ...checked.value, scheduledOn: null, actor: actorOf(actor, role), ip }),
    );
    if (!id) throw new Error('the batch was not created');
    return this.view(actor, id, ip);
  }

  /**
   * Inserts the batch and its items (every matching ACTIVE beneficiary without an open review) and the command that
   * opens them. Null when a scheduled batch for this area and day exists already (the schedule ran twice).
   */
  private async insertBatch(
    tx: Tx,
    input: {
      areaCode: string;
      dueOnOrBefore: string | null;
      programme: string | null;
      scheduledOn: string | null;
      actor: AuditActor;
      ip?: string | null;
    },
  ): Promise<string | null> {
    const id = randomUUID();
    const now = this.clock.now();
    const inserted = await tx.query<{ id: string }[]>(
      `INSERT INTO review_batches (id, area_code, due_on_or_before, programme, status, total, opened, created_by,
         created_by_username, scheduled_on, started_at)
       VALUES ($1, $2, $3, $4, 'RUNNING', 0, 0, $5, $6, $7, $8)
       ON CONFLICT (area_code, scheduled_on) WHERE scheduled_on IS NOT NULL DO NOTHING RETURNING id`,
      [
        id,
        input.areaCode,
        input.dueOnOrBefore,
        input.programme,
        input.actor.userId,
        input.actor.username,
        input.scheduledOn,
        now,
      ],
    );
    if (inserted.length === 0) return null;
    const items = await tx.query<{ total: number }[]>(
      `WITH picked AS (
         INSERT INTO review_batch_items (batch_id, beneficiary_id, position)
         SELECT $1, b.id, row_number() OVER (ORDER BY b.next_review_due_on, b.id)
           FROM beneficiaries b
          WHERE b.status = 'ACTIVE' AND b.township_code LIKE $2 || '%'
            AND ($3::date IS NULL OR b.next_review_due_on <= $3::date)
            AND ($4::varchar IS NULL OR b.programme = $4)
            AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.beneficiary_id = b.id AND r.status <> 'CLOSED')
         RETURNING 1
       )
       SELECT count(*)::int AS total FROM picked`,
      [id, scopePrefix(input.areaCode), input.dueOnOrBefore, input.programme],
    );
    const total = items[0]?.total ?? 0;
    await tx.query(`UPDATE review_batches SET total = $2 WHERE id = $1`, [id, total]);
    await this.audit.append(tx, {
      action: 'review-batch.created',
      actor: input.actor,
      areaCode: input.areaCode,
      detail: {
        batchId: id,
        areaCode: input.areaCode,
        dueOnOrBefore: input.dueOnOrBefore,
        programme: input.programme,
        scheduledOn: input.scheduledOn,
        total,
      },
      ip: input.ip ?? null,
    });
    await this.outbox.addCommand(tx, {
      queue: QueueName.REVIEWS,
      name: 'review-batch.open',
      data: { batchId: id },
      jobId: `batch-open-${id}`,
    });
    return id;
  }

  /** The `review-batch.open` job: every chunk until none is left, then the completion check. Idempotent. */
  async openAll(batchId: string): Promise<number> {
    let opened = 0;
    for (;;) {
      const chunk = await this.openChunk(batchId);
      opened += chunk.opened;
      if (!chunk.remaining) break;
      // Let other work of this process run between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await this.dataSource.transaction(async (tx) => {
      await this.outbox.addCommand(tx, {
        queue: QueueName.REVIEWS,
        name: 'review-batch.check',
        data: { batchId },
        jobId: `batch-check-${batchId}`,
        runAt: new Date(Date.now() + 1000),
      });
    });
    return opened;
  }

  /**
   * Opens the reviews of the next chunk of a batch in one short transaction: the beneficiaries are locked in id order,
   * those still ACTIVE get a PERIODIC review (VERIFYING with a run, or AWAITING_AUTHORIZATION), the others are left out.
   */
  async openChunk(batchId: string): Promise<ChunkResult> {
    const size = this.config.reviews.chunkSize;
    const now = this.clock.now();
    const today = todayInChina(now);
    return runInTransaction(this.dataSource, async (tx) => {
      const batch = (
        await tx.query<BatchRow[]>(`SELECT ${BATCH_COLUMNS} FROM review_batches WHERE id = $1 FOR UPDATE`, [
          batchId,
        ])
      )[0];
      if (!batch) return { opened: 0, skipped: 0, remaining: false };
      const items = await tx.query<{ beneficiaryId: string }[]>(
        `SELECT beneficiary_id AS "beneficiaryId" FROM review_batch_items
          WHERE batch_id = $1 AND review_id IS NULL AND NOT skipped ORDER BY position LIMIT $2`,
        [batchId, size],
      );
      if (items.length === 0) return { opened: 0, skipped: 0, remaining: false };
      const ids = items.map((i) => i.beneficiaryId).sort();
      const candidates = await tx.query<
        {
          id: string;
          applicationId: string;
          townshipCode: string;
          countyCode: string;
          nextReviewDueOn: string;
          number: string;
          programme: string;
          monthlyBenefitFen: number;
          authorised: boolean;
        }[]
      >(
        `WITH locked AS (
           SELECT id FROM beneficiaries WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE
         )
         SELECT b.id, b.application_id AS "applicationId", b.township_code AS "townshipCode",
                b.county_code AS "countyCode", to_char(b.next_review_due_on, 'YYYY-MM-DD') AS "nextReviewDueOn",
                b.number, b.programme, b.monthly_benefit_fen AS "monthlyBenefitFen",
                coalesce((SELECT bool_and(NOT m.counted OR (m.authorization->>'signedAt') <= $2)
                            FROM application_members m WHERE m.application_id = b.application_id), false) AS authorised
           FROM beneficiaries b JOIN locked USING (id)
          WHERE b.status = 'ACTIVE'
            AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.beneficiary_id = b.id AND r.status <> 'CLOSED')`,
        [ids, today],
      );
      const reviews = candidates.map((c) => ({
        ...c,
        reviewId: randomUUID(),
        runId: c.authorised ? randomUUID() : null,
        status: c.authorised ? ReviewStatus.VERIFYING : ReviewStatus.AWAITING_AUTHORIZATION,
      }));
      const skipped = ids.filter((id) => !reviews.some((r) => r.id === id));
      if (reviews.length > 0) {
        const withRun = reviews.filter((r) => r.runId !== null);
        await tx.query(
          `INSERT INTO verification_runs (id, application_id, status, started_at, completed_at, pass, reconciled_at,
                                          owner_kind, owner_id)
           SELECT id, app, 'RUNNING', $3, NULL, 0, NULL, 'REVIEW', review
             FROM unnest($1::uuid[], $2::uuid[], $4::uuid[]) AS r(id, app, review)`,
          [
            withRun.map((r) => r.runId),
            withRun.map((r) => r.applicationId),
            now,
            withRun.map((r) => r.reviewId),
          ],
        );
        await tx.query(
          `INSERT INTO reviews (id, beneficiary_id, application_id, township_code, county_code, reason, note, status,
             batch_id, opened_by, opened_by_username, opened_at, policy_on, review_due_on, current_run_id, version)
           SELECT r.id, r.b, r.app, r.township, r.county, $8, NULL, r.status, $9, NULL, 'system', $10, $11, r.due,
                  r.run, 1
             FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[], $5::varchar[], $6::varchar[], $7::date[],
                         $12::uuid[])
               AS r(id, b, app, township, county, status, due, run)`,
          [
            reviews.map((r) => r.reviewId),
            reviews.map((r) => r.id),
            reviews.map((r) => r.applicationId),
            reviews.map((r) => r.townshipCode),
            reviews.map((r) => r.countyCode),
            reviews.map((r) => r.status),
            reviews.map((r) => r.nextReviewDueOn),
            ReviewReason.PERIODIC,
            batchId,
            now,
            today,
            reviews.map((r) => r.runId),
          ],
        );
        await tx.query(
          `UPDATE beneficiaries SET status = 'UNDER_REVIEW', updated_at = $2, version = version + 1
            WHERE id = ANY($1::uuid[])`,
          [reviews.map((r) => r.id), now],
        );
        await tx.query(
          `UPDATE review_batch_items i SET review_id = r.review
             FROM unnest($2::uuid[], $3::uuid[]) AS r(b, review)
            WHERE i.batch_id = $1 AND i.beneficiary_id = r.b`,
          [batchId, reviews.map((r) => r.id), reviews.map((r) => r.reviewId)],
        );
        await this.outbox.addCommands(
          tx,
          withRun.map((r) => ({
            queue: QueueName.VERIFICATION,
            name: 'verification.start' as const,
            data: { runId: r.runId! },
            jobId: `run-${r.runId!}`,
          })),
        );
        await this.outbox.addEvents(
          tx,
          reviews.map((r) => ({
            type: EventType.BENEFICIARY_REVIEW_OPENED,
            subject: r.id,
            areaCode: r.townshipCode,
            data: {
              beneficiaryId: r.id,
              applicationId: r.applicationId,
              number: r.number,
              programme: r.programme,
              status: 'UNDER_REVIEW',
              townshipCode: r.townshipCode,
              countyCode: r.countyCode,
              monthlyBenefitFen: r.monthlyBenefitFen,
              reviewId: r.reviewId,
              reason: ReviewReason.PERIODIC,
              reviewStatus: r.status,
              batchId,
              reviewDueOn: r.nextReviewDueOn,
            },
          })),
        );
      }
      if (skipped.length > 0)
        await tx.query(
          `UPDATE review_batch_items SET skipped = true WHERE batch_id = $1 AND beneficiary_id = ANY($2::uuid[])`,
          [batchId, skipped],
        );
      await tx.query(`UPDATE review_batches SET opened = opened + $2, total = total - $3 WHERE id = $1`, [
        batchId,
        reviews.length,
        skipped.length,
      ]);
      // One audit entry per chunk lists every review it opened (SPEC 8: every transition is in the trail).
      await this.audit.append(tx, {
        action: 'review-batch.reviews-opened',
        actor: SYSTEM,
        areaCode: batch.areaCode,
        detail: {
          batchId,
          reviews: reviews.map((r) => ({ reviewId: r.reviewId, beneficiaryId: r.id, status: r.status })),
          skipped,
        },
      });
      return { opened: reviews.length, skipped: skipped.length, remaining: items.length === size };
    });
  }

  /** `review-batch.check`: COMPLETE once every item is opened and none is verifying (event `review-batch.completed`). */
  async check(batchId: string): Promise<BatchCheck> {
    return runInTransaction(this.dataSource, async (tx) => {
      const batch = (
        await tx.query<BatchRow[]>(`SELECT ${BATCH_COLUMNS} FROM review_batches WHERE id = $1 FOR UPDATE`, [
          batchId,
        ])
      )[0];
      if (!batch) return 'NOT_FOUND';
      if (batch.status === 'COMPLETE') return 'COMPLETE';
      const counts = await this.counts(batchId, batch.total, tx);
      const pending = await tx.query<unknown[]>(
        `SELECT 1 FROM review_batch_items WHERE batch_id = $1 AND review_id IS NULL AND NOT skipped LIMIT 1`,
        [batchId],
      );
      if (pending.length > 0 || counts.verifying > 0) return 'RUNNING';
      const now = this.clock.now();
      await tx.query(`UPDATE review_batches SET status = 'COMPLETE', completed_at = $2 WHERE id = $1`, [
        batchId,
        now,
      ]);
      await this.audit.append(tx, {
        action: 'review-batch.completed',
        actor: SYSTEM,
        areaCode: batch.areaCode,
        detail: { batchId, total: batch.total, ...counts },
      });
      await this.outbox.addEvent(tx, {
        type: EventType.REVIEW_BATCH_COMPLETED,
        subject: batchId,
        areaCode: batch.areaCode,
        data: {
          batchId,
          areaCode: batch.areaCode,
          total: batch.total,
          unchanged: counts.unchanged,
          awaitingDecision: counts.awaitingDecision,
          closed: counts.closed,
          failed: counts.failed,
          startedAt: batch.startedAt.toISOString(),
          completedAt: now.toISOString(),
        },
      });
      return 'COMPLETE';
    });
  }

  /** Checks every running batch (the periodic sweep's part; a lost check job never leaves one RUNNING). */
  async checkRunning(): Promise<number> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM review_batches WHERE status = 'RUNNING' ORDER BY started_at LIMIT 100`,
    );
    let completed = 0;
    for (const { id } of rows) if ((await this.check(id)) === 'COMPLETE') completed++;
    return completed;
  }

  /** `GET /api/v1/review-batches/{id}`: live progress. */
  async view(actor: AuthUser, id: string, ip?: string | null): Promise<ReviewBatchView> {
    const batch = await this.find(id);
    if (!batch) throw DomainError.notFound('Review batch');
    await this.scope.require(actor, batch.areaCode, 'Review batch', ip);
    return this.toView(batch);
  }

  /** `GET /api/v1/review-batches?areaCode=`: newest first, scoped. */
  async list(actor: AuthUser, areaCode?: string): Promise<{ items: ReviewBatchView[] }> {
    if (areaCode && !isWithinScope(areaCode, actor.areaCode)) return { items: [] };
    const rows = await this.dataSource.query<BatchRow[]>(
      `SELECT ${BATCH_COLUMNS} FROM review_batches
        WHERE area_code LIKE $1 || '%' AND ($2::varchar IS NULL OR area_code LIKE $2 || '%')
        ORDER BY started_at DESC LIMIT 100`,
      [scopePrefix(actor.areaCode), areaCode ? scopePrefix(areaCode) : null],
    );
    return {
      items: await Promise.all(
        rows.filter((r) => isWithinScope(r.areaCode, actor.areaCode)).map((r) => this.toView(r)),
      ),
    };
  }

  /**
   * The daily schedule (SPEC 11.4): per county with ACTIVE beneficiaries due within REVIEW_LEAD_DAYS and no open
   * review, one batch for today (China time). A second run on one day opens nothing new.
   */
  async runSchedule(): Promise<string[]> {
    const today = todayInChina(this.clock.now());
    const dueBy = addDays(today, this.config.reviews.leadDays);
    const counties = await this.dataSource.query<{ county: string }[]>(
      `SELECT DISTINCT b.county_code AS county FROM beneficiaries b
        WHERE b.status = 'ACTIVE' AND b.next_review_due_on <= $1::date
          AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.beneficiary_id = b.id AND r.status <> 'CLOSED')
        ORDER BY 1`,
      [dueBy],
    );
    const created: string[] = [];
    for (const { county } of counties) {
      if (areaLevelOf(county) !== AreaLevel.COUNTY) continue;
      const id = await runInTransaction(this.dataSource, (tx) =>
        this.insertBatch(tx, {
          areaCode: county,
          dueOnOrBefore: dueBy,
          programme: null,
          scheduledOn: today,
          actor: SYSTEM,
        }),
      );
      if (id) created.push(id);
    }
    if (created.length > 0) this.logger.log(`review schedule ${today}: ${created.length} batch(es) opened`);
    return created;
  }

  private async find(id: string): Promise<BatchRow | null> {
    const rows = await this.dataSource.query<BatchRow[]>(
      `SELECT ${BATCH_COLUMNS} FROM review_batches WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  private async counts(
    batchId: string,
    total: number,
    tx?: Tx,
  ): Promise<{
    verifying: number;
    unchanged: number;
    awaitingDecision: number;
    closed: number;
    failed: number;
  }> {
    const [row] = await (tx ?? this.dataSource.manager).query<
      { awaiting: number; closed: number; unchanged: number; failed: number }[]
    >(
      `SELECT count(*) FILTER (WHERE status IN ('VERIFIED', 'AWAITING_COUNTY_DECISION'))::int AS awaiting,
              count(*) FILTER (WHERE status = 'CLOSED' AND result IS NOT NULL)::int AS closed,
              count(*) FILTER (WHERE result = 'UNCHANGED')::int AS unchanged,
              count(*) FILTER (WHERE status = 'CLOSED' AND result IS NULL)::int AS failed
         FROM reviews WHERE batch_id = $1`,
      [batchId],
    );
    const awaitingDecision = row?.awaiting ?? 0;
    const closed = row?.closed ?? 0;
    const failed = row?.failed ?? 0;
    return {
      // Not yet past verification: opened and still verifying (or awaiting an authorisation), or not opened yet.
      verifying: Math.max(0, total - awaitingDecision - closed - failed),
      unchanged: row?.unchanged ?? 0,
      awaitingDecision,
      closed,
      failed,
    };
  }

  private async toView(batch: BatchRow): Promise<ReviewBatchView> {
    return {
      id: batch.id,
      areaCode: batch.areaCode,
      dueOnOrBefore: batch.dueOnOrBefore,
      programme: batch.programme,
      status: batch.status,
      total: batch.total,
      ...(await this.counts(batch.id, batch.total)),
      startedAt: batch.startedAt.toISOString(),
      completedAt: batch.completedAt?.toISOString() ?? null,
    };
  }
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
