import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { applicationBody, freePort, memberBody } from '@app/testing';
import {
  fetchPlatformKeys,
  inMemoryProcessedEvents,
  login,
  startEventConsumer,
  submitApplication,
  verifyEventSignature,
  type HevEvent,
  type IntegratorConfig,
} from '../docs/examples/integrator';
import {
  client,
  createUsers,
  startApi,
  startWorker,
  TEST_PASSWORD,
  type RunningApi,
  type RunningWorker,
} from './support/api-harness';
import { eventually } from './support/db-probe';
import { TEST_REDIS_URL, testQueue } from './support/queues';

/*
 * docs/examples/integrator.ts, the worked example of docs/integration.md, run as written against the real platform:
 * the API listening on a free port (the example speaks plain HTTP), a worker, the shared Redis under this file's prefix.
 */

const SUBSCRIBER = 'provincial-dibao';
const ROOT = join(__dirname, '..');
const processed = inMemoryProcessedEvents();
const startedAt = new Date();

// Each step waits for the platform (a job, an event, a child process): generous bounds on a loaded machine.
jest.setTimeout(60_000);

describe('the integrator example of docs/integration.md', () => {
  let api: RunningApi;
  let worker: RunningWorker;
  let config: IntegratorConfig;
  const received: HevEvent[] = [];
  let consumer: ReturnType<typeof startEventConsumer>;

  beforeAll(async () => {
    api = await startApi({ EVENT_SUBSCRIBERS: SUBSCRIBER });
    const port = await freePort();
    await api.app.listen(port, '127.0.0.1');
    worker = await startWorker(api, { EVENT_SUBSCRIBERS: SUBSCRIBER });
    await createUsers(client(api.app), [
      { username: 'int-example', roles: ['INTEGRATION'], areaCode: '431102001' },
      { username: 'int-leaked', roles: ['INTEGRATION'], areaCode: '431102001' },
    ]);
    config = {
      apiUrl: `http://127.0.0.1:${port}`,
      redisUrl: TEST_REDIS_URL,
      queuePrefix: api.queuePrefix,
      subscriber: SUBSCRIBER,
      username: 'int-example',
      password: TEST_PASSWORD,
    };
    const keys = await fetchPlatformKeys(config.apiUrl);
    consumer = startEventConsumer(config, keys, handle, processed);
  }, 60_000);

  afterAll(async () => {
    await consumer?.close();
    await worker?.close();
    await api?.close();
  });

  function handle(event: HevEvent): Promise<void> {
    received.push(event);
    return Promise.resolve();
  }

  function eventsOf(type: string, match: (e: HevEvent) => boolean = () => true): HevEvent[] {
    return received.filter((e) => e.type === type && match(e));
  }

  it('submits a household with its token and handles the signed application.submitted event once', async () => {
    const { token } = await login(config);
    const key = `example-${randomUUID()}`;
    const outcome = await submitApplication(config, token, key, applicationBody());
    expect(outcome).toEqual({
      accepted: true,
      applicationId: expect.any(String) as string,
      number: expect.stringMatching(/^431102001-\d{4}-\d{6}$/) as string,
      status: 'VERIFYING',
      replayed: false,
    });
    if (!outcome.accepted) return;
    await eventually(
      () =>
        Promise.resolve(
          eventsOf('application.submitted', (e) => e.subject === outcome.applicationId).length === 1,
        ),
      15_000,
      'the application.submitted event',
    );
    const [event] = eventsOf('application.submitted', (e) => e.subject === outcome.applicationId);
    expect(event!.data).toMatchObject({
      applicationId: outcome.applicationId,
      status: 'VERIFYING',
    });
    // Events carry no ID number and no name.
    expect(JSON.stringify(event)).not.toMatch(/\d{17}[\dX]/);

    // The same key with a different household is refused: a key names one submission.
    expect(await submitApplication(config, token, key, applicationBody())).toMatchObject({ accepted: false });
  });

  it('gets back the application it already created when it resubmits the same job with the same key', async () => {
    const { token } = await login(config);
    const key = `example-${randomUUID()}`;
    const body = applicationBody();
    const first = await submitApplication(config, token, key, body);
    const second = await submitApplication(config, token, key, body);
    expect(first).toMatchObject({ accepted: true, replayed: false });
    expect(second).toMatchObject({ accepted: true, replayed: true });
    if (!first.accepted || !second.accepted) return;
    expect(second.applicationId).toBe(first.applicationId);
  });

  it('learns every problem of a refused job from the signed application.intake-rejected event', async () => {
    const { token } = await login(config);
    const key = `example-${randomUUID()}`;
    const body = applicationBody({
      // A wrong check character on the applicant, and a second applicant.
      members: [memberBody({ idNumber: '431102198001010019' }), memberBody({ name: '李四' })],
    });
    const outcome = await submitApplication(config, token, key, body);
    expect(outcome).toMatchObject({ accepted: false });
    await eventually(
      () =>
        Promise.resolve(
          eventsOf('application.intake-rejected', (e) => e.data.idempotencyKey === key).length > 0,
        ),
      15_000,
      'the application.intake-rejected event',
    );
    const [rejection] = eventsOf('application.intake-rejected', (e) => e.data.idempotencyKey === key);
    const errors = rejection!.data.errors as {
      path: string;
      message: string;
    }[];
    expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(['application.members[0].idNumber']));
  });

  it('refuses a job with a revoked token', async () => {
    // A token that leaked and was revoked at once by its user's logout (docs/operations.md, "A leaked token").
    const { token } = await login({ ...config, username: 'int-leaked' });
    const logout = await fetch(`${config.apiUrl}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(logout.status).toBe(204);
    const key = `example-${randomUUID()}`;
    expect(await submitApplication(config, token, key, applicationBody())).toMatchObject({ accepted: false });
    await eventually(
      () =>
        Promise.resolve(
          eventsOf('application.intake-rejected', (e) => e.data.idempotencyKey === key).length > 0,
        ),
      15_000,
      'the rejection of the revoked token',
    );
    const [rejection] = eventsOf('application.intake-rejected', (e) => e.data.idempotencyKey === key);
    expect((rejection!.data.errors as { path: string }[]).map((e) => e.path)).toContain('token');
  });

  it('refuses a forged event and skips a duplicate delivery of a genuine one', async () => {
    const genuine = received.find((e) => e.type === 'application.submitted');
    expect(genuine).toBeDefined();
    const keys = await fetchPlatformKeys(config.apiUrl);
    expect(verifyEventSignature(genuine, keys)).toBe(true);
    const queue = testQueue(`hev-events-${SUBSCRIBER}`, config.queuePrefix);
    try {
      const before = { ...consumer.counts };
      // Somebody with access to the queue changes a real event: the signature no longer matches.
      const forged = {
        ...genuine!,
        data: { ...genuine!.data, status: 'APPROVED' },
      };
      expect(verifyEventSignature(forged, keys)).toBe(false);
      await queue.add('application.submitted', forged, {
        jobId: `forged-${randomUUID()}`,
      });
      // The same genuine event delivered again under another job id (as a replay may): processed once only.
      await queue.add(genuine!.type, genuine, {
        jobId: `again-${randomUUID()}`,
      });
      await eventually(
        () =>
          Promise.resolve(
            consumer.counts.refused === before.refused + 1 &&
              consumer.counts.duplicates === before.duplicates + 1,
          ),
        15_000,
        'the forged event refused and the duplicate skipped',
      );
      expect(consumer.counts.handled).toBe(before.handled);
      expect(received.filter((e) => e.id === genuine!.id)).toHaveLength(1);
      expect(received.some((e) => e.data.status === 'APPROVED' && e.id === genuine!.id)).toBe(false);
    } finally {
      await queue.close();
    }
  });

  it('recovers a lost queue with npm run events:replay: the lost event is handled, the others are skipped', async () => {
    await consumer.close();
    const { token } = await login(config);
    const lost = await submitApplication(config, token, `example-${randomUUID()}`, applicationBody());
    if (!lost.accepted) throw new Error('the submission was refused');
    const queue = testQueue(`hev-events-${SUBSCRIBER}`, config.queuePrefix);
    try {
      // The event reaches the queue while no consumer runs; then Redis loses the queue.
      await eventually(
        async () =>
          (await queue.getJobs(['waiting'])).some(
            (job) => (job.data as HevEvent).subject === lost.applicationId,
          ),
        15_000,
        'the event of the lost application on the queue',
      );
      await queue.obliterate({ force: true });
    } finally {
      await queue.close();
    }
    expect(received.some((e) => e.subject === lost.applicationId)).toBe(false);

    consumer = startEventConsumer(config, await fetchPlatformKeys(config.apiUrl), handle, processed);
    const handledBefore = received.length;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        join(ROOT, 'apps/cli/src/events-replay.ts'),
        '--since',
        startedAt.toISOString(),
        '--subscriber',
        SUBSCRIBER,
      ],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
          NODE_ENV: 'test',
          LOG_LEVEL: 'warn',
          DATABASE_URL: api.db.url,
          REDIS_URL: config.redisUrl,
          QUEUE_PREFIX: config.queuePrefix,
          EVENT_SUBSCRIBERS: SUBSCRIBER,
        },
      },
    );
    expect(stdout).toMatch(/Re-published \d+ event\(s\)/);

    await eventually(
      () => Promise.resolve(received.some((e) => e.subject === lost.applicationId)),
      20_000,
      'the replayed event of the lost application',
    );
    await eventually(
      () => Promise.resolve(consumer.counts.duplicates >= handledBefore),
      20_000,
      'every event processed before skipped as a duplicate',
    );
    expect(received.filter((e) => e.subject === lost.applicationId)).toHaveLength(1);
    expect(new Set(received.map((e) => e.id)).size).toBe(received.length);
  });
});
