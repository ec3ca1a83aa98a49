import { createHmac } from 'node:crypto';
import type { Job, Queue } from 'bullmq';
import { DEV_DEFAULTS } from '@app/config';
import { generateIdNumber } from '@app/privacy';
import {
  applicationBody,
  birthDateYearsAgo,
  loadEventContract,
  memberBody,
  uniqueIdNumber,
  type ApplicationBody,
  type EventContract,
} from '@app/testing';
import {
  client,
  createUsers,
  startApi,
  startWorker,
  TEST_PASSWORD,
  type RunningApi,
  type RunningWorker,
} from './support/api-harness';
import { DbProbe, eventually, validIdNumbersIn } from './support/db-probe';
import { allJobs, deleteKeys, dumpKeys, settled, testQueue } from './support/queues';

interface Envelope {
  id: string;
  type: string;
  source: string;
  subject?: string;
  data: Record<string, unknown>;
}
interface Rejected extends Envelope {
  data: { idempotencyKey: string | null; jobId: string | null; errors: { path: string; message: string }[] };
}

const USERS = [
  { username: 'int-a', roles: ['INTEGRATION'], areaCode: '431102001' },
  { username: 'int-county', roles: ['INTEGRATION'], areaCode: '431102' },
  { username: 'int-revoked', roles: ['INTEGRATION'], areaCode: '431102001' },
  { username: 'op-a', roles: ['STATION_OPERATOR'], areaCode: '431102001' },
];

/** A token signed with the development secret, as the platform would sign it, with `claims` changed. */
function signedLike(token: string, claims: Record<string, unknown>): string {
  const [header, payload] = token.split('.');
  const body = Buffer.from(
    JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), ...claims }),
  ).toString('base64url');
  const signature = createHmac('sha256', DEV_DEFAULTS.JWT_SECRET)
    .update(`${header}.${body}`)
    .digest('base64url');
  return `${header}.${body}.${signature}`;
}

