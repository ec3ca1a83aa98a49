import { createPublicKey, verify } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { canonicalJson, sha256Hex, todayInChina } from '@app/common';
import type { SignedDecisionRecord } from '@app/decisions';
import { createHttpApp } from '@app/platform';
import type { WorkloadReport } from '@app/reports';
import { eventQueueName, QueueName, redisOptionsFromUrl } from '@app/queue';
import {
  createVerifiedApplication,
  loadEventContract,
  nothingFound,
  type VerifiedApplication,
} from '@app/testing';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { ADMIN, client, startApi, type Reply, type RunningApi } from './support/api-harness';

const PASSWORD = 'a-long-password-1';
const REDIS_URL = 'redis://127.0.0.1:6379';
const SUBSCRIBER = 'dibao-system';

interface View {
  id: string;
  status: string;
  version: number;
  recommendation: { outcome: string; monthlyBenefitFen: number } | null;
  townshipReview: { opinion: string; reviewedBy: string; investigation: unknown } | null;
  publicNotice: {
    startedAt: string;
    endsAt: string;
    endedAt: string | null;
    endReason: string | null;
    objections: { receivedOn: string; summary: string; recordedBy: string }[];
  } | null;
  decision: {
    decision: string;
    reason: string | null;
    monthlyBenefitFen: number | null;
    effectiveMonth: string | null;
    decidedBy: string;
  } | null;
  deadlines: { decisionDueOn: string; countyDecisionDueOn: string | null; overdue: boolean };
}

interface EventEnvelope {
  type: string;
  subject?: string;
  data: Record<string, unknown>;
}

interface ErrorBody {
  code: string;
  message: string;
  from?: string;
  to?: string;
  errors?: { path: string; message: string }[];
}

