import { type ApplicationView } from '@app/applications';
import {
  BeneficiariesService,
  Clock,
  type BeneficiaryView,
  type ReviewBatchView,
  type ReviewView,
} from '@app/beneficiaries';
import { generateIdNumber } from '@app/privacy';
import { eventQueueName, QueueName } from '@app/queue';
import type { WorkloadReport } from '@app/reports';
import { createBeneficiary, loadEventContract } from '@app/testing';
import { ADMIN } from './support/api-harness';
import { householdBody } from './support/households';
import { Platform, waitFor, type UserKey } from './support/platform-harness';
import { allJobs, settled, testQueue } from './support/queues';

type Json = Record<string, unknown>;

/** SPEC 11 end to end: the real worker and mocked departments re-verify beneficiary households. */
describe('dynamic management end to end', () => {
  jest.setTimeout(120_000);
  let platform: Platform;
  let tokens: Record<UserKey | 'integration' | 'reviewer2', string>;

  beforeAll(async () => {
    platform = await Platform.start({
      env: {
        PUBLIC_NOTICE_DURATION: 'PT1S',
        PUBLIC_NOTICE_SWEEP_INTERVAL: 'PT2S',
        REVIEW_BATCH_CHUNK_SIZE: '50',
        RECONCILE_AFTER: 'PT30S',
      },
    });
    const base = await platform.createUsers();
    const admin = await platform.http.login(ADMIN.username, ADMIN.password);
    const extra = {
      integration: { roles: ['INTEGRATION'], areaCode: '431102' },
      reviewer2: { roles: ['TOWNSHIP_REVIEWER'], areaCode: '431102001' },
    };
    const more: Record<string, string> = {};
    for (const [username, u] of Object.entries(extra)) {
      const created = await platform.http.call('POST', '/api/v1/users', {
        token: admin,
        body: { ...u, username, displayName: username, password: 'e2e-password-2026' },
      });
      expect(created.status).toBe(201);
      more[username] = await platform.http.login(username, 'e2e-password-2026');
    }
    tokens = { ...base, ...more } as typeof tokens;
    await platform.startWorker();
  }, 180_000);

  afterAll(async () => {
    await platform?.close();
  });

  const call = <T = Json>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    token: string,
    body?: unknown,
  ) => platform.http.call<T>(method, url, { token, ...(body === undefined ? {} : { body }) });

  async function applicationStatus(id: string, status: string): Promise<ApplicationView> {
    return waitFor(
      async () => {
        const app = (await call<ApplicationView>('GET', `/api/v1/applications/${id}`, tokens.operator)).body;
        return `${app.status}` === status ? app : undefined;
      },
      `application ${id} to be ${status}`,
      60_000,
    );
  }

  async function reviewWhere(
    id: string,
    done: (r: ReviewView) => boolean,
    what: string,
  ): Promise<ReviewView> {
    return waitFor(
      async () => {
        const review = (await call<ReviewView>('GET', `/api/v1/reviews/${id}`, tokens.officer)).body;
        return done(review) ? review : undefined;
      },
      `review ${id} ${what}`,
      60_000,
    );
  }

  const beneficiary = async (id: string) =>
    (await call<BeneficiaryView>('GET', `/api/v1/beneficiaries/${id}`, tokens.officer)).body;

  /** A two-adult household through the whole workflow over HTTP, enrolled by the county's APPROVE. */
  async function enrol(
    seq: number,
  ): Promise<{ id: string; self: string; spouse: string; applicationId: string }> {
    const self = generateIdNumber('1980-05-05', seq, '431102');
    const spouse = generateIdNumber('1982-06-06', seq, '431102');
    for (const person of [self, spouse])
      await platform.mock.pin(person, { alive: true, hukouAreaCode: '431102' });
    const created = await call<ApplicationView>(
      'POST',
      '/api/v1/applications',
      tokens.operator,
      householdBody([{ idNumber: self }, { idNumber: spouse }]),
    );
    expect(created.status).toBe(201);
    const verified = await applicationStatus(created.body.id, 'VERIFIED');
    expect(verified.recommendation).toEqual({ outcome: 'ELIGIBLE', monthlyBenefitFen: 130_000 });
    const review = await call(
      'POST',
      `/api/v1/applications/${created.body.id}/township-review`,
      tokens.reviewer,
      {
        opinion: 'RECOMMEND_APPROVE',
        comment: '情况属实',
        investigation: { visitedOn: '2026-11-20', investigators: ['李四', '王五'], findings: '属实' },
      },
    );
    expect(review.status).toBe(200);
    await applicationStatus(created.body.id, 'AWAITING_COUNTY_DECISION');
    const decided = await call('POST', `/api/v1/applications/${created.body.id}/decision`, tokens.approver, {
      decision: 'APPROVE',
    });
    expect(decided.status).toBe(200);
    const list = await call<{ items: { id: string }[] }>(
      'GET',
      `/api/v1/beneficiaries?q=${String(verified.number)}`,
      tokens.officer,
    );
    expect(list.body.items).toHaveLength(1);
    return { id: list.body.items[0]!.id, self, spouse, applicationId: created.body.id };
  }

  async function openReview(id: string, reason = 'CHANGE_REPORTED'): Promise<ReviewView> {
    const opened = await call<ReviewView>('POST', `/api/v1/beneficiaries/${id}/reviews`, tokens.officer, {
      reason,
    });
    expect(opened.status).toBe(201);
    return opened.body;
  }

  it('documents every route of SPEC 11 with request and response schemas in the OpenAPI document', async () => {
    const docs = await platform.http.call<{
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content?: unknown }>; requestBody?: unknown }>
      >;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    }>('GET', '/api/docs-json');
    expect(docs.status).toBe(200);
    const routes: [string, string, string][] = [
      ['/api/v1/beneficiaries', 'get', '200'],
      ['/api/v1/beneficiaries/{id}', 'get', '200'],
      ['/api/v1/beneficiaries/{id}/withdraw', 'post', '200'],
      ['/api/v1/beneficiaries/{id}/reviews', 'post', '201'],
      ['/api/v1/beneficiaries/{id}/reviews', 'get', '200'],
      ['/api/v1/reviews', 'get', '200'],
      ['/api/v1/reviews/{id}', 'get', '200'],
      ['/api/v1/reviews/{id}/members/{memberId}/authorization', 'put', '200'],
      ['/api/v1/reviews/{id}/members/{memberId}/authorization', 'delete', '200'],
      ['/api/v1/reviews/{id}/township-review', 'post', '200'],
      ['/api/v1/reviews/{id}/decision', 'post', '200'],
      ['/api/v1/review-batches', 'post', '201'],
      ['/api/v1/review-batches', 'get', '200'],
      ['/api/v1/review-batches/{id}', 'get', '200'],
      ['/api/v1/life-events', 'post', '202'],
    ];
    for (const [path, method, status] of routes) {
      const operation = docs.body.paths[path]?.[method];
      expect({ path, method, documented: operation?.responses[status]?.content !== undefined }).toEqual({
        path,
        method,
        documented: true,
      });
      if (method === 'post' || method === 'put')
        expect({ path, body: operation?.requestBody !== undefined }).toEqual({ path, body: true });
    }
    const schemas = docs.body.components.schemas;
    expect(Object.keys(schemas.BeneficiaryViewDto?.properties ?? {})).toEqual(
      expect.arrayContaining(['members', 'history', 'reviewCategory', 'nextReviewDueOn', 'gradualExit']),
    );
    expect(Object.keys(schemas.ReviewViewDto?.properties ?? {})).toEqual(
      expect.arrayContaining([
        'proposal',
        'delta',
        'deadlines',
        'verification',
        'townshipReview',
        'decision',
      ]),
    );
    expect(Object.keys(schemas.ReviewBatchDto?.properties ?? {})).toEqual(
      expect.arrayContaining(['total', 'verifying', 'unchanged', 'awaitingDecision', 'closed', 'failed']),
    );
  });

  it('enrol → an unchanged review closes by itself', async () => {
    const b = await enrol(501);
    const enrolled = await beneficiary(b.id);
    expect(enrolled).toMatchObject({
      status: 'ACTIVE',
      monthlyBenefitFen: 130_000,
      reviewCategory: 'HALF_YEARLY',
    });

    // Duplicate protection extends to the assisted household.
    const again = await call(
      'POST',
      '/api/v1/applications',
      tokens.operator,
      householdBody([{ idNumber: generateIdNumber('1990-01-01', 777, '431102') }, { idNumber: b.spouse }]),
    );
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'DUPLICATE_APPLICATION',
      existingApplicationNumber: enrolled.number,
    });

    const review = await openReview(b.id, 'PERIODIC');
    expect(review.status).toBe('VERIFYING');
    const second = await call('POST', `/api/v1/beneficiaries/${b.id}/reviews`, tokens.officer, {
      reason: 'COMPLAINT',
    });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('REVIEW_ALREADY_OPEN');

    const closed = await reviewWhere(review.id, (r) => `${r.status}` === 'CLOSED', 'to close');
    expect(closed).toMatchObject({
      result: 'UNCHANGED',
      proposal: { change: 'CONTINUE', fromFen: 130_000, toFen: 130_000 },
      recommendation: expect.objectContaining({ outcome: 'ELIGIBLE' }),
    });
    expect((closed.verification as { status: string }).status).toBe('COMPLETE');
    const after = await beneficiary(b.id);
    expect(after).toMatchObject({ status: 'ACTIVE', monthlyBenefitFen: 130_000 });
    expect(after.lastReviewedOn).not.toBeNull();
  });

  it('a wage appears → DECREASE → township → county → the new amount from next month, with its event', async () => {
    const b = await enrol(502);
    await platform.mock.pin(b.self, {
      alive: true,
      hukouAreaCode: '431102',
      employment: [{ employer: '永州某公司', monthlyWageFen: 80_000 }],
    });
    const review = await openReview(b.id);
    const verified = await reviewWhere(review.id, (r) => `${r.status}` === 'VERIFIED', 'to be verified');
    expect(verified.proposal).toMatchObject({ change: 'DECREASE', fromFen: 130_000, toFen: 50_000 });
    expect(verified.delta).toContainEqual(
      expect.objectContaining({
        category: 'wageFen',
        previous: 0,
        current: 80_000,
        source: 'SOCIAL_SECURITY',
      }),
    );

    const opinion = await call<ReviewView>(
      'POST',
      `/api/v1/reviews/${review.id}/township-review`,
      tokens.reviewer,
      {
        opinion: 'AGREE',
        comment: '入户核实，已就业',
      },
    );
    expect(opinion.status).toBe(200);
    expect(opinion.body.status).toBe('AWAITING_COUNTY_DECISION');
    // The reviewer may not decide; a decision without the written reason is refused.
    expect(
      (await call('POST', `/api/v1/reviews/${review.id}/decision`, tokens.reviewer, { decision: 'APPROVE' }))
        .status,
    ).toBe(403);
    const noReason = await call('POST', `/api/v1/reviews/${review.id}/decision`, tokens.approver, {
      decision: 'APPROVE',
    });
    expect(noReason.status).toBe(400);
    const decided = await call<ReviewView>('POST', `/api/v1/reviews/${review.id}/decision`, tokens.approver, {
      decision: 'APPROVE',
      reason: '家庭成员就业，收入增加，减发',
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'CLOSED', result: 'ADJUSTED' });
    const effectiveMonth = decided.body.decision!.effectiveMonth!;
    const after = await beneficiary(b.id);
    expect(after).toMatchObject({ status: 'ACTIVE', monthlyBenefitFen: 50_000 });
    expect(after.history.at(-1)).toMatchObject({
      change: 'DECREASE',
      fromFen: 130_000,
      toFen: 50_000,
      effectiveMonth,
    });

    const contract = await loadEventContract();
    const queue = testQueue(eventQueueName('dibao-system'), platform.queuePrefix);
    try {
      const changed = await waitFor(async () => {
        const jobs = await allJobs(queue);
        return jobs.find(
          (j) => j.name === 'beneficiary.changed' && (j.data as { subject: string }).subject === b.id,
        );
      }, 'the beneficiary.changed event');
      expect((changed.data as { data: Json }).data).toMatchObject({
        change: 'DECREASE',
        fromFen: 130_000,
        toFen: 50_000,
        effectiveMonth,
      });
      const ours = (await allJobs(queue)).filter((j) => (j.data as { subject?: string }).subject === b.id);
      expect(ours.map((j) => j.name)).toEqual(
        expect.arrayContaining([
          'beneficiary.enrolled',
          'beneficiary.review-opened',
          'beneficiary.changed',
          'beneficiary.reviewed',
        ]),
      );
      for (const job of ours) expect(contract.problems(job.data)).toEqual([]);
    } finally {
      await queue.close();
    }
  });

  it('new work → GRADUAL_EXIT → six months later STOPPED (the months pass on the clock the platform reads)', async () => {
    const b = await enrol(503);
    await platform.mock.pin(b.self, {
      alive: true,
      hukouAreaCode: '431102',
      employment: [{ employer: '永州某工厂', monthlyWageFen: 300_000 }],
    });
    const review = await openReview(b.id);
    const verified = await reviewWhere(review.id, (r) => `${r.status}` === 'VERIFIED', 'to be verified');
    expect(verified.proposal).toMatchObject({ change: 'GRADUAL_EXIT', fromFen: 130_000, toFen: 130_000 });
    await call('POST', `/api/v1/reviews/${review.id}/township-review`, tokens.reviewer, {
      opinion: 'AGREE',
      comment: '就业',
    });
    const decided = await call<ReviewView>('POST', `/api/v1/reviews/${review.id}/decision`, tokens.approver, {
      decision: 'APPROVE',
      reason: '就业后收入超过低保标准，给予渐退期',
    });
    expect(decided.body.result).toBe('GRADUAL_EXIT');
    const exiting = await beneficiary(b.id);
    expect(exiting.status).toBe('GRADUAL_EXIT');
    const { untilMonth } = exiting.gradualExit!;

    // Six months pass: the sweep (as the worker runs it) stops the household after its last paid month.
    const roll = platform.api.app.get(BeneficiariesService);
    const clock = platform.api.app.get(Clock);
    try {
      clock.set(new Date(roll.exitEndsAt(untilMonth).getTime() - 60_000));
      expect(await roll.sweepGradualExits()).toBe(0);
      expect((await beneficiary(b.id)).status).toBe('GRADUAL_EXIT');
      clock.set(new Date(roll.exitEndsAt(untilMonth).getTime() + 60_000));
      expect(await roll.sweepGradualExits()).toBeGreaterThanOrEqual(1);
    } finally {
      clock.reset();
    }
    const stopped = await beneficiary(b.id);
    expect(stopped).toMatchObject({ status: 'STOPPED', monthlyBenefitFen: 0 });
    expect(stopped.history.map((h) => h.change)).toEqual(['ENROLLED', 'GRADUAL_EXIT', 'STOPPED']);
    // The persons are free again.
    const reapply = await call(
      'POST',
      '/api/v1/applications',
      tokens.operator,
      householdBody([{ idNumber: b.self }, { idNumber: b.spouse }]),
    );
    expect(reapply.status).toBe(201);
  });

  it('a death reported by an integrator → a LIFE_EVENT review due within three months; unknown persons learn nothing', async () => {
    const b = await enrol(504);
    const body = { type: 'DEATH', idNumber: b.spouse, occurredOn: '2026-11-30', sourceRef: 'GA-2026-1' };
    const first = await call<{ matched: boolean; reviewId: string }>(
      'POST',
      '/api/v1/life-events',
      tokens.integration,
      body,
    );
    expect(first.status).toBe(202);
    expect(first.body.matched).toBe(true);
    const twice = await call('POST', '/api/v1/life-events', tokens.integration, body);
    expect(twice.body).toEqual(first.body);
    const review = (await call<ReviewView>('GET', `/api/v1/reviews/${first.body.reviewId}`, tokens.officer))
      .body;
    expect(review).toMatchObject({ reason: 'LIFE_EVENT', deadlines: { reviewDueOn: '2027-02-28' } });
    const listed = await call<{ items: ReviewView[] }>(
      'GET',
      `/api/v1/beneficiaries/${b.id}/reviews`,
      tokens.officer,
    );
    expect(listed.body.items).toHaveLength(1);

    const unknown = await call('POST', '/api/v1/life-events', tokens.integration, {
      ...body,
      idNumber: generateIdNumber('1950-01-01', 999, '431102'),
    });
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual({ matched: false });
    expect((await call('POST', '/api/v1/life-events', tokens.officer, body)).status).toBe(403);
  });

  it('a death reported on the intake queue → a review due within three months; a bad token is refused', async () => {
    const b = await enrol(505);
    const queue = testQueue(QueueName.INTAKE, platform.queuePrefix);
    try {
      await queue.add(
        'life-event.report',
        {
          token: tokens.integration,
          lifeEvent: { type: 'DEATH', idNumber: b.self, occurredOn: '2026-11-30', sourceRef: 'GA-Q-1' },
        },
        { jobId: 'life-event-q-1' },
      );
      const done = await settled(queue, 'life-event-q-1', 60_000);
      expect(done.returnvalue).toMatchObject({ matched: true });
      // The token and the ID number are gone from Redis once the job is handled.
      expect(done.data).toEqual({});
      const reviewId = (done.returnvalue as { reviewId: string }).reviewId;
      const review = (await call<ReviewView>('GET', `/api/v1/reviews/${reviewId}`, tokens.officer)).body;
      expect(review).toMatchObject({
        reason: 'LIFE_EVENT',
        beneficiaryId: b.id,
        deadlines: { reviewDueOn: '2027-02-28' },
      });

      await queue.add(
        'life-event.report',
        {
          token: 'not-a-token',
          lifeEvent: { type: 'DEATH', idNumber: b.spouse, occurredOn: '2026-11-30', sourceRef: 'X' },
        },
        { jobId: 'life-event-q-2' },
      );
      const refused = await settled(queue, 'life-event-q-2', 60_000);
      expect(refused.failedReason).toMatch(/token/);
      expect(refused.failedReason).not.toContain(b.spouse);
      expect(refused.data).toEqual({});
      expect(refused.attemptsMade).toBe(1);
    } finally {
      await queue.close();
    }
  });

  it('a batch of 200 households shows its progress until every review is past verification', async () => {
    const township = '431102003';
    const operator = { id: '00000000-0000-4000-8000-000000000001', username: 'fixture-operator' };
    for (let i = 0; i < 200; i++)
      await createBeneficiary(platform.api.app, { createdBy: operator, townshipCode: township });
    const created = await call<ReviewBatchView>('POST', '/api/v1/review-batches', tokens.officer, {
      areaCode: township,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'RUNNING', total: 200 });
    const seen: ReviewBatchView[] = [];
    const done = await waitFor(
      async () => {
        const view = (
          await call<ReviewBatchView>('GET', `/api/v1/review-batches/${created.body.id}`, tokens.officer)
        ).body;
        seen.push(view);
        return view.status === 'COMPLETE' ? view : undefined;
      },
      'the batch to complete',
      240_000,
      500,
    );
    expect(done.verifying).toBe(0);
    expect(done.closed + done.awaitingDecision + done.failed).toBe(200);
    expect(done.unchanged).toBeLessThanOrEqual(done.closed);
    // Progress only moves forward.
    const past = seen.map((v) => v.total - v.verifying);
    expect(past).toEqual([...past].sort((a, b) => a - b));
    const listed = await call<{ items: ReviewBatchView[] }>(
      'GET',
      `/api/v1/review-batches?areaCode=431102`,
      tokens.officer,
    );
    expect(listed.body.items.map((i) => i.id)).toContain(created.body.id);
    // The workload report counts the township's households by status and its open reviews.
    const report = await call<WorkloadReport>(
      'GET',
      '/api/v1/reports/workload?areaCode=431102',
      tokens.approver,
    );
    const row = report.body.townships.find((t) => t.townshipCode === township)!;
    expect(Object.values(row.beneficiaries).reduce((a, b) => a + b, 0)).toBe(200);
    expect(row.beneficiaries.ACTIVE).toBe(done.closed);
    expect(row.reviews.open).toBe(done.awaitingDecision);
    expect(row.reviews.overdue).toBe(0);
    // Another county's officer does not see it.
    expect((await call('GET', `/api/v1/review-batches/${created.body.id}`, tokens.otherOfficer)).status).toBe(
      404,
    );
  }, 300_000);
});
