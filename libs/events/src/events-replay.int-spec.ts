import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { RecordSigner } from '@app/common';
import { DEV_DEFAULTS } from '@app/config';
import { dataSourceOptions, runInTransaction } from '@app/database';
import { eventQueueName, producerConnection } from '@app/queue';
import { createTestDatabase, DisposableRedis, uniqueQueuePrefix, type TestDatabase } from '@app/testing';
import { verifyEvent } from './event-signature';
import { EventType } from './event.types';
import { parseEventsReplayArgs, replayEvents } from './events-replay';
import { OutboxService } from './outbox.service';

const ROOT = join(__dirname, '..', '..', '..');

/** SPEC 7.2: signed events, and `npm run events:replay` after a Redis wipe. */
describe('events: signatures and replay after a Redis loss', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let redis: DisposableRedis;
  const prefix = uniqueQueuePrefix();
  const subscribers = ['dibao-system', 'archive'];
  const publicKey = new RecordSigner(Buffer.from(DEV_DEFAULTS.SIGNING_KEY, 'hex')).publicJwk();
  const config = () => ({ redisUrl: redis.url, queuePrefix: prefix, eventSubscribers: subscribers });

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ ...dataSourceOptions(db.url, 4), logging: false }).initialize();
    redis = await DisposableRedis.create();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await redis.stop();
    await db.drop();
  });

  async function jobsOf(
    subscriber: string,
  ): Promise<{ id?: string; name: string; data: Record<string, unknown> }[]> {
    const queue = new Queue(eventQueueName(subscriber), {
      connection: producerConnection(redis.url),
      prefix,
    });
    try {
      return (await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed'])).map((j) => ({
        id: j.id,
        name: j.name,
        data: j.data as Record<string, unknown>,
      }));
    } finally {
      await queue.close();
    }
  }

  it('parses its arguments and refuses anything else', () => {
    expect(parseEventsReplayArgs(['--since', '2026-11-23T08:00:00Z'])).toEqual({
      since: new Date('2026-11-23T08:00:00Z'),
    });
    expect(parseEventsReplayArgs(['--since', '2026-11-23', '--subscriber', 'archive'])).toMatchObject({
      subscriber: 'archive',
    });
    expect(() => parseEventsReplayArgs([])).toThrow(/--since is required/);
    expect(() => parseEventsReplayArgs(['--since', 'yesterday'])).toThrow(/ISO-8601/);
    expect(() => parseEventsReplayArgs(['--since', '2026-01-01', '--subscriber', 'A B'])).toThrow(
      /subscriber/,
    );
    expect(() => parseEventsReplayArgs(['--all'])).toThrow(/usage/);
  });

  it('signs every event it writes, re-publishes them after FLUSHALL with the same ids and signatures', async () => {
    const outbox = new OutboxService();
    const ids: string[] = [];
    await runInTransaction(dataSource, async (tx) => {
      for (let i = 0; i < 3; i++)
        ids.push(
          await outbox.addEvent(tx, {
            type: EventType.WITHDRAWN,
            subject: `00000000-0000-4000-8000-00000000000${i}`,
            areaCode: '431102001',
            data: { applicationId: `00000000-0000-4000-8000-00000000000${i}`, n: i, amount: 0.1 + i },
          }),
        );
    });
    // An older event, before the replay window.
    const old = await runInTransaction(dataSource, (tx) =>
      outbox.addEvent(tx, { type: EventType.INTAKE_REJECTED, areaCode: '431100', data: { errors: [] } }),
    );
    await dataSource.query(
      `UPDATE outbox_messages SET created_at = now() - interval '2 days' WHERE id = $1`,
      [old],
    );
    const rows = await dataSource.query<{ id: string; payload: Record<string, unknown> }[]>(
      `SELECT id::text, payload FROM outbox_messages WHERE kind = 'EVENT' ORDER BY seq`,
    );
    for (const row of rows) expect(verifyEvent(row.payload, publicKey)).toBe(true);

    // Delivered once (as the relay would), then Redis loses everything.
    await replayEvents(dataSource, config(), { since: new Date(Date.now() - 7 * 86_400_000) });
    expect(await jobsOf('archive')).toHaveLength(4);
    const wipe = new Redis(redis.url);
    await wipe.flushall();
    await wipe.quit();
    expect(await jobsOf('dibao-system')).toEqual([]);

    // The operator's recovery step, as `npm run events:replay` runs it.
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const run = spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', join(ROOT, 'apps/cli/src/events-replay.ts'), '--since', since],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH ?? '',
          SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
          NODE_ENV: 'test',
          DATABASE_URL: db.url,
          REDIS_URL: redis.url,
          QUEUE_PREFIX: prefix,
          EVENT_SUBSCRIBERS: subscribers.join(','),
          LOG_LEVEL: 'silent',
        },
        timeout: 120_000,
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Re-published 3 event(s)');
    for (const subscriber of subscribers) {
      const jobs = await jobsOf(subscriber);
      expect(jobs.map((j) => j.id).sort()).toEqual([...ids].sort());
      for (const job of jobs) {
        const row = rows.find((r) => r.id === job.id)!;
        expect(job.name).toBe('application.withdrawn');
        expect(job.data).toEqual(row.payload);
        expect(verifyEvent(job.data, publicKey)).toBe(true);
      }
    }

    // One subscriber only; a second replay adds nothing BullMQ still holds.
    await replayEvents(dataSource, config(), {
      since: new Date(Date.now() - 7 * 86_400_000),
      subscriber: 'archive',
    });
    expect(await jobsOf('archive')).toHaveLength(4);
    expect(await jobsOf('dibao-system')).toHaveLength(3);
  }, 180_000);
});