async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!done(value)) {
    if (Date.now() > deadline)
      throw new Error(`condition not met in ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await probe();
  }
  return value;
}

/** The month after today in China, computed independently of the platform's helper. */
function nextMonthInChina(): string {
  const [year, month] = todayInChina().split('-').map(Number) as [number, number];
  const next = new Date(Date.UTC(year, month, 1));
  return next.toISOString().slice(0, 7);
}

const REVIEW = {
  opinion: 'RECOMMEND_APPROVE',
  comment: '经入户调查，家庭情况与申报一致',
  investigation: {
    visitedOn: todayInChina(),
    investigators: ['李四', '王五'],
    findings: '无劳动能力，无其他收入',
  },
};

describe('workflow: township review, public notice, objections, county decision (SPEC 4)', () => {
  let api: RunningApi;
  let worker: NestFastifyApplication | null = null;
  let http: ReturnType<typeof client>;
  const tokens: Record<string, string> = {};
  const users: Record<string, { id: string; username: string }> = {};
  let events: Queue;

  async function startWorker(): Promise<void> {
    worker = await createHttpApp(WorkerModule, { title: 'worker', bufferLogs: false });
    await worker.init();
  }

  async function stopWorker(): Promise<void> {
    await worker?.close();
    worker = null;
  }

  beforeAll(async () => {
    api = await startApi({ PUBLIC_NOTICE_DURATION: 'PT2S', EVENT_SUBSCRIBERS: SUBSCRIBER, REDIS_URL });
    http = client(api.app);
    const admin = await http.login(ADMIN.username, ADMIN.password);
    const accounts: [string, string[], string][] = [
      ['operator', ['STATION_OPERATOR'], '431102001'],
      ['reviewer', ['TOWNSHIP_REVIEWER'], '431102001'],
      ['op-reviewer', ['STATION_OPERATOR', 'TOWNSHIP_REVIEWER'], '431102001'],
      ['approver', ['COUNTY_APPROVER'], '431102'],
      ['approver-2', ['COUNTY_APPROVER'], '431102'],
      ['int-approver', ['INTEGRATION', 'COUNTY_APPROVER'], '431102'],
      ['auditor', ['AUDITOR'], '431102'],
      ['approver-lst', ['COUNTY_APPROVER'], '431103'],
      ['supervisor', ['CITY_SUPERVISOR'], '431100'],
    ];
    for (const [username, roles, areaCode] of accounts) {
      const created = await http.call<{ id: string }>('POST', '/api/v1/users', {
        token: admin,
        body: { username, password: PASSWORD, displayName: username, roles, areaCode },
      });
      expect(created.status).toBe(201);
      users[username] = { id: created.body.id, username };
      tokens[username] = await http.login(username, PASSWORD);
    }
    events = new Queue(eventQueueName(SUBSCRIBER), {
      connection: redisOptionsFromUrl(REDIS_URL),
      prefix: api.queuePrefix,
    });
    await startWorker();
  }, 90_000);

  afterAll(async () => {
    await stopWorker();
    const maintenance = new Queue(QueueName.MAINTENANCE, {
      connection: redisOptionsFromUrl(REDIS_URL),
      prefix: api.queuePrefix,
    });
    const queues = [events, maintenance].filter((q): q is Queue => q !== undefined);
    await Promise.all(queues.map((q) => q.obliterate({ force: true }).catch(() => undefined)));
    await Promise.all(queues.map((q) => q.close()));
    await api?.close();
  });

  function verified(
    options: Partial<Parameters<typeof createVerifiedApplication>[1]> = {},
  ): Promise<VerifiedApplication> {
    return createVerifiedApplication(api.app, { createdBy: users.operator!, ...options });
  }

  const view = async (id: string, who = 'approver') =>
    (await http.call<View>('GET', `/api/v1/applications/${id}`, { token: tokens[who] })).body;

  const post = <T = View>(who: string, id: string, action: string, body: unknown): Promise<Reply<T>> =>
    http.call<T>('POST', `/api/v1/applications/${id}/${action}`, { token: tokens[who], body });

  async function auditOf(id: string) {
    const reply = await http.call<{
      items: { action: string; actor: { username: string | null }; detail: Record<string, unknown> }[];
    }>('GET', `/api/v1/applications/${id}/audit`, { token: tokens.auditor });
    expect(reply.status).toBe(200);
    return reply.body.items;
  }

  async function eventsOf(id: string) {
    const jobs = await events.getJobs(
      ['wait', 'waiting', 'active', 'completed', 'failed', 'delayed'],
      0,
      -1,
      true,
    );
    return jobs
      .filter((j) => (j.data as { subject?: string }).subject === id)
      .map((j) => j.data as EventEnvelope);
  }

  it('review → public notice → end by the delayed job → APPROVE with amount and effective month, events in order', async () => {
    const app = await verified();
    expect((await view(app.applicationId)).recommendation).toEqual({
      outcome: 'ELIGIBLE',
      monthlyBenefitFen: app.recommendation.monthlyBenefitFen,
    });
    expect(app.recommendation.monthlyBenefitFen).toBeGreaterThan(0);

    const reviewed = await post('reviewer', app.applicationId, 'township-review', REVIEW);
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({
      status: 'IN_PUBLIC_NOTICE',
      townshipReview: {
        opinion: 'RECOMMEND_APPROVE',
        reviewedBy: 'reviewer',
        investigation: REVIEW.investigation,
      },
      publicNotice: { endedAt: null, endReason: null, objections: [] },
    });
    const notice = reviewed.body.publicNotice!;
    expect(Date.parse(notice.endsAt) - Date.parse(notice.startedAt)).toBe(2000);

    const ended = await eventually(
      () => view(app.applicationId),
      (v) => v.status !== 'IN_PUBLIC_NOTICE',
    );
    expect(ended.status).toBe('AWAITING_COUNTY_DECISION');
    expect(ended.publicNotice).toMatchObject({ endedAt: notice.endsAt, endReason: 'EXPIRED' });
    expect(ended.deadlines.countyDecisionDueOn).not.toBeNull();
    expect(ended.deadlines.countyDecisionDueOn! > todayInChina()).toBe(true);

    const decided = await post('approver', app.applicationId, 'decision', { decision: 'APPROVE' });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      status: 'APPROVED',
      decision: {
        decision: 'APPROVE',
        reason: null,
        monthlyBenefitFen: app.recommendation.monthlyBenefitFen,
        effectiveMonth: nextMonthInChina(),
        decidedBy: 'approver',
      },
      deadlines: { overdue: false },
    });

    const audit = (await auditOf(app.applicationId)).map((e) => e.action);
    expect(audit.filter((a) => a !== 'application.viewed')).toEqual([
      'application.created',
      'application.township-reviewed',
      'application.public-notice-started',
      'application.public-notice-ended',
      'application.decided',
      // SPEC 11.1: the approval enrols the household on the beneficiary roll in the same transaction.
      'beneficiary.enrolled',
    ]);
    expect(
      (await auditOf(app.applicationId)).find((e) => e.action === 'application.public-notice-ended')?.detail,
    ).toMatchObject({
      trigger: 'timer',
      endReason: 'EXPIRED',
    });

    const contract = await loadEventContract();
    const published = await eventually(
      () => eventsOf(app.applicationId),
      (list) => list.some((e) => e.type === 'application.decided'),
    );
    expect(published.map((e) => e.type)).toEqual([
      'application.township-reviewed',
      'application.public-notice-started',
      'application.public-notice-ended',
      'application.decided',
    ]);
    for (const envelope of published)
      expect({ type: envelope.type, problems: contract.problems(envelope) }).toEqual({
        type: envelope.type,
        problems: [],
      });
    expect(published[3]!.data).toMatchObject({
      status: 'APPROVED',
      decision: 'APPROVE',
      monthlyBenefitFen: app.recommendation.monthlyBenefitFen,
      effectiveMonth: nextMonthInChina(),
    });
    expect(JSON.stringify(published)).not.toContain('测试');
  }, 60_000);

  it('signs the decision record; anyone verifies it with only the published public key', async () => {
    const app = await verified();
    expect(
      (
        await post('reviewer', app.applicationId, 'township-review', {
          ...REVIEW,
          opinion: 'RECOMMEND_REJECT',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await post('approver', app.applicationId, 'decision', {
          decision: 'REJECT',
          reason: '申请人自愿放弃',
        })
      ).status,
    ).toBe(200);

    const keys = await http.call<{
      keys: { kty: string; crv: string; x: string; kid: string; pem: string }[];
    }>('GET', '/api/v1/keys');
    expect(keys.status).toBe(200);
    const record = await http.call<SignedDecisionRecord>(
      'GET',
      `/api/v1/applications/${app.applicationId}/decision-record`,
      { token: tokens.auditor },
    );
    expect(record.status).toBe(200);
    expect(record.body.keyId).toBe(keys.body.keys[0]!.kid);
    expect(record.body.record.decisions).toEqual([
      expect.objectContaining({
        seq: 1,
        decision: 'REJECT',
        reason: '申请人自愿放弃',
        decidedBy: { userId: users.approver!.id, username: 'approver' },
      }),
    ]);
    expect(record.body.record.recommendation.outcome).toBe('ELIGIBLE');

    const canonical = canonicalJson(record.body.record);
    expect(sha256Hex(canonical)).toBe(record.body.recordHash);
    const { kty, crv, x } = keys.body.keys[0]!;
    const publicKey = createPublicKey({ key: { kty, crv, x }, format: 'jwk' });
    expect(
      verify(null, Buffer.from(canonical), publicKey, Buffer.from(record.body.signature, 'base64')),
    ).toBe(true);
    expect(
      verify(
        null,
        Buffer.from(canonical),
        createPublicKey(keys.body.keys[0]!.pem),
        Buffer.from(record.body.signature, 'base64'),
      ),
    ).toBe(true);
    const tampered = canonicalJson({
      ...record.body.record,
      decisions: [{ ...record.body.record.decisions[0], decision: 'APPROVE' }],
    });
    expect(verify(null, Buffer.from(tampered), publicKey, Buffer.from(record.body.signature, 'base64'))).toBe(
      false,
    );

    expect(
      (
        await http.call('GET', `/api/v1/applications/${app.applicationId}/decision-record`, {
          token: tokens.reviewer,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await http.call('GET', `/api/v1/applications/${app.applicationId}/decision-record`, {
          token: tokens['approver-lst'],
        })
      ).status,
    ).toBe(404);
    expect((await auditOf(app.applicationId)).map((e) => e.action)).toContain('decision-record.viewed');
  });

  it('REJECT needs a reason; RETURN sends the case back to VERIFIED and a new review starts a new notice', async () => {
    const app = await verified();
    const review = await post('reviewer', app.applicationId, 'township-review', {
      opinion: 'RECOMMEND_REJECT',
      comment: '收入来源不明',
    });
    expect(review.status).toBe(200);
    expect(review.body.status).toBe('AWAITING_COUNTY_DECISION');
    expect(review.body.publicNotice).toBeNull();

    const noReason = await post<ErrorBody>('approver', app.applicationId, 'decision', { decision: 'REJECT' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors!.map((e) => e.path)).toEqual(['reason']);
    expect((await view(app.applicationId)).status).toBe('AWAITING_COUNTY_DECISION');

    const returned = await post('approver', app.applicationId, 'decision', {
      decision: 'RETURN',
      reason: '请补充入户调查材料',
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      status: 'VERIFIED',
      decision: {
        decision: 'RETURN',
        reason: '请补充入户调查材料',
        monthlyBenefitFen: null,
        effectiveMonth: null,
      },
    });

    const again = await post('reviewer', app.applicationId, 'township-review', {
      ...REVIEW,
      opinion: 'RECOMMEND_REJECT',
    });
    expect(again.status).toBe(200);
    const rejected = await post('approver-2', app.applicationId, 'decision', {
      decision: 'REJECT',
      reason: '家庭收入超过标准',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'REJECTED',
      decision: { decision: 'REJECT', monthlyBenefitFen: null },
    });
  });

  it('an objection during the notice returns the case to VERIFIED; a new review starts a new notice', async () => {
    const app = await verified();
    const reviewed = await post('reviewer', app.applicationId, 'township-review', REVIEW);
    expect(reviewed.status).toBe(200);
    const objected = await post('reviewer', app.applicationId, 'objections', {
      receivedOn: todayInChina(),
      summary: '邻居反映家中有车辆',
    });
    expect(objected.status).toBe(200);
    expect(objected.body).toMatchObject({
      status: 'VERIFIED',
      publicNotice: {
        startedAt: reviewed.body.publicNotice!.startedAt,
        endReason: 'OBJECTION',
        objections: [{ receivedOn: todayInChina(), summary: '邻居反映家中有车辆', recordedBy: 'reviewer' }],
      },
    });
    expect(objected.body.publicNotice!.endedAt).not.toBeNull();

    const again = await post<ErrorBody>('reviewer', app.applicationId, 'objections', {
      receivedOn: todayInChina(),
      summary: '再次反映',
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'INVALID_TRANSITION', from: 'VERIFIED' });

    const second = await post('reviewer', app.applicationId, 'township-review', REVIEW);
    expect(second.status).toBe(200);
    expect(second.body.status).toBe('IN_PUBLIC_NOTICE');
    expect(second.body.publicNotice!.startedAt).not.toBe(reviewed.body.publicNotice!.startedAt);
    expect(second.body.publicNotice!.objections).toEqual([]);
    const ended = await eventually(
      () => view(app.applicationId),
      (v) => v.status === 'AWAITING_COUNTY_DECISION',
    );
    expect(ended.publicNotice!.endReason).toBe('EXPIRED');

    const types = (
      await eventually(
        () => eventsOf(app.applicationId),
        (l) => l.length >= 6,
      )
    ).map((e) => e.type);
    expect(types).toEqual([
      'application.township-reviewed',
      'application.public-notice-started',
      'application.public-notice-ended',
      'application.township-reviewed',
      'application.public-notice-started',
      'application.public-notice-ended',
    ]);
    const objectionEvent = (await eventsOf(app.applicationId))[2]!;
    expect(objectionEvent.data).toMatchObject({ status: 'VERIFIED', endReason: 'OBJECTION' });
  }, 60_000);

  it('an APPROVE overriding a NEEDS_REVIEW recommendation needs a reason of 10+ characters', async () => {
    const app = await verified({
      household: undefined,
      facts: {
        members: [{ ...nothingFound('m1'), banking: null }, nothingFound('m2')],
        failedSources: ['BANKING'],
      },
    });
    expect(app.recommendation.outcome).toBe('NEEDS_REVIEW');
    expect(
      (
        await post('reviewer', app.applicationId, 'township-review', {
          ...REVIEW,
          opinion: 'RECOMMEND_REJECT',
        })
      ).status,
    ).toBe(200);

    const bare = await post<ErrorBody>('approver', app.applicationId, 'decision', { decision: 'APPROVE' });
    expect(bare.status).toBe(400);
    expect(bare.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'reason' }] });
    expect(bare.body.errors![0]!.message).toMatch(/override/);
    const short = await post<ErrorBody>('approver', app.applicationId, 'decision', {
      decision: 'APPROVE',
      reason: '同意',
    });
    expect(short.status).toBe(400);
    expect((await view(app.applicationId)).status).toBe('AWAITING_COUNTY_DECISION');

    const reason = '银行核对失败，县级入户复核存款不足一千元';
    const approved = await post('approver', app.applicationId, 'decision', { decision: 'APPROVE', reason });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'APPROVED',
      decision: { decision: 'APPROVE', reason, effectiveMonth: nextMonthInChina() },
    });
    const record = await http.call<{ record: { decisions: { override: boolean }[] } }>(
      'GET',
      `/api/v1/applications/${app.applicationId}/decision-record`,
      { token: tokens.approver },
    );
    expect(record.body.record.decisions[0]!.override).toBe(true);
  });

  it('enforces separation of duties with 403 SEPARATION_OF_DUTIES', async () => {
    // A station worker who is also a reviewer may not review an application they created.
    const own = await verified({ createdBy: users['op-reviewer']! });
    const selfReview = await post<ErrorBody>('op-reviewer', own.applicationId, 'township-review', REVIEW);
    expect(selfReview.status).toBe(403);
    expect(selfReview.body.code).toBe('SEPARATION_OF_DUTIES');
    expect((await view(own.applicationId)).status).toBe('VERIFIED');

    // A county account that created an application (as INTEGRATION) may not decide it.
    const created = await verified({ createdBy: users['int-approver']! });
    expect(
      (
        await post('reviewer', created.applicationId, 'township-review', {
          ...REVIEW,
          opinion: 'RECOMMEND_REJECT',
        })
      ).status,
    ).toBe(200);
    const selfDecision = await post<ErrorBody>('int-approver', created.applicationId, 'decision', {
      decision: 'REJECT',
      reason: '收入超过标准',
    });
    expect(selfDecision.status).toBe(403);
    expect(selfDecision.body.code).toBe('SEPARATION_OF_DUTIES');
    expect((await view(created.applicationId)).status).toBe('AWAITING_COUNTY_DECISION');
    const denied = (await auditOf(created.applicationId)).filter((e) => e.action === 'access.denied');
    expect(denied).toEqual([
      expect.objectContaining({ actor: expect.objectContaining({ username: 'int-approver' }) }),
    ]);

    // Roles are checked first: a reviewer cannot decide at all.
    expect(
      (
        await post<ErrorBody>('reviewer', created.applicationId, 'decision', {
          decision: 'REJECT',
          reason: 'x',
        })
      ).body.code,
    ).toBe('FORBIDDEN');
    // And outside the caller's county the application does not exist.
    expect(
      (
        await post('approver-lst', created.applicationId, 'decision', {
          decision: 'REJECT',
          reason: '收入超过标准',
        })
      ).status,
    ).toBe(404);
  });

  it('answers 409 INVALID_TRANSITION naming both statuses, and 400 for bad input without changing anything', async () => {
    const app = await verified();
    const decideEarly = await post<ErrorBody>('approver', app.applicationId, 'decision', {
      decision: 'APPROVE',
    });
    expect(decideEarly.status).toBe(409);
    expect(decideEarly.body).toMatchObject({ code: 'INVALID_TRANSITION', from: 'VERIFIED', to: 'APPROVED' });
    expect(decideEarly.body.message).toMatch(/VERIFIED.*APPROVED/);
    const objection = await post<ErrorBody>('reviewer', app.applicationId, 'objections', {
      receivedOn: todayInChina(),
      summary: '异议',
    });
    expect(objection.status).toBe(409);
    expect(objection.body).toMatchObject({ code: 'INVALID_TRANSITION', from: 'VERIFIED', to: 'VERIFIED' });

    const bad = await post<ErrorBody>('reviewer', app.applicationId, 'township-review', {
      opinion: 'RECOMMEND_APPROVE',
      comment: '',
      investigation: { visitedOn: '2099-01-01', investigators: ['李四', '李四'], findings: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors!.map((e) => e.path).sort()).toEqual([
      'comment',
      'investigation.investigators',
      'investigation.visitedOn',
    ]);
    expect((await view(app.applicationId)).status).toBe('VERIFIED');

    expect(
      (
        await post('reviewer', app.applicationId, 'township-review', {
          ...REVIEW,
          opinion: 'RECOMMEND_REJECT',
        })
      ).status,
    ).toBe(200);
    expect(
      (await post('approver', app.applicationId, 'decision', { decision: 'REJECT', reason: '收入超过标准' }))
        .status,
    ).toBe(200);
    const afterwards = await post<ErrorBody>('reviewer', app.applicationId, 'township-review', REVIEW);
    expect(afterwards.status).toBe(409);
    expect(afterwards.body).toMatchObject({ from: 'REJECTED', to: 'IN_PUBLIC_NOTICE' });
  });

  it('lets exactly one of two concurrent decisions through (one 200, one 409)', async () => {
    const app = await verified();
    expect(
      (
        await post('reviewer', app.applicationId, 'township-review', {
          ...REVIEW,
          opinion: 'RECOMMEND_REJECT',
        })
      ).status,
    ).toBe(200);
    const replies = await Promise.all([
      post<ErrorBody>('approver', app.applicationId, 'decision', {
        decision: 'REJECT',
        reason: '收入超过标准',
      }),
      post<ErrorBody>('approver-2', app.applicationId, 'decision', {
        decision: 'RETURN',
        reason: '请补充材料后再审',
      }),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = replies.find((r) => r.status === 409)!;
    expect(['VERSION_CONFLICT', 'INVALID_TRANSITION']).toContain(loser.body.code);
    const decisions = (await auditOf(app.applicationId)).filter((e) => e.action === 'application.decided');
    expect(decisions).toHaveLength(1);
  });

  it('reports the workload per township of the caller’s scope', async () => {
    const report = await http.call<WorkloadReport>('GET', '/api/v1/reports/workload?areaCode=431102', {
      token: tokens.approver,
    });
    expect(report.status).toBe(200);
    const chaoyang = report.body.townships.find((t) => t.townshipCode === '431102001')!;
    expect(chaoyang.staff).toEqual({ stationOperators: 2, townshipReviewers: 2, total: 3 });
    expect(chaoyang.understaffed).toBe(false);
    expect(chaoyang.decidedLast30Days).toBeGreaterThanOrEqual(4);
    expect(chaoyang.medianDaysToDecision).toBe(0);
    expect(chaoyang.openTotal).toBe(Object.values(chaoyang.open).reduce((a, b) => a + b, 0));
    expect(report.body.townships.every((t) => t.townshipCode.startsWith('431102'))).toBe(true);
    expect(report.body.townships.find((t) => t.townshipCode === '431102002')).toMatchObject({
      openTotal: 0,
      understaffed: true,
    });

    expect(
      (await http.call('GET', '/api/v1/reports/workload?areaCode=431102', { token: tokens['approver-lst'] }))
        .status,
    ).toBe(404);
    expect((await http.call('GET', '/api/v1/reports/workload', { token: tokens.reviewer })).status).toBe(403);
    const city = await http.call<{ townships: unknown[] }>('GET', '/api/v1/reports/workload', {
      token: tokens.supervisor,
    });
    expect(city.status).toBe(200);
    expect(city.body.townships.length).toBeGreaterThan(100);
  });

  it('closes a notice that ended while no worker ran, by the sweep at worker start', async () => {
    await stopWorker();
    const app = await verified();
    const reviewed = await post('reviewer', app.applicationId, 'township-review', REVIEW);
    expect(reviewed.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await view(app.applicationId)).status).toBe('IN_PUBLIC_NOTICE');
    // The delayed job is lost (never published): only the sweep can end this notice.
    const lost = await api.app
      .get(DataSource)
      .query(
        `UPDATE outbox_messages SET published_at = now() WHERE type = 'public-notice.end' AND published_at IS NULL RETURNING id`,
      );
    expect(lost[1]).toBe(1);

    await startWorker();
    const ended = await eventually(
      () => view(app.applicationId),
      (v) => v.status !== 'IN_PUBLIC_NOTICE',
    );
    expect(ended.status).toBe('AWAITING_COUNTY_DECISION');
    expect(ended.publicNotice).toMatchObject({
      endedAt: reviewed.body.publicNotice!.endsAt,
      endReason: 'EXPIRED',
    });
    const entry = (await auditOf(app.applicationId)).find(
      (e) => e.action === 'application.public-notice-ended',
    );
    expect(entry?.detail).toMatchObject({ trigger: 'sweep' });
    expect(entry?.actor.username).toBe('system');
  }, 60_000);
});
