import type { Queue } from 'bullmq';
import { todayInChina } from '@app/common';
import { verifyEvent } from '@app/events';
import {
  applicationBody,
  loadEventContract,
  memberBody,
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

const SUBSCRIBERS = ['dibao-system', 'archive'];

interface OutboxEvent {
  id: string;
  type: string;
  subject: string | null;
  payload: Record<string, unknown>;
}

/**
 * SPEC 7.2 end to end: state changes over HTTP and the intake queue → outbox → the worker's relay → one job per
 * event on every subscriber queue, each matching docs/asyncapi.yaml, and no full ID number anywhere in Redis.
 * (Relay crashes and leader hand-over are covered by libs/events/src/outbox*.int-spec.ts.)
 */
describe('events of application changes reach every subscriber once (SPEC 7.2)', () => {
  let api: RunningApi;
  let worker: RunningWorker;
  let db: DbProbe;
  let http: ReturnType<typeof client>;
  let contract: EventContract;
  let subscriberQueues: Queue[];
  let token: string;
  const ids = new Set<string>();
  const expected = new Map<string, string[]>();
  const today = todayInChina();

  beforeAll(async () => {
    const env = { EVENT_SUBSCRIBERS: SUBSCRIBERS.join(',') };
    api = await startApi(env);
    worker = await startWorker(api, env);
    http = client(api.app);
    await createUsers(http, [
      { username: 'op-a', roles: ['STATION_OPERATOR'], areaCode: '431102001' },
      { username: 'int-a', roles: ['INTEGRATION'], areaCode: '431102001' },
    ]);
    token = await http.login('op-a', TEST_PASSWORD);
    db = await DbProbe.connect(api.db.url);
    subscriberQueues = SUBSCRIBERS.map((s) => testQueue(`hev-events-${s}`, api.queuePrefix));
    contract = await loadEventContract();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(subscriberQueues.map((q) => q.close()));
    await worker.close();
    await db.close();
    await deleteKeys(api.queuePrefix);
    await api.close();
  });

  function track(body: ApplicationBody): ApplicationBody {
    for (const m of body.members) ids.add(m.idNumber as string);
    return body;
  }

  async function call<T>(method: 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) {
    const reply = await http.call<T>(method, url, { token, body });
    if (reply.status >= 300)
      throw new Error(`${method} ${url}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  }

  it('publishes each change as one job per subscriber, named by type, with the event id as job id', async () => {
    // 1. created, everyone authorised (VERIFYING)
    const ready = await call<{ id: string }>('POST', '/api/v1/applications', track(applicationBody()));
    expected.set(ready.id, ['application.submitted']);

    // 2. created without the spouse's consent, consent given, revoked, given again, then withdrawn
    const waiting = await call<{ id: string; members: { id: string }[] }>(
      'POST',
      '/api/v1/applications',
      track(
        applicationBody({
          members: [memberBody(), memberBody({ name: '李四', relation: 'SPOUSE', authorization: null })],
        }),
      ),
    );
    const authUrl = `/api/v1/applications/${waiting.id}/members/${waiting.members[1]!.id}/authorization`;
    const consent = { signedAt: today, signer: 'SELF', documentRef: 'AUTH-EVENTS-1' };
    await call('PUT', authUrl, consent);
    await call('DELETE', authUrl);
    await call('PUT', authUrl, consent);
    await call('POST', `/api/v1/applications/${waiting.id}/withdraw`, { reason: '李四 moved to 广州' });
    expect(await db.query('SELECT 1 FROM applications WHERE id = $1', [waiting.id])).toHaveLength(1);
    expected.set(waiting.id, [
      'application.submitted',
      'application.authorization-changed',
      'application.authorization-changed',
      'application.authorization-changed',
      'application.withdrawn',
    ]);

    // 3. through the intake queue: one accepted, one refused
    const intake = testQueue('hev-intake', api.queuePrefix);
    const integration = await http.login('int-a', TEST_PASSWORD);
    try {
      await intake.add(
        'application.submit',
        { idempotencyKey: 'events-1', token: integration, application: track(applicationBody()) },
        { jobId: 'events-ok' },
      );
      const bad = applicationBody();
      bad.members[0]!.name = '';
      await intake.add(
        'application.submit',
        { idempotencyKey: 'events-2', token: integration, application: track(bad) },
        { jobId: 'events-bad' },
      );
      const ok = await settled(intake, 'events-ok');
      expect(await ok.getState()).toBe('completed');
      expected.set((ok.returnvalue as { applicationId: string }).applicationId, ['application.submitted']);
      expect(await (await settled(intake, 'events-bad')).getState()).toBe('failed');
    } finally {
      await intake.close();
    }

    await eventually(
      async () => (await db.query('SELECT 1 FROM outbox_messages WHERE published_at IS NULL')).length === 0,
      15_000,
      'the relay publishing the outbox',
    );
    const events = await db.query<OutboxEvent>(
      `SELECT id::text, type, payload->>'subject' AS subject, payload FROM outbox_messages
        WHERE kind = 'EVENT' ORDER BY seq`,
    );
    // Exactly the changes made above, in order per application, plus the one rejection.
    for (const [applicationId, types] of expected)
      expect(events.filter((e) => e.subject === applicationId).map((e) => e.type)).toEqual(types);
    const rejections = events.filter((e) => e.type === 'application.intake-rejected');
    expect(rejections).toHaveLength(1);
    expect(rejections[0]!.payload).toMatchObject({
      data: {
        idempotencyKey: 'events-2',
        jobId: 'events-bad',
        errors: [{ path: 'application.members[0].name' }],
      },
    });
    expect(events).toHaveLength([...expected.values()].flat().length + 1);

    // SPEC 7.2: every event verifies with the key the platform publishes, and a changed one does not.
    const keys = await http.call<{ keys: { kty: 'OKP'; crv: 'Ed25519'; x: string }[] }>(
      'GET',
      '/api/v1/keys',
    );
    expect(keys.status).toBe(200);
    const publishedKey = keys.body.keys[0]!;
    for (const event of events) {
      expect(typeof event.payload.hevsignature).toBe('string');
      expect(verifyEvent(event.payload, publishedKey)).toBe(true);
      expect(verifyEvent({ ...event.payload, source: '/hev/431103' }, publishedKey)).toBe(false);
      const { hevsignature: _dropped, ...unsigned } = event.payload;
      expect(verifyEvent(unsigned, publishedKey)).toBe(false);
    }

    for (const queue of subscriberQueues) {
      const jobs = await allJobs(queue);
      expect(jobs).toHaveLength(events.length);
      for (const event of events) {
        const matching = jobs.filter((j) => j.id === event.id);
        expect(matching).toHaveLength(1);
        expect(matching[0]!.name).toBe(event.type);
        expect(matching[0]!.data).toEqual(event.payload);
        expect(contract.problems(matching[0]!.data)).toEqual([]);
      }
    }
    const withdrawn = events.find((e) => e.type === 'application.withdrawn')!;
    expect(withdrawn.payload.data).not.toHaveProperty('reason');
  });

  it('leaves no full ID number and no name anywhere under the queue prefix', async () => {
    const { keys, text } = await dumpKeys(api.queuePrefix);
    expect(keys).toBeGreaterThan(5);
    expect(ids.size).toBeGreaterThanOrEqual(8);
    for (const id of ids) expect(text).not.toContain(id);
    expect(validIdNumbersIn(text)).toEqual([]);
    for (const name of ['张三', '李四', '广州']) expect(text).not.toContain(name);
    expect(text).toContain('application.withdrawn');
  });
});
