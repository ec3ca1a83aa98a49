import { randomUUID } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { register } from 'prom-client';
import { DataSource } from 'typeorm';
import { appConfig, loadConfig, type AppConfig } from '@app/config';
import { DatabaseModule, dataSourceOptions, runInTransaction } from '@app/database';
import { eventQueueName, redisOptionsFromUrl } from '@app/queue';
import { createTestDatabase, uniqueQueuePrefix, type TestDatabase } from '@app/testing';
import { EventType } from './event.types';
import { EventsRelayModule } from './events-relay.module';
import { OUTBOX_LAG_METRIC, OUTBOX_UNPUBLISHED_METRIC, readOutboxBacklog } from './outbox.metrics';
import {
  OUTBOX_RELAY_APPLICATION_NAME,
  OUTBOX_RELAY_TUNING,
  OutboxRelay,
  type OutboxRelayTuning,
} from './outbox.relay';
import { OutboxService } from './outbox.service';

const SUBSCRIBERS = ['dibao-system', 'archive'];
const REDIS_URL = 'redis://127.0.0.1:6379';
const FAST: Partial<OutboxRelayTuning> = { pollIntervalMs: 50, leaderRetryMs: 200 };

async function eventually(condition: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('OutboxRelay leadership and shutdown (PostgreSQL, Redis)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let config: AppConfig;
  let redis: Redis;
  const outbox = new OutboxService();
  const relays: OutboxRelay[] = [];
  let queues: Queue[];

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ ...dataSourceOptions(db.url, 20), logging: false }).initialize();
    config = loadConfig({
      DATABASE_URL: db.url,
      REDIS_URL,
      QUEUE_PREFIX: uniqueQueuePrefix(),
      EVENT_SUBSCRIBERS: SUBSCRIBERS.join(','),
    });
    redis = new Redis(REDIS_URL);
    queues = SUBSCRIBERS.map(
      (s) =>
        new Queue(eventQueueName(s), {
          connection: redisOptionsFromUrl(REDIS_URL),
          prefix: config.queuePrefix,
        }),
    );
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    // Every test starts with empty queues and an empty outbox.
    await Promise.all(queues.map((q) => q.obliterate({ force: true })));
    await dataSource.query('DELETE FROM outbox_messages');
  });

  afterAll(async () => {
    await Promise.all(queues.map((q) => q.close()));
    const keys = await redis.keys(`${config.queuePrefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await dataSource.destroy();
    await db.drop();
  });

  function newRelay(tuning: Partial<OutboxRelayTuning> = FAST): OutboxRelay {
    const relay = new OutboxRelay(dataSource, config, tuning);
    relays.push(relay);
    return relay;
  }

  /** `count` events written by `parallel` concurrent transactions; returns their ids. */
  async function emitConcurrently(count: number, parallel: number): Promise<string[]> {
    const perTransaction = Math.ceil(count / parallel);
    const batches = await Promise.all(
      Array.from({ length: parallel }, () =>
        runInTransaction(dataSource, async (tx) => {
          const ids: string[] = [];
          for (let i = 0; i < perTransaction; i++)
            ids.push(
              await outbox.addEvent(tx, {
                type: EventType.SUBMITTED,
                subject: randomUUID(),
                areaCode: '431121001',
                data: { applicationId: randomUUID() },
              }),
            );
          return ids;
        }),
      ),
    );
    return batches.flat();
  }

  async function counts(): Promise<{ unpublished: number; published: number }> {
    const [row] = await dataSource.query<{ unpublished: number; published: number }[]>(
      `SELECT count(*) FILTER (WHERE published_at IS NULL)::int AS unpublished,
              count(*) FILTER (WHERE published_at IS NOT NULL)::int AS published
         FROM outbox_messages`,
    );
    return row!;
  }

  /** Every id exactly once in every subscriber queue, and nothing else. */
  async function expectEachOnce(ids: string[]): Promise<void> {
    for (const q of queues) {
      const jobs = await q.getJobs(['waiting'], 0, -1, true);
      expect(jobs.map((j) => j.id).sort()).toEqual([...ids].sort());
    }
  }

  it('lets one relay lead while two run, and publishes each event once', async () => {
    const a = newRelay();
    const b = newRelay();
    a.start();
    b.start();
    await eventually(() => a.isLeader || b.isLeader);
    const ids = await emitConcurrently(400, 8);
    await eventually(async () => (await counts()).unpublished === 0);

    expect([a.isLeader, b.isLeader].filter(Boolean)).toHaveLength(1);
    await expectEachOnce(ids);
  });

  it('hands over to a follower when the leader stops, and when its session is killed', async () => {
    const a = newRelay();
    a.start();
    await eventually(() => a.isLeader);
    const b = newRelay();
    b.start();
    const first = await emitConcurrently(50, 5);
    await eventually(async () => (await counts()).unpublished === 0);
    expect(b.isLeader).toBe(false);

    await a.stop();
    const second = await emitConcurrently(50, 5);
    await eventually(async () => (await counts()).unpublished === 0);
    expect(b.isLeader).toBe(true);

    // A crashed leader: its session, and with it the advisory lock, disappears on the server.
    a.start();
    const [{ n }] = await dataSource.query<[{ n: number }]>(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = $1
          AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted)`,
      [OUTBOX_RELAY_APPLICATION_NAME],
    );
    expect(n).toBe(1);
    const third = await emitConcurrently(50, 5);
    await eventually(async () => (await counts()).unpublished === 0);
    await eventually(() => a.isLeader || b.isLeader);

    expect([a.isLeader, b.isLeader].filter(Boolean)).toHaveLength(1);
    await expectEachOnce([...first, ...second, ...third]);
  });

  it('finishes the batch in hand when stopped: every job in Redis belongs to a stamped row', async () => {
    await emitConcurrently(3000, 10);
    const relay = newRelay({ ...FAST, batchSize: 100 });
    relay.start();
    await eventually(async () => (await counts()).published > 0);
    await relay.stop();

    const { published, unpublished } = await counts();
    expect(unpublished).toBeGreaterThan(0);
    expect(published % 100).toBe(0);
    for (const q of queues) expect(await q.count()).toBe(published);
  });

  it('runs inside Nest: starts with the application, exports its gauges, stops with it', async () => {
    @Global()
    @Module({
      providers: [
        { provide: appConfig.KEY, useValue: config },
        { provide: OUTBOX_RELAY_TUNING, useValue: FAST },
      ],
      exports: [appConfig.KEY, OUTBOX_RELAY_TUNING],
    })
    class TestConfigModule {}

    await runInTransaction(dataSource, (tx) =>
      outbox.addEvent(tx, { type: EventType.WITHDRAWN, subject: randomUUID(), areaCode: '431100', data: {} }),
    );
    await dataSource.query(`UPDATE outbox_messages SET created_at = now() - interval '90 seconds'`);
    const backlog = await readOutboxBacklog(dataSource);
    expect(backlog.unpublished).toBe(1);
    expect(backlog.lagSeconds).toBeGreaterThanOrEqual(90);

    const moduleRef = await Test.createTestingModule({
      imports: [TestConfigModule, DatabaseModule, EventsRelayModule],
    }).compile();
    const app = await moduleRef.init();
    try {
      const relay = app.get(OutboxRelay);
      await eventually(async () => (await counts()).unpublished === 0);
      expect(relay.isLeader).toBe(true);
      const metrics = await register.getMetricsAsJSON();
      const value = (name: string): number | undefined =>
        metrics.find((m) => m.name === name)?.values[0]?.value;
      expect(value(OUTBOX_UNPUBLISHED_METRIC)).toBe(0);
      expect(value(OUTBOX_LAG_METRIC)).toBe(0);
    } finally {
      await app.close();
    }
    expect(app.get(OutboxRelay).isLeader).toBe(false);
  });
});