function deepNest(levels: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

/** The queue intake of SPEC 7.1, driven as an integrator would: jobs in, events out. */
describe('intake queue hev-intake (SPEC 7.1)', () => {
  let api: RunningApi;
  let worker: RunningWorker;
  let db: DbProbe;
  let http: ReturnType<typeof client>;
  let intake: Queue;
  let events: Queue;
  let contract: EventContract;
  /** Every ID number a test put into a job: none may be left in Redis. */
  const submittedIds = new Set<string>();
  /** ID numbers a producer put into job ids: only the job's own key and event-stream entries may hold them. */
  const producerWritten = new Set<string>();
  /** SPEC 7.1: jobs carry an INTEGRATION user's access token. */
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi({ EVENT_SUBSCRIBERS: 'dibao-system' });
    worker = await startWorker(api, { EVENT_SUBSCRIBERS: 'dibao-system' });
    http = client(api.app);
    await createUsers(http, USERS);
    for (const { username } of USERS) tokens[username] = await http.login(username, TEST_PASSWORD);
    // A token revoked by its user's logout.
    expect((await http.call('POST', '/api/v1/auth/logout', { token: tokens['int-revoked'] })).status).toBe(
      204,
    );
    db = await DbProbe.connect(api.db.url);
    intake = testQueue('hev-intake', api.queuePrefix);
    events = testQueue('hev-events-dibao-system', api.queuePrefix);
    contract = await loadEventContract();
  }, 60_000);

  afterAll(async () => {
    await intake.close();
    await events.close();
    await worker.close();
    await db.close();
    await deleteKeys(api.queuePrefix);
    await api.close();
  });

  function remember(body: unknown): unknown {
    const members = (body as { members?: { idNumber?: unknown }[] } | null)?.members;
    if (Array.isArray(members))
      for (const m of members)
        if (typeof m?.idNumber === 'string') submittedIds.add(m.idNumber.toUpperCase());
    return body;
  }

  async function submit(data: unknown, jobId: string, name = 'application.submit'): Promise<Job> {
    if (data && typeof data === 'object' && 'application' in data) remember(data.application);
    await intake.add(name, data, { jobId, attempts: 3, backoff: { type: 'fixed', delay: 10 } });
    return settled(intake, jobId);
  }

  /** The events published for the subscriber, by type (the relay runs in the worker). */
  async function published(type: string, match: (e: Envelope) => boolean): Promise<Envelope[]> {
    return (await allJobs(events))
      .filter((j) => j.name === type && match(j.data as Envelope))
      .map((j) => {
        expect(j.id).toBe((j.data as Envelope).id);
        return j.data as Envelope;
      });
  }

  /** The one rejection event of a job; `jobId` as the event carries it (masked where it held an ID number). */
  async function rejectionOf(jobId: string): Promise<Rejected> {
    let found: Envelope[] = [];
    await eventually(
      async () => {
        found = await published('application.intake-rejected', (e) => e.data.jobId === jobId);
        return found.length > 0;
      },
      15_000,
      `the rejection of ${jobId}`,
    );
    expect(found).toHaveLength(1);
    expect(contract.problems(found[0])).toEqual([]);
    return found[0] as Rejected;
  }

  describe('a valid job', () => {
    let body: ApplicationBody;
    let first: Job;

    it('creates the application, completes with ids only and announces application.submitted', async () => {
      body = applicationBody();
      first = await submit(
        { idempotencyKey: 'intake-ok-1', token: tokens['int-a'], application: body },
        'ok-1',
      );
      expect(await first.getState()).toBe('completed');
      expect(first.returnvalue).toEqual({
        outcome: 'SUBMITTED',
        applicationId: expect.any(String) as string,
        number: expect.stringMatching(/^431102001-\d{4}-000001$/) as string,
        status: 'VERIFYING',
        replayed: false,
      });
      const { applicationId } = first.returnvalue as { applicationId: string };
      // The application body and the token are gone from Redis once the job is done.
      expect(first.data).toEqual({ idempotencyKey: 'intake-ok-1' });

      const view = await http.call<{ members: { idNumberMasked: string }[]; status: string }>(
        'GET',
        `/api/v1/applications/${applicationId}`,
        { token: await http.login('op-a', TEST_PASSWORD) },
      );
      expect(view.status).toBe(200);
      expect(view.body.members.map((m) => m.idNumberMasked)).toEqual(
        body.members.map(
          (m) => `${(m.idNumber as string).slice(0, 6)}********${(m.idNumber as string).slice(14)}`,
        ),
      );
      const audit = await db.query<{ action: string; actor_username: string; actor_role: string }>(
        `SELECT action, actor_username, actor_role FROM audit_entries WHERE application_id = $1 ORDER BY seq`,
        [applicationId],
      );
      expect(audit[0]).toEqual({
        action: 'application.created',
        actor_username: 'int-a',
        actor_role: 'INTEGRATION',
      });

      await eventually(
        async () =>
          (await published('application.submitted', (e) => e.subject === applicationId)).length === 1,
      );
      const [event] = await published('application.submitted', (e) => e.subject === applicationId);
      expect(contract.problems(event)).toEqual([]);
      expect(event).toMatchObject({ source: '/hev/431102', data: { applicationId, status: 'VERIFYING' } });
    });

    it('replayed (same key and account, any job id) creates nothing new and announces nothing new', async () => {
      const before = await db.counts();
      const replay = await submit(
        { idempotencyKey: 'intake-ok-1', token: tokens['int-a'], application: body },
        'ok-1-again',
      );
      expect(await replay.getState()).toBe('completed');
      expect(replay.returnvalue).toEqual({ ...(first.returnvalue as object), replayed: true });
      expect(await db.counts()).toEqual(before);

      // The HTTP route shares the key space of the same account.
      const token = tokens['int-a'];
      const viaHttp = await http.call<{ id: string }>('POST', '/api/v1/applications', {
        token,
        body,
        headers: { 'idempotency-key': 'intake-ok-1' },
      });
      expect(viaHttp.status).toBe(201);
      expect(viaHttp.body.id).toBe((first.returnvalue as { applicationId: string }).applicationId);
      expect((await db.counts()).applications).toBe(before.applications);
      const submitted = await published(
        'application.submitted',
        (e) => e.subject === (first.returnvalue as { applicationId: string }).applicationId,
      );
      expect(submitted).toHaveLength(1);
    });

    it('takes a county INTEGRATION account’s job for any township of its county', async () => {
      const job = await submit(
        {
          idempotencyKey: 'county-1',
          token: tokens['int-county'],
          application: applicationBody({ townshipCode: '431102002' }),
        },
        'county-1',
      );
      expect(await job.getState()).toBe('completed');
      expect((job.returnvalue as { number: string }).number).toMatch(/^431102002-/);
    });
  });

  describe('malformed jobs: a final rejection event each, and the worker goes on', () => {
    interface BadJob {
      name: string;
      jobId: string;
      /** The job id the event must echo, when it differs (masked). */
      eventJobId?: string;
      data: () => unknown;
      /** The idempotencyKey the event must echo. */
      key: string | null;
      paths: string[];
      /** access.denied entries the refusal writes. */
      denied?: number;
    }

    const taken = { idNumber: '' };
    const valid =
      (key: string, change: (b: ApplicationBody) => void = () => undefined) =>
      () => {
        const application = applicationBody();
        change(application);
        return { idempotencyKey: key, token: tokens['int-a'], application };
      };
    const idInKey = generateIdNumber('1979-09-09', 123, '431102');
    const idAsKey = generateIdNumber('1979-09-09', 125, '431102');
    const idInJobId = generateIdNumber('1979-09-09', 127, '431102');

    const cases: BadJob[] = [
      { name: 'data is a string', jobId: 'bad-string', data: () => 'submit please', key: null, paths: [''] },
      { name: 'data is null', jobId: 'bad-null', data: () => null, key: null, paths: [''] },
      { name: 'data is an array', jobId: 'bad-array', data: () => [valid('x')()], key: null, paths: [''] },
      {
        name: 'no idempotencyKey',
        jobId: 'bad-no-key',
        data: () => ({ token: tokens['int-a'], application: applicationBody() }),
        key: null,
        paths: ['idempotencyKey'],
      },
      {
        name: 'idempotencyKey not a string',
        jobId: 'bad-key-type',
        data: () => ({ ...valid('')(), idempotencyKey: 42 }),
        key: null,
        paths: ['idempotencyKey'],
      },
      {
        name: 'empty idempotencyKey',
        jobId: 'bad-key-empty',
        data: valid(''),
        key: null,
        paths: ['idempotencyKey'],
      },
      {
        name: 'idempotencyKey over 128 characters',
        jobId: 'bad-key-long',
        data: valid('k'.repeat(129)),
        key: null,
        paths: ['idempotencyKey'],
      },
      {
        name: 'no token',
        jobId: 'bad-no-token',
        data: () => ({ idempotencyKey: 'no-token', application: applicationBody() }),
        key: 'no-token',
        paths: ['token'],
      },
      {
        name: 'only an actor username (the contract before SPEC 7.1 asked for a token)',
        jobId: 'bad-actor-only',
        data: () => ({ idempotencyKey: 'actor-only', actor: 'int-a', application: applicationBody() }),
        key: 'actor-only',
        paths: ['token'],
      },
      {
        name: 'a forged token (signature changed)',
        jobId: 'bad-forged-token',
        data: () => ({ ...valid('forged-token')(), token: `${tokens['int-a']!.slice(0, -6)}AAAAAA` }),
        key: 'forged-token',
        paths: ['token'],
      },
      {
        name: 'an expired token',
        jobId: 'bad-expired-token',
        data: () => ({
          ...valid('expired-token')(),
          token: signedLike(tokens['int-a']!, { exp: Math.floor(Date.now() / 1000) - 60 }),
        }),
        key: 'expired-token',
        paths: ['token'],
      },
      {
        name: 'a revoked token (its user logged out)',
        jobId: 'bad-revoked-token',
        data: () => ({ ...valid('revoked-token')(), token: tokens['int-revoked'] }),
        key: 'revoked-token',
        paths: ['token'],
      },
      {
        name: 'a token of a user without the INTEGRATION role',
        jobId: 'bad-operator-token',
        data: () => ({ ...valid('operator-token')(), token: tokens['op-a'] }),
        key: 'operator-token',
        paths: ['token'],
        denied: 1,
      },
      {
        name: 'a token that is not a string',
        jobId: 'bad-token-type',
        data: () => ({ ...valid('token-type')(), token: { username: 'int-a' } }),
        key: 'token-type',
        paths: ['token'],
      },
      {
        name: 'job data over 256 KiB (refused unread)',
        jobId: 'bad-oversized',
        data: valid('oversized', (b) => (b.address = '长'.repeat(100_000))),
        key: 'oversized',
        paths: [''],
      },
      {
        name: 'a control character in a name',
        jobId: 'bad-control-character',
        data: valid('control-character', (b) => (b.members[0]!.name = '李\u0000明')),
        key: null,
        paths: ['application.members[0].name'],
      },
      {
        name: '2 000 levels of nesting',
        jobId: 'bad-nesting',
        data: () => ({ ...valid('nesting')(), application: deepNest(2000) }),
        key: null,
        paths: [`application${'.a'.repeat(31)}`],
      },
      {
        name: 'more members than the HTTP route allows (capped before validation)',
        jobId: 'bad-too-many-members',
        data: valid('too-many-members', (b) => {
          while (b.members.length < 21) b.members.push({ ...b.members[0]! });
        }),
        key: 'too-many-members',
        paths: ['application.members'],
      },
      {
        name: 'an unknown field in the job data',
        jobId: 'bad-extra-field',
        data: () => ({ ...valid('extra-field')(), priority: 'HIGH' }),
        key: 'extra-field',
        paths: ['priority'],
      },
      {
        name: 'no application',
        jobId: 'bad-no-application',
        data: () => ({ idempotencyKey: 'no-application', token: tokens['int-a'] }),
        key: 'no-application',
        paths: ['application'],
      },
      {
        name: 'an application that is not an object',
        jobId: 'bad-application-type',
        data: () => ({ idempotencyKey: 'application-type', token: tokens['int-a'], application: 'DIBAO' }),
        key: 'application-type',
        paths: ['application'],
      },
      {
        name: 'an ID number with a wrong check digit',
        jobId: 'bad-check-digit',
        data: valid('check-digit', (b) => {
          const id = b.members[0]!.idNumber as string;
          b.members[0]!.idNumber = `${id.slice(0, 17)}${id.endsWith('1') ? '2' : '1'}`;
        }),
        key: 'check-digit',
        paths: ['application.members[0].idNumber'],
      },
      {
        name: 'several rules of SPEC 3.1 at once',
        jobId: 'bad-rules',
        data: valid('rules', (b) => {
          b.programme = 'WELFARE';
          b.members[1]!.idNumber = generateIdNumber('2099-01-01', 1);
          b.members.push(
            memberBody({ name: '张小', relation: 'CHILD', idNumber: uniqueIdNumber(birthDateYearsAgo(8)) }),
          );
          b.members[0]!.declaredMonthlyIncome = {
            wageFen: -5,
            businessFen: 0,
            propertyFen: 0,
            transferFen: 0,
            excludedFen: 0,
          };
        }),
        key: 'rules',
        paths: [
          'application.members[0].declaredMonthlyIncome.wageFen',
          'application.members[1].idNumber',
          'application.members[2].authorization.signer',
          'application.programme',
        ],
      },
      {
        name: 'an unknown field inside the application',
        jobId: 'bad-application-field',
        data: valid('application-field', (b) => (b.channel = 'wechat')),
        key: 'application-field',
        paths: ['application.channel'],
      },
      {
        name: 'a township outside the actor’s scope',
        jobId: 'bad-scope',
        data: valid('scope', (b) => (b.townshipCode = '431103001')),
        key: 'scope',
        paths: ['application.townshipCode'],
        denied: 1,
      },
      {
        name: 'a person already in an open application',
        jobId: 'bad-duplicate',
        data: valid('duplicate', (b) => (b.members[1]!.idNumber = taken.idNumber)),
        key: 'duplicate',
        paths: ['application.members[1].idNumber'],
      },
      {
        name: 'a used idempotency key with another application',
        jobId: 'bad-key-reuse',
        data: valid('intake-ok-1'),
        key: 'intake-ok-1',
        paths: ['idempotencyKey'],
      },
      {
        name: 'problems in every part',
        jobId: 'bad-everything',
        data: () => ({
          idempotencyKey: 7,
          extra: true,
          application: { ...applicationBody(), residence: 'MOON' },
        }),
        key: null,
        paths: ['application.residence', 'extra', 'idempotencyKey', 'token'],
      },
      {
        name: 'an unknown field named like an ID number',
        jobId: 'bad-id-field',
        data: () => ({ ...valid('id-field')(), [idAsKey]: '张三' }),
        key: 'id-field',
        paths: ['<key>'],
      },
      {
        name: 'an ID number inside the idempotency key',
        jobId: 'bad-id-key',
        data: valid(`key-${idInKey}`, (b) => (b.address = '')),
        key: `key-${idInKey.slice(0, 6)}********${idInKey.slice(14)}`,
        paths: ['application.address'],
      },
      {
        name: 'an ID number inside the job id',
        jobId: `job-${idInJobId}`,
        eventJobId: `job-${idInJobId.slice(0, 6)}********${idInJobId.slice(14)}`,
        data: valid('id-job', (b) => (b.residence = 'MOON')),
        key: 'id-job',
        paths: ['application.residence'],
      },
    ];

    const jobs = new Map<string, Job>();
    let before: Awaited<ReturnType<DbProbe['counts']>>;
    let auditSeq: number;
    let good: Job;

    beforeAll(async () => {
      const owner = applicationBody();
      taken.idNumber = owner.members[0]!.idNumber as string;
      const holder = await submit(
        { idempotencyKey: 'holder', token: tokens['int-a'], application: owner },
        'holder',
      );
      expect(await holder.getState()).toBe('completed');
      await eventually(
        async () => (await db.query(`SELECT 1 FROM outbox_messages WHERE published_at IS NULL`)).length === 0,
      );

      before = await db.counts();
      auditSeq = await db.lastAuditSeq();
      submittedIds.add(idAsKey);
      submittedIds.add(idInKey);
      // Not idInJobId: a producer that names its job after a person has written that into Redis key names itself,
      // which the platform cannot rewrite (docs/decisions.md); the event still masks it.
      producerWritten.add(idInJobId);
      // All at once, then a good one: the worker has to get through every bad job to reach it.
      await intake.addBulk(
        cases.map((c) => {
          const data = c.data();
          if (data && typeof data === 'object' && 'application' in data) remember(data.application);
          return {
            name: 'application.submit',
            data,
            opts: { jobId: c.jobId, attempts: 3, backoff: { type: 'fixed', delay: 10 } },
          };
        }),
      );
      const goodBody = applicationBody();
      remember(goodBody);
      await intake.add(
        'application.submit',
        { idempotencyKey: 'after-bad', token: tokens['int-a'], application: goodBody },
        { jobId: 'after-bad' },
      );
      for (const c of cases) jobs.set(c.jobId, await settled(intake, c.jobId));
      good = await settled(intake, 'after-bad');
    }, 60_000);

    it('has at least 20 cases', () => {
      expect(cases.length).toBeGreaterThanOrEqual(20);
    });

    it.each(cases)('$name → failed once, rejection event with its paths', async (c) => {
      const job = jobs.get(c.jobId)!;
      expect(await job.getState()).toBe('failed');
      expect(job.attemptsMade).toBe(1); // UnrecoverableError: no retry although 3 attempts were allowed
      expect(job.failedReason).toMatch(/^application\.intake-rejected: \d+ problem\(s\)/);
      // Nothing of the application body is left in Redis.
      expect(job.data === null || typeof job.data !== 'object' || !('application' in job.data)).toBe(true);

      const event = await rejectionOf(c.eventJobId ?? c.jobId);
      expect(event.subject).toBeUndefined();
      expect(event.data.idempotencyKey).toBe(c.key);
      expect([...new Set(event.data.errors.map((e) => e.path))].sort()).toEqual([...c.paths].sort());
      for (const e of event.data.errors) expect(e.message.length).toBeGreaterThan(0);
      expect(validIdNumbersIn(JSON.stringify(event))).toEqual([]);
      expect(JSON.stringify(event)).not.toContain('张');
    });

    it('wrote nothing but the rejections (and the audit of denied access)', async () => {
      const after = await db.counts();
      expect(after).toEqual({
        ...before,
        applications: before.applications + 1, // the good job after them
        application_members: before.application_members + 2,
        open_application_persons: before.open_application_persons + 2,
        idempotency_keys: before.idempotency_keys + 1,
        verification_runs: before.verification_runs + 1,
        audit_entries: before.audit_entries + 1 + cases.reduce((n, c) => n + (c.denied ?? 0), 0),
        outbox_messages: before.outbox_messages + cases.length + 2, // rejections; submitted + verification.start
      });
      const actions = await db.auditActionsAfter(auditSeq);
      expect(actions.filter((a) => a === 'access.denied')).toHaveLength(2);
      expect(actions.filter((a) => a !== 'access.denied')).toEqual(['application.created']);
    });

    it('processed the good job that came after them', async () => {
      expect(await good.getState()).toBe('completed');
      expect(good.returnvalue).toMatchObject({ outcome: 'SUBMITTED', replayed: false });
    });

    it('fails a job of an unknown name alone, drops its data, and goes on', async () => {
      const body = applicationBody();
      remember(body);
      const unknown = await submit(
        { idempotencyKey: 'u-1', token: tokens['int-a'], application: body },
        'unknown-name',
        'application.update',
      );
      expect(await unknown.getState()).toBe('failed');
      expect(unknown.attemptsMade).toBe(1);
      expect(unknown.failedReason).toContain('Unknown job name');
      expect(unknown.data).toEqual({});
      expect(await published('application.intake-rejected', (e) => e.data.jobId === 'unknown-name')).toEqual(
        [],
      );
      const next = await submit(
        { idempotencyKey: 'u-2', token: tokens['int-a'], application: applicationBody() },
        'after-unknown',
      );
      expect(await next.getState()).toBe('completed');
      expect(worker.app).toBeDefined();
    });
  });

  it('leaves no full ID number anywhere in Redis', async () => {
    await eventually(
      async () => (await db.query(`SELECT 1 FROM outbox_messages WHERE published_at IS NULL`)).length === 0,
    );
    const { keys, text } = await dumpKeys(api.queuePrefix);
    expect(keys).toBeGreaterThan(10);
    expect(submittedIds.size).toBeGreaterThan(40);
    for (const id of submittedIds) expect(text).not.toContain(id);
    // No access token either (SPEC 7.1): every job's data was cleared of it once processed.
    for (const token of Object.values(tokens)) expect(text).not.toContain(token.split('.')[2]);
    const lines = text.split('\n');
    const naming = (line: string) => [...producerWritten].some((id) => line.includes(`job-${id}`));
    expect(validIdNumbersIn(lines.filter((l) => !naming(l)).join('\n'))).toEqual([]);
    // Lines naming that job (its hash, the queue's lists and event stream) hold nothing else of the kind.
    for (const line of lines.filter(naming))
      expect(line.replaceAll(/job-\d{17}[\dX]/g, '')).not.toMatch(/\d{17}[\dX]/);
    expect(text).toContain('application.intake-rejected'); // the scan sees the events
  });
});
