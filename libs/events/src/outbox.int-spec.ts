import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { RecordSigner } from '@app/common';
import { DEV_DEFAULTS, loadConfig, type AppConfig } from '@app/config';
import { dataSourceOptions, pendingSchemaChanges, runInTransaction } from '@app/database';
import { QueueName, eventQueueName, redisOptionsFromUrl } from '@app/queue';
import { createTestDatabase, uniqueQueuePrefix, type TestDatabase } from '@app/testing';
import { loadEventContract, type EventContract } from '@app/testing';
import { verifyEvent } from './event-signature';
import { EVENT_TYPES, EventType, type CloudEvent, type NewEvent } from './event.types';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxRelay, type OutboxRelayTuning } from './outbox.relay';
import { OutboxService } from './outbox.service';

/** The key the tests' events are signed with (no SIGNING_KEY set: the documented development key). */
const SIGNER = new RecordSigner(Buffer.from(DEV_DEFAULTS.SIGNING_KEY, 'hex'));

const SUBSCRIBERS = ['dibao-system', 'archive'];
const REDIS_URL = 'redis://127.0.0.1:6379';

function applicationData(status: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    applicationId: randomUUID(),
    number: '431102001-2026-000042',
    programme: 'DIBAO',
    status,
    townshipCode: '431102001',
    countyCode: '431102',
    ...extra,
  };
}

function applicationEvent(type: EventType, data: Record<string, unknown>): NewEvent {
  return { type, subject: data.applicationId as string, areaCode: data.townshipCode as string, data };
}

/** One event of every type, with the data the workflow emits. */
function oneEventOfEachType(): NewEvent[] {
  return [
    applicationEvent(EventType.SUBMITTED, applicationData('VERIFYING')),
    applicationEvent(
      EventType.AUTHORIZATION_CHANGED,
      applicationData('AWAITING_AUTHORIZATION', { memberId: randomUUID(), authorized: false }),
    ),
    applicationEvent(
      EventType.VERIFICATION_COMPLETED,
      applicationData('VERIFIED', {
        runId: randomUUID(),
        runStatus: 'INCOMPLETE',
        outcome: 'NEEDS_REVIEW',
        monthlyBenefitFen: 0,
        missingSources: ['BANKING'],
      }),
    ),
    applicationEvent(
      EventType.TOWNSHIP_REVIEWED,
      applicationData('IN_PUBLIC_NOTICE', { opinion: 'RECOMMEND_APPROVE' }),
    ),
    applicationEvent(
      EventType.PUBLIC_NOTICE_STARTED,
      applicationData('IN_PUBLIC_NOTICE', {
        startedAt: '2026-11-23T08:00:00.000Z',
        endsAt: '2026-11-30T08:00:00.000Z',
      }),
    ),
    applicationEvent(
      EventType.PUBLIC_NOTICE_ENDED,
      applicationData('AWAITING_COUNTY_DECISION', {
        startedAt: '2026-11-23T08:00:00.000Z',
        endsAt: '2026-11-30T08:00:00.000Z',
        endedAt: '2026-11-30T08:00:00.000Z',
        endReason: 'EXPIRED',
      }),
    ),
    applicationEvent(
      EventType.DECIDED,
      applicationData('APPROVED', {
        decision: 'APPROVE',
        monthlyBenefitFen: 28000,
        effectiveMonth: '2026-12',
      }),
    ),
    applicationEvent(EventType.WITHDRAWN, applicationData('WITHDRAWN', { reason: 'moved away' })),
    {
      type: EventType.INTAKE_REJECTED,
      areaCode: '431100',
      data: {
        idempotencyKey: 'intake-0001',
        errors: [{ path: 'members[0].idNumber', message: 'check digit is wrong' }],
      },
    },
  ];
}

