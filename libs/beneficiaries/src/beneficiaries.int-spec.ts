import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role, type AuthUser } from '@app/access';
import { ApplicationsModule } from '@app/applications';
import { AreaLevel } from '@app/areas';
import { todayInChina } from '@app/common';
import { SOURCE_CODES, type MemberFacts, type SourceCode } from '@app/eligibility';
import {
  createBeneficiary,
  nothingFound,
  startLibContext,
  type EnrolledBeneficiary,
  type LibContext,
} from '@app/testing';
import { MetricsModule } from '@app/platform';
import { VerificationCompletionService, VerificationPipelineModule } from '@app/verification';
import { BeneficiariesModule } from './beneficiaries.module';
import { BeneficiariesService } from './beneficiaries.service';
import { Clock } from './clock';
import { LifeEventIntakeService, type LifeEventJob } from './life-event-intake.service';
import { LifeEventsService } from './life-events.service';
import { ReviewBatchesService } from './review-batches.service';
import { ReviewsService } from './reviews.service';

const operator = { id: randomUUID(), username: 'operator' };

function user(roles: Role[], areaCode: string, username = `u-${randomUUID().slice(0, 8)}`): AuthUser {
  const level =
    areaCode.length === 9 ? AreaLevel.TOWNSHIP : areaCode.endsWith('00') ? AreaLevel.CITY : AreaLevel.COUNTY;
  return { id: randomUUID(), username, roles, areaCode, areaLevel: level };
}

const FACT_OF: Record<SourceCode, keyof Omit<MemberFacts, 'memberId'>> = {
  HUKOU: 'hukou',
  VEHICLE: 'vehicles',
  SOCIAL_SECURITY: 'socialSecurity',
  REAL_ESTATE: 'realEstate',
  MARKET_REGULATION: 'businesses',
  TAX: 'tax',
  HOUSING_FUND: 'housingFund',
  BANKING: 'banking',
  CIVIL_AFFAIRS: 'civilAffairs',
  DISABILITY: 'disability',
  PUBLIC_PAYROLL: 'publicPayroll',
};

/** Dynamic management at the service level against PostgreSQL; the departments' answers are written directly. */
describe('beneficiaries, reviews, batches and life events (PostgreSQL)', () => {
  let context: LibContext;
  let dataSource: DataSource;
  let roll: BeneficiariesService;
  let reviews: ReviewsService;
  let batches: ReviewBatchesService;
  let lifeEvents: LifeEventsService;
  let completion: VerificationCompletionService;
  let clock: Clock;
  const reviewer = user([Role.TOWNSHIP_REVIEWER], '431102001', 'reviewer');
  const otherReviewer = user([Role.TOWNSHIP_REVIEWER], '431102001', 'reviewer-2');
  const officer = user([Role.VERIFICATION_OFFICER], '431102', 'officer');
  const approver = user([Role.COUNTY_APPROVER], '431102', 'approver');
  const integration = user([Role.INTEGRATION], '431102', 'integration');

  beforeAll(async () => {
    context = await startLibContext(
      [MetricsModule, ApplicationsModule, BeneficiariesModule, VerificationPipelineModule],
      {
        REVIEW_BATCH_CHUNK_SIZE: '10',
      },
    );
    dataSource = context.app.get(DataSource);
    roll = context.app.get(BeneficiariesService);
    reviews = context.app.get(ReviewsService);
    batches = context.app.get(ReviewBatchesService);
    lifeEvents = context.app.get(LifeEventsService);
    completion = context.app.get(VerificationCompletionService);
    clock = context.app.get(Clock);
  }, 90_000);

  afterEach(() => clock.reset());

  afterAll(async () => {
    await context.close();
  });

  const enrol = (townshipCode = '431102001'): Promise<EnrolledBeneficiary> =>
    createBeneficiary(context.app, { createdBy: operator, townshipCode });

  /** Every department answers for the review's run; `facts` overrides a member's facts. */
  async function answer(runId: string, facts: (memberId: string) => MemberFacts): Promise<void> {
    const members = await dataSource.query<{ id: string }[]>(
      `SELECT m.id FROM application_members m JOIN verification_runs r ON r.application_id = m.application_id
        WHERE r.id = $1 AND m.counted`,
      [runId],
    );
    for (const { id } of members) {
      const f = facts(id);
      for (const source of SOURCE_CODES) {
        const value = f[FACT_OF[source]];
        await dataSource.query(
          `INSERT INTO verification_checks (run_id, source, member_id, status, attempts, completed_at)
           VALUES ($1, $2, $3, 'SUCCEEDED', 1, now())`,
          [runId, source, id],
        );
        await dataSource.query(
          `INSERT INTO verification_results (run_id, source, member_id, outcome, facts, response, response_sha256, received_at)
           VALUES ($1, $2, $3, 'FOUND', $4::jsonb, $4::jsonb, $5, now())`,
          [runId, source, id, JSON.stringify(value), String(JSON.stringify(value).length).padStart(64, '0')],
        );
      }
    }
  }

  async function runOf(reviewId: string): Promise<string> {
    const [row] = await dataSource.query<{ run: string }[]>(
      `SELECT current_run_id AS run FROM reviews WHERE id = $1`,
      [reviewId],
    );
    return row!.run;
  }

  const runStatus = async (runId: string): Promise<string> =>
    (
      await dataSource.query<{ status: string }[]>(`SELECT status FROM verification_runs WHERE id = $1`, [
        runId,
      ])
    )[0]!.status;

  /** The pipeline's completion of a review's run; true when this call finished the run (RUNNING → COMPLETE/INCOMPLETE). */
  async function completeRun(runId: string): Promise<boolean> {
    const before = await runStatus(runId);
    await completion.completeRun(runId);
    const after = await runStatus(runId);
    return before === 'RUNNING' && (after === 'COMPLETE' || after === 'INCOMPLETE');
  }

  const events = (type: string, subject: string) =>
    dataSource.query<{ payload: { data: Record<string, unknown> } }[]>(
      `SELECT payload FROM outbox_messages WHERE type = $1 AND payload->>'subject' = $2 ORDER BY seq`,
      [type, subject],
    );

  it('enrols an approved household in the decision’s transaction and keeps its persons claimed', async () => {
    const b = await enrol();
    const view = await roll.view(officer, b.beneficiaryId);
    expect(view).toMatchObject({
      status: 'ACTIVE',
      programme: 'DIBAO',
      applicationId: b.applicationId,
      number: b.number,
      monthlyBenefitFen: b.recommendation.monthlyBenefitFen,
      reviewCategory: 'HALF_YEARLY',
      reviewOverdue: false,
      gradualExit: null,
    });
    expect(view.members).toHaveLength(2);
    expect(view.members[0]!.idNumberMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(view.history).toEqual([
      expect.objectContaining({ change: 'ENROLLED', effectiveMonth: view.since }),
    ]);
    // Due on the first day of `since` plus six months.
    const [y, m] = view.since.split('-').map(Number) as [number, number];
    const due = new Date(Date.UTC(y, m - 1 + 6, 1)).toISOString().slice(0, 10);
    expect(view.nextReviewDueOn).toBe(due);
    expect(await events('beneficiary.enrolled', b.beneficiaryId)).toHaveLength(1);
    const claims = await dataSource.query(
      `SELECT 1 FROM open_application_persons WHERE application_id = $1`,
      [b.applicationId],
    );
    expect(claims).toHaveLength(2);
    const viewed = await dataSource.query(
      `SELECT 1 FROM audit_entries WHERE action = 'beneficiary.viewed' AND detail->>'beneficiaryId' = $1`,
      [b.beneficiaryId],
    );
    expect(viewed).toHaveLength(1);

    const page = await roll.list(officer, { q: b.number });
    expect(page.items.map((i) => i.id)).toEqual([b.beneficiaryId]);
    // Outside the caller's scope: nothing.
    expect((await roll.list(user([Role.VERIFICATION_OFFICER], '431103'), { q: b.number })).total).toBe(0);
    await expect(
      roll.view(user([Role.VERIFICATION_OFFICER], '431103'), b.beneficiaryId),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('opens one review per household however many requests race', async () => {
    const b = await enrol();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        reviews.open(i % 2 ? reviewer : officer, b.beneficiaryId, { reason: 'COMPLAINT', note: `n${i}` }),
      ),
    );
    const opened = outcomes.filter((o) => o.status === 'fulfilled');
    expect(opened).toHaveLength(1);
    for (const o of outcomes.filter((x) => x.status === 'rejected'))
      expect(o.reason).toMatchObject({ code: 'REVIEW_ALREADY_OPEN' });
    const rows = await dataSource.query(`SELECT status FROM reviews WHERE beneficiary_id = $1`, [
      b.beneficiaryId,
    ]);
    expect(rows).toEqual([{ status: 'VERIFYING' }]);
    expect((await roll.view(officer, b.beneficiaryId)).status).toBe('UNDER_REVIEW');
    await expect(reviews.open(reviewer, b.beneficiaryId, { reason: 'PERIODIC' })).rejects.toMatchObject({
      code: 'REVIEW_ALREADY_OPEN',
    });
  });

  it('refuses a bad review body listing every problem, and an operator', async () => {
    const b = await enrol();
    await expect(
      reviews.open(reviewer, b.beneficiaryId, { reason: 'BORED', extra: 1 }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [
        { path: 'extra', message: 'unknown field' },
        { path: 'reason', message: expect.stringContaining('PERIODIC') },
      ],
    });
    const op = user([Role.STATION_OPERATOR], '431102001');
    await expect(reviews.open(op, b.beneficiaryId, { reason: 'PERIODIC' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('keeps the benefit history append-only for the runtime role', async () => {
    const b = await enrol();
    const refusal = (sql: string) =>
      dataSource.query(sql, [b.beneficiaryId]).then(
        () => 'allowed',
        (error: { code?: string }) => error.code,
      );
    expect(await refusal(`UPDATE beneficiary_history SET to_fen = 1 WHERE beneficiary_id = $1`)).toBe(
      '42501',
    );
    expect(await refusal(`DELETE FROM beneficiary_history WHERE beneficiary_id = $1`)).toBe('42501');
    const [kept] = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM beneficiary_history WHERE beneficiary_id = $1`,
      [b.beneficiaryId],
    );
    expect(kept!.n).toBeGreaterThan(0);
  });

  it('closes an unchanged ELIGIBLE review by itself and moves the next due date', async () => {
    const b = await enrol();
    const review = await reviews.open(reviewer, b.beneficiaryId, { reason: 'PERIODIC' });
    const runId = await runOf(review.id);
    await answer(runId, (id) => nothingFound(id));
    const [owner] = await dataSource.query<{ kind: string; id: string }[]>(
      `SELECT owner_kind AS kind, owner_id AS id FROM verification_runs WHERE id = $1`,
      [runId],
    );
    expect(owner).toEqual({ kind: 'REVIEW', id: review.id });
    expect(await completeRun(runId)).toBe(true);
    expect(await completeRun(runId)).toBe(false);
    // The pipeline wrote the report and one signed decision record of the review's run (SPEC 6.5).
    const [written] = await dataSource.query<{ reports: number; records: number }[]>(
      `SELECT (SELECT count(*)::int FROM verification_reports WHERE run_id = $1) AS reports,
              (SELECT count(*)::int FROM decision_records WHERE run_id = $1) AS records`,
      [runId],
    );
    expect(written).toEqual({ reports: 1, records: 1 });
    const closed = await reviews.view(officer, review.id);
    expect(closed).toMatchObject({
      status: 'CLOSED',
      result: 'UNCHANGED',
      proposal: { change: 'CONTINUE', fromFen: b.recommendation.monthlyBenefitFen },
      townshipReview: { opinion: 'AGREE', reviewedBy: 'system' },
    });
    expect(closed.delta!.length).toBeGreaterThan(0);
    const after = await roll.view(officer, b.beneficiaryId);
    expect(after.status).toBe('ACTIVE');
    expect(after.lastReviewedOn).toBe(todayInChina());
    expect(after.nextReviewDueOn > after.lastReviewedOn!).toBe(true);
    const reviewed = await events('beneficiary.reviewed', b.beneficiaryId);
    expect(reviewed.map((e) => e.payload.data.result)).toEqual(['UNCHANGED']);
    expect(await events('beneficiary.changed', b.beneficiaryId)).toHaveLength(0);
  });

  it('a wage → DECREASE → township opinion → county decision with reason → new amount from next month', async () => {
    const b = await enrol();
    const review = await reviews.open(reviewer, b.beneficiaryId, { reason: 'CHANGE_REPORTED' });
    const runId = await runOf(review.id);
    const self = b.memberIds[0]!;
    await answer(runId, (id) =>
      id === self
        ? {
            ...nothingFound(id),
            socialSecurity: {
              employments: [{ monthlyWageFen: 80_000 }],
              pensions: [],
              unemploymentBenefitMonthlyFen: 0,
            },
          }
        : nothingFound(id),
    );
    await completeRun(runId);
    const verified = await reviews.view(officer, review.id);
    expect(verified).toMatchObject({
      status: 'VERIFIED',
      proposal: { change: 'DECREASE', fromFen: 110_000, toFen: 50_000 },
    });
    expect(verified.delta).toContainEqual({
      memberId: self,
      category: 'wageFen',
      previous: null,
      current: 80_000,
      changed: true,
      source: 'SOCIAL_SECURITY',
    });

    // The reviewer who opened it may not give the opinion; another may.
    await expect(
      reviews.townshipReview(reviewer, review.id, { opinion: 'AGREE', comment: '属实' }),
    ).rejects.toMatchObject({ code: 'SEPARATION_OF_DUTIES' });
    const opinion = await reviews.townshipReview(otherReviewer, review.id, {
      opinion: 'AGREE',
      comment: '属实',
    });
    expect(opinion.status).toBe('AWAITING_COUNTY_DECISION');
    expect(opinion.deadlines.decisionDueOn).not.toBeNull();

    // A DECREASE needs a written reason.
    await expect(reviews.decide(approver, review.id, { decision: 'APPROVE' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'reason', message: expect.stringContaining('DECREASE') }],
    });
    const decided = await reviews.decide(approver, review.id, {
      decision: 'APPROVE',
      reason: '家庭成员就业，收入增加',
    });
    expect(decided).toMatchObject({ status: 'CLOSED', result: 'ADJUSTED', decision: { change: 'DECREASE' } });
    const after = await roll.view(officer, b.beneficiaryId);
    expect(after).toMatchObject({ status: 'ACTIVE', monthlyBenefitFen: 50_000 });
    const change = after.history.find((h) => h.change === 'DECREASE');
    expect(change).toMatchObject({ fromFen: 110_000, toFen: 50_000, reviewId: review.id });
    const now = new Date(Date.now() + 8 * 3600_000);
    const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1))
      .toISOString()
      .slice(0, 7);
    expect(change!.effectiveMonth).toBe(nextMonth);
    const changed = await events('beneficiary.changed', b.beneficiaryId);
    expect(changed.map((e) => e.payload.data)).toEqual([
      expect.objectContaining({
        change: 'DECREASE',
        fromFen: 110_000,
        toFen: 50_000,
        effectiveMonth: nextMonth,
      }),
    ]);
    // The decision is added to the run's signed record.
    const [record] = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM decision_record_decisions d JOIN decision_records r ON r.id = d.record_id
        WHERE r.run_id = $1`,
      [runId],
    );
    expect(record).toEqual({ n: 1 });
  });

  it('new work → GRADUAL_EXIT for six months, then STOPPED by the sweep once the clock passes its last month', async () => {
    const b = await enrol();
    const review = await reviews.open(officer, b.beneficiaryId, { reason: 'LIFE_EVENT' });
    const runId = await runOf(review.id);
    const self = b.memberIds[0]!;
    await answer(runId, (id) =>
      id === self
        ? {
            ...nothingFound(id),
            socialSecurity: {
              employments: [{ monthlyWageFen: 200_000 }],
              pensions: [],
              unemploymentBenefitMonthlyFen: 0,
            },
          }
        : nothingFound(id),
    );
    await completeRun(runId);
    expect((await reviews.view(officer, review.id)).proposal).toMatchObject({
      change: 'GRADUAL_EXIT',
      fromFen: 110_000,
      toFen: 110_000,
      gradualExitMonths: 6,
    });
    await reviews.townshipReview(reviewer, review.id, { opinion: 'AGREE', comment: '就业' });
    await reviews.decide(approver, review.id, { decision: 'APPROVE', reason: '就业收入超过标准，渐退' });
    const exiting = await roll.view(officer, b.beneficiaryId);
    expect(exiting.status).toBe('GRADUAL_EXIT');
    const { fromMonth, untilMonth } = exiting.gradualExit!;
    const months =
      (Number(untilMonth.slice(0, 4)) - Number(fromMonth.slice(0, 4))) * 12 +
      Number(untilMonth.slice(5)) -
      Number(fromMonth.slice(5)) +
      1;
    expect(months).toBe(6);
    // The end timer is in the outbox for the first instant after the last paid month.
    const [timer] = await dataSource.query<{ run_at: Date }[]>(
      `SELECT run_at FROM outbox_messages WHERE type = 'gradual-exit.end' AND payload->>'beneficiaryId' = $1`,
      [b.beneficiaryId],
    );
    expect(timer!.run_at.toISOString()).toBe(roll.exitEndsAt(untilMonth).toISOString());

    // During the exit nothing ends; in the last paid month neither.
    clock.set(new Date(roll.exitEndsAt(untilMonth).getTime() - 1000));
    expect(await roll.endGradualExit(b.beneficiaryId, 'timer')).toBe('NOT_DUE');
    expect(await roll.sweepGradualExits()).toBe(0);
    // Six months later: the sweep stops it, once.
    clock.set(new Date(roll.exitEndsAt(untilMonth).getTime() + 1000));
    expect(await roll.sweepGradualExits()).toBeGreaterThanOrEqual(1);
    expect(await roll.endGradualExit(b.beneficiaryId, 'timer')).toBe('NOTHING_TO_END');
    const stopped = await roll.view(officer, b.beneficiaryId);
    expect(stopped.status).toBe('STOPPED');
    expect(stopped.history.map((h) => h.change)).toEqual(['ENROLLED', 'GRADUAL_EXIT', 'STOPPED']);
    expect(await events('beneficiary.stopped', b.beneficiaryId)).toHaveLength(1);
    const claims = await dataSource.query(
      `SELECT 1 FROM open_application_persons WHERE application_id = $1`,
      [b.applicationId],
    );
    expect(claims).toHaveLength(0);
  });

  it('a batch opens its reviews in chunks, leaves out households under review, and is idempotent', async () => {
    // A township of its own, so other tests' households stay out.
    const township = '431102002';
    const enrolled: EnrolledBeneficiary[] = [];
    for (let i = 0; i < 23; i++) enrolled.push(await enrol(township));
    // One already has an open review: it is left out.
    await reviews.open(officer, enrolled[0]!.beneficiaryId, { reason: 'COMPLAINT' });
    const townshipOfficer = user([Role.VERIFICATION_OFFICER], '431102');
    const created = await batches.create(townshipOfficer, { areaCode: township });
    expect(created).toMatchObject({ status: 'RUNNING', total: 22, verifying: 22, closed: 0 });
    expect(await batches.openAll(created.id)).toBe(22);
    expect(await batches.openAll(created.id)).toBe(0);
    const chunks = await dataSource.query<{ detail: { reviews: unknown[] } }[]>(
      `SELECT detail FROM audit_entries WHERE action = 'review-batch.reviews-opened' AND detail->>'batchId' = $1`,
      [created.id],
    );
    expect(chunks.map((c) => c.detail.reviews.length)).toEqual([10, 10, 2]);
    const rows = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM reviews WHERE batch_id = $1 AND status = 'VERIFYING' AND current_run_id IS NOT NULL`,
      [created.id],
    );
    expect(rows).toEqual([{ n: 22 }]);
    const owned = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM reviews r JOIN verification_runs v ON v.id = r.current_run_id
        WHERE r.batch_id = $1 AND v.owner_kind = 'REVIEW' AND v.owner_id = r.id`,
      [created.id],
    );
    expect(owned).toEqual([{ n: 22 }]);
    const commands = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE type = 'verification.start'
          AND payload->>'runId' IN (SELECT current_run_id::text FROM reviews WHERE batch_id = $1)`,
      [created.id],
    );
    expect(commands).toEqual([{ n: 22 }]);
    // A second batch finds nobody left to review.
    expect((await batches.create(townshipOfficer, { areaCode: township })).total).toBe(0);
    expect(await batches.check(created.id)).toBe('RUNNING');

    // Verification finishes: every household unchanged → COMPLETE with its event.
    const ids = await dataSource.query<{ id: string; run: string }[]>(
      `SELECT id, current_run_id AS run FROM reviews WHERE batch_id = $1`,
      [created.id],
    );
    for (const { run } of ids) {
      await answer(run, (id) => nothingFound(id));
      await completeRun(run);
    }
    expect(await batches.check(created.id)).toBe('COMPLETE');
    const done = await batches.view(townshipOfficer, created.id);
    expect(done).toMatchObject({
      status: 'COMPLETE',
      total: 22,
      verifying: 0,
      unchanged: 22,
      closed: 22,
      failed: 0,
    });
    expect(done.closed + done.awaitingDecision + done.failed).toBe(done.total);
    expect(await events('review-batch.completed', created.id)).toHaveLength(1);
    expect(await batches.check(created.id)).toBe('COMPLETE');
    expect(await events('review-batch.completed', created.id)).toHaveLength(1);
  }, 120_000);

  it('the schedule opens one batch per county and day, and nothing new when run twice', async () => {
    const b = await enrol('431103001');
    // Due within the lead days: move the clock to a week before the due date.
    const due = (await roll.view(user([Role.CITY_SUPERVISOR], '431100'), b.beneficiaryId)).nextReviewDueOn;
    clock.set(new Date(`${due}T02:00:00+08:00`));
    const first = await batches.runSchedule();
    expect(first.length).toBeGreaterThanOrEqual(1);
    const second = await batches.runSchedule();
    expect(second).toEqual([]);
    const rows = await dataSource.query<{ area_code: string; n: number }[]>(
      `SELECT area_code, count(*)::int AS n FROM review_batches WHERE scheduled_on IS NOT NULL GROUP BY area_code`,
    );
    for (const row of rows) expect(row.n).toBe(1);
    expect(rows.map((r) => r.area_code)).toContain('431103');
  });

  it('a malformed life-event.report job always ends in one rejection event (SPEC 7.1 screening), its data cleared', async () => {
    const intake = context.app.get(LifeEventIntakeService);
    const b = await enrol();
    const idNumber = b.idNumbers[0]!;
    const job = (id: string, data: unknown): LifeEventJob & { data: unknown } => {
      const j = {
        id,
        data,
        timestamp: Date.now(),
        attemptsMade: 0,
        opts: { attempts: 3 },
        updateData: (next: unknown) => {
          j.data = next;
          return Promise.resolve();
        },
      };
      return j;
    };
    const rejection = async (j: LifeEventJob) => {
      await expect(intake.report(j)).rejects.toThrow(/life-event\.report rejected/);
      const rows = await dataSource.query<{ payload: { data: Record<string, unknown> } }[]>(
        `SELECT payload FROM outbox_messages WHERE type = 'application.intake-rejected'
            AND payload->'data'->>'jobId' = $1`,
        [j.id],
      );
      expect(rows).toHaveLength(1);
      return rows[0]!.payload.data as { jobName: string; errors: { path: string; message: string }[] };
    };
    const lifeEvent = { type: 'DEATH', idNumber, occurredOn: '2026-11-30', sourceRef: 'GA-1' };

    // Over 256 KiB: refused unread.
    const big = job('le-big', { token: 'x', lifeEvent: { ...lifeEvent, sourceRef: 'a'.repeat(300 * 1024) } });
    const bigEvent = await rejection(big);
    expect(bigEvent.errors).toEqual([{ path: '', message: expect.stringContaining('256 KiB') }]);
    expect(bigEvent.jobName).toBe('life-event.report');
    expect(big.data).toEqual({});

    // Control characters, anywhere (key or value).
    const control = job('le-ctl', { token: 'x', lifeEvent: { ...lifeEvent, sourceRef: 'GA\u0000-1' } });
    expect((await rejection(control)).errors).toEqual([
      { path: 'lifeEvent.sourceRef', message: 'must not contain control characters' },
    ]);

    // An actor instead of a token; 60 unknown fields (one named by an ID number): at most 50 errors, none echoes it.
    const extra = Object.fromEntries(Array.from({ length: 59 }, (_, i) => [`extra${i}`, 1]));
    const many = job('le-many', { actor: 'integration', lifeEvent, [idNumber]: 1, ...extra });
    const manyEvent = await rejection(many);
    expect(manyEvent.errors).toHaveLength(50);
    expect(manyEvent.errors).toContainEqual({ path: 'token', message: expect.stringContaining('actor') });
    expect(JSON.stringify(manyEvent)).not.toContain(idNumber);
    expect(many.data).toEqual({});

    // A bad token: the token and the ID number are cleared; run again, the job does not announce itself twice.
    const badToken = job('le-token', { token: 'not-a-token', lifeEvent });
    expect((await rejection(badToken)).errors).toEqual([{ path: 'token', message: expect.any(String) }]);
    expect(badToken.data).toEqual({});
    const again = { ...badToken, data: { token: 'not-a-token', lifeEvent } };
    await rejection(again);

    // Not an object at all.
    await rejection(job('le-array', [1, 2]));
    const audits = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_entries WHERE action = 'life-event.intake-rejected'
          AND detail->>'eventId' IS NOT NULL`,
    );
    expect(audits[0]!.n).toBeGreaterThanOrEqual(5);
  });

  it('a life event reported twice (even at once) is one event and one review; an unknown person learns nothing', async () => {
    const b = await enrol();
    const body = { type: 'DEATH', idNumber: b.idNumbers[1], occurredOn: '2026-11-30', sourceRef: 'GA-1' };
    const answers = await Promise.all([
      lifeEvents.report(integration, body),
      lifeEvents.report(integration, body),
    ]);
    expect(answers[0]).toMatchObject({ matched: true });
    expect(answers[1]).toEqual(answers[0]);
    const stored = await dataSource.query<{ review_id: string }[]>(
      `SELECT review_id FROM life_events WHERE beneficiary_id = $1`,
      [b.beneficiaryId],
    );
    expect(stored).toHaveLength(1);
    const open = await dataSource.query<{ id: string; reason: string; due: string }[]>(
      `SELECT id, reason, to_char(review_due_on, 'YYYY-MM-DD') AS due FROM reviews WHERE beneficiary_id = $1`,
      [b.beneficiaryId],
    );
    expect(open).toEqual([{ id: stored[0]!.review_id, reason: 'LIFE_EVENT', due: '2027-02-28' }]);
    expect(await events('beneficiary.life-event-matched', b.beneficiaryId)).toHaveLength(1);
    // Another event of the same person attaches to the open review.
    const again = await lifeEvents.report(integration, {
      ...body,
      type: 'HUKOU_MOVED_OUT',
      sourceRef: 'GA-2',
    });
    expect(again).toEqual({ matched: true, reviewId: stored[0]!.review_id });

    const stranger = { ...body, idNumber: '11010519491231002X' };
    expect(await lifeEvents.report(integration, stranger)).toEqual({ matched: false });
    expect(await lifeEvents.report(integration, stranger)).toEqual({ matched: false });
    // Outside the caller's scope is no match either.
    const elsewhere = user([Role.INTEGRATION], '431103');
    expect(await lifeEvents.report(elsewhere, { ...body, occurredOn: '2026-11-29' })).toEqual({
      matched: false,
    });
    await expect(
      lifeEvents.report(integration, { ...body, idNumber: '431102198001010013' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'idNumber', message: 'idNumber has an invalid check digit' }],
    });
  });

  it('withdrawal by the family stops the household from next month and frees its persons', async () => {
    const b = await enrol();
    const op = user([Role.STATION_OPERATOR], '431102001');
    await expect(roll.withdraw(op, b.beneficiaryId, {})).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const stopped = await roll.withdraw(op, b.beneficiaryId, { reason: '家庭申请退出' });
    expect(stopped.status).toBe('STOPPED');
    expect(stopped.history.at(-1)).toMatchObject({ change: 'WITHDRAWN', toFen: 0, reason: '家庭申请退出' });
    await expect(roll.withdraw(op, b.beneficiaryId, { reason: '再次' })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    const claims = await dataSource.query(
      `SELECT 1 FROM open_application_persons WHERE application_id = $1`,
      [b.applicationId],
    );
    expect(claims).toHaveLength(0);
  });
});