async function eventually(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('OutboxService and OutboxRelay (PostgreSQL, Redis)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let config: AppConfig;
  let redis: Redis;
  let contract: EventContract;
  const outbox = new OutboxService();
  const queues = new Map<string, Queue>();
  const relays: OutboxRelay[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    // Some tests kill queries on purpose; TypeORM would log each as a failed query.
    dataSource = await new DataSource({ ...dataSourceOptions(db.url, 10), logging: false }).initialize();
    config = loadConfig({
      DATABASE_URL: db.url,
      REDIS_URL,
      QUEUE_PREFIX: uniqueQueuePrefix(),
      EVENT_SUBSCRIBERS: SUBSCRIBERS.join(','),
    });
    redis = new Redis(REDIS_URL);
    contract = await loadEventContract();
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
  });

  afterAll(async () => {
    await Promise.all([...queues.values()].map((q) => q.close()));
    const keys = await redis.keys(`${config.queuePrefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await dataSource.destroy();
    await db.drop();
  });

  function startRelay(tuning: Partial<OutboxRelayTuning> = {}): OutboxRelay {
    const relay = new OutboxRelay(dataSource, config, { pollIntervalMs: 50, leaderRetryMs: 200, ...tuning });
    relays.push(relay);
    relay.start();
    return relay;
  }

  function queue(name: string): Queue {
    let q = queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: redisOptionsFromUrl(REDIS_URL), prefix: config.queuePrefix });
      queues.set(name, q);
    }
    return q;
  }

  const subscriberQueues = (): Queue[] => SUBSCRIBERS.map((s) => queue(eventQueueName(s)));

  async function jobIdsOf(q: Queue): Promise<string[]> {
    const jobs = await q.getJobs(['waiting'], 0, -1, true);
    return jobs.map((j) => j.id!);
  }

  async function allPublished(): Promise<boolean> {
    const [row] = await dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM outbox_messages WHERE published_at IS NULL',
    );
    return row?.n === 0;
  }

  async function emit(events: NewEvent[]): Promise<string[]> {
    const ids: string[] = [];
    for (const event of events)
      ids.push(await runInTransaction(dataSource, (tx) => outbox.addEvent(tx, event)));
    return ids;
  }

  it('has an entity that matches its migration', async () => {
    const changes = await pendingSchemaChanges(db.url);
    expect(changes.filter((sql) => sql.includes('outbox'))).toEqual([]);
  });

  it('publishes a committed event to every subscriber queue once, under its type and id, and stamps the row', async () => {
    const data = applicationData('VERIFYING');
    const before = Date.now();
    const id = await runInTransaction(dataSource, (tx) =>
      outbox.addEvent(tx, applicationEvent(EventType.SUBMITTED, data)),
    );
    startRelay();
    await eventually(allPublished);

    for (const q of subscriberQueues()) {
      expect(await jobIdsOf(q)).toContain(id);
      const job = await q.getJob(id);
      expect(job?.name).toBe('application.submitted');
      const envelope = job?.data as CloudEvent;
      expect(envelope).toEqual({
        specversion: '1.0',
        id,
        type: 'application.submitted',
        source: '/hev/431102',
        subject: data.applicationId,
        time: expect.any(String),
        datacontenttype: 'application/json',
        data,
        hevsignature: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/) as string,
      });
      expect(verifyEvent(envelope as unknown as Record<string, unknown>, SIGNER.publicJwk())).toBe(true);
      expect(Date.parse(envelope.time)).toBeGreaterThanOrEqual(before - 1);
      expect(job?.opts.removeOnComplete).toEqual({ count: 10_000, age: 7 * 24 * 3600 });
    }
    const row = await dataSource.getRepository(OutboxMessage).findOneByOrFail({ id });
    expect(row).toMatchObject({ kind: 'EVENT', type: 'application.submitted', queue: null, jobId: null });
    expect(row.publishedAt).toBeInstanceOf(Date);
    expect(row.payload).toEqual((await subscriberQueues()[0]!.getJob(id))?.data);
    // Exactly once: nothing else reached the queues, however often the relay polled meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const q of subscriberQueues()) expect((await jobIdsOf(q)).filter((j) => j === id)).toHaveLength(1);
  });

  it('never publishes an event whose transaction rolled back', async () => {
    let rolledBack: string | undefined;
    await expect(
      runInTransaction(dataSource, async (tx) => {
        rolledBack = await outbox.addEvent(
          tx,
          applicationEvent(EventType.WITHDRAWN, applicationData('WITHDRAWN')),
        );
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    const [committed] = await emit([applicationEvent(EventType.WITHDRAWN, applicationData('WITHDRAWN'))]);
    startRelay();
    await eventually(allPublished);

    expect(rolledBack).toBeDefined();
    expect(await dataSource.getRepository(OutboxMessage).countBy({ id: rolledBack! })).toBe(0);
    for (const q of subscriberQueues()) {
      const ids = await jobIdsOf(q);
      expect(ids).toContain(committed);
      expect(ids).not.toContain(rolledBack);
    }
  });

  it('refuses to write outside a transaction', async () => {
    const count = await dataSource.getRepository(OutboxMessage).count();
    await expect(
      outbox.addEvent(
        dataSource.manager,
        applicationEvent(EventType.SUBMITTED, applicationData('VERIFYING')),
      ),
    ).rejects.toThrow(/inside the transaction/);
    await expect(
      outbox.addCommand(dataSource.manager, {
        queue: QueueName.VERIFICATION,
        name: 'verification.start',
        data: { runId: randomUUID() },
        jobId: `run-${randomUUID()}`,
      }),
    ).rejects.toThrow(/inside the transaction/);
    expect(await dataSource.getRepository(OutboxMessage).count()).toBe(count);
  });

  it('refuses rows the relay could never publish', async () => {
    await runInTransaction(dataSource, async (tx) => {
      await expect(
        outbox.addCommand(tx, {
          queue: QueueName.VERIFICATION,
          name: 'verification.start',
          data: { runId: randomUUID() },
          jobId: `run:${randomUUID()}`,
        }),
      ).rejects.toThrow(/must not contain ':'/);
      await expect(
        outbox.addCommand(tx, {
          queue: QueueName.VERIFICATION,
          name: 'verification.start',
          data: { runId: 'x' },
          jobId: '42',
        }),
      ).rejects.toThrow(/integer/);
      await expect(
        outbox.addEvent(tx, { type: 'application.created' as EventType, areaCode: '431102', data: {} }),
      ).rejects.toThrow(/Unknown event type/);
      await expect(
        outbox.addEvent(tx, { type: EventType.SUBMITTED, areaCode: '43110', data: {} }),
      ).rejects.toThrow(/Not an area code/);
    });
  });

  it('publishes a command to its own queue under its job id, and to no subscriber', async () => {
    const runId = randomUUID();
    const rowId = await runInTransaction(dataSource, (tx) =>
      outbox.addCommand(tx, {
        queue: QueueName.VERIFICATION,
        name: 'verification.start',
        data: { runId },
        jobId: `run-${runId}`,
      }),
    );
    startRelay();
    await eventually(allPublished);

    const job = await queue(QueueName.VERIFICATION).getJob(`run-${runId}`);
    expect(job).toMatchObject({ name: 'verification.start', data: { runId } });
    expect(job?.opts.removeOnComplete).toEqual({ count: 1000, age: 24 * 3600 });
    for (const q of subscriberQueues()) {
      const ids = await jobIdsOf(q);
      expect(ids).not.toContain(`run-${runId}`);
      expect(ids).not.toContain(rowId);
    }
  });

  it('publishes in write order across several batches', async () => {
    const events = Array.from({ length: 23 }, (_, i) =>
      applicationEvent(EventType.SUBMITTED, applicationData('VERIFYING', { n: i })),
    );
    const runIds = Array.from({ length: 9 }, () => randomUUID());
    const ids = await emit(events.slice(0, 12));
    for (const runId of runIds)
      await runInTransaction(dataSource, (tx) =>
        outbox.addCommand(tx, {
          queue: QueueName.VERIFICATION,
          name: 'verification.complete',
          data: { runId },
          jobId: `done-${runId}`,
        }),
      );
    ids.push(...(await emit(events.slice(12))));
    startRelay({ batchSize: 5 });
    await eventually(allPublished);

    for (const q of subscriberQueues()) {
      const published = await jobIdsOf(q);
      expect(published.filter((id) => ids.includes(id))).toEqual(ids);
    }
    const commands = await jobIdsOf(queue(QueueName.VERIFICATION));
    expect(commands.filter((id) => id.startsWith('done-'))).toEqual(runIds.map((r) => `done-${r}`));
  });

  it('re-publishes rows that reached Redis but were not stamped, without a second job', async () => {
    const ids = await emit(oneEventOfEachType().slice(0, 4));
    const first = startRelay();
    await eventually(allPublished);
    await first.stop();
    const before = await Promise.all(subscriberQueues().map((q) => q.count()));

    // The crash window: jobs are in Redis, the rows look unpublished.
    await dataSource.query('UPDATE outbox_messages SET published_at = NULL WHERE id = ANY($1::uuid[])', [
      ids,
    ]);
    startRelay();
    await eventually(allPublished);

    expect(await Promise.all(subscriberQueues().map((q) => q.count()))).toEqual(before);
    for (const q of subscriberQueues()) {
      const published = await jobIdsOf(q);
      for (const id of ids) expect(published.filter((j) => j === id)).toHaveLength(1);
    }
  });

  it('recovers when the relay dies between adding the jobs and stamping the rows', async () => {
    const ids = await emit(oneEventOfEachType().slice(4, 7));
    // Holding this lock lets the relay read and add to Redis, but blocks its UPDATE.
    const blocker = new Client({ connectionString: db.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE outbox_messages IN EXCLUSIVE MODE');
      const dying = startRelay({ pollIntervalMs: 10_000 });
      let stampPid: number | undefined;
      await eventually(async () => {
        // Not on the blocker: inside its transaction pg_stat_activity is a frozen snapshot.
        const rows = await dataSource.query<{ pid: number }[]>(
          `SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'UPDATE outbox_messages%'`,
        );
        stampPid = rows[0]?.pid;
        return stampPid !== undefined;
      });
      for (const q of subscriberQueues()) expect(await jobIdsOf(q)).toEqual(expect.arrayContaining(ids));
      await blocker.query('SELECT pg_terminate_backend($1)', [stampPid]);
      await dying.stop();
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    const [{ n }] = await dataSource.query<[{ n: number }]>(
      'SELECT count(*)::int AS n FROM outbox_messages WHERE published_at IS NULL AND id = ANY($1::uuid[])',
      [ids],
    );
    expect(n).toBe(ids.length);
    const before = await Promise.all(subscriberQueues().map((q) => q.count()));

    startRelay();
    await eventually(allPublished);
    expect(await Promise.all(subscriberQueues().map((q) => q.count()))).toEqual(before);
    for (const q of subscriberQueues()) {
      const published = await jobIdsOf(q);
      for (const id of ids) expect(published.filter((j) => j === id)).toHaveLength(1);
    }
  });

  it('emits envelopes of every type that validate against docs/asyncapi.yaml', async () => {
    expect([...contract.types].sort()).toEqual([...EVENT_TYPES].sort());
    const events = oneEventOfEachType();
    const ids = await emit(events);
    startRelay();
    await eventually(allPublished);

    for (const q of subscriberQueues()) {
      const jobs = await Promise.all(ids.map((id) => q.getJob(id)));
      expect(jobs.map((j) => j?.name)).toEqual(events.map((e) => e.type));
      for (const job of jobs)
        expect({ type: job?.name, problems: contract.problems(job?.data) }).toEqual({
          type: job?.name,
          problems: [],
        });
    }
    const rejected = await subscriberQueues()[0]!.getJob(ids[8]!);
    expect(rejected?.data).toMatchObject({ source: '/hev/431100' });
    expect(rejected?.data).not.toHaveProperty('subject');
  });
});
