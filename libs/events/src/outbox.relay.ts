import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue, type JobsOptions } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { appConfig, type AppConfigType } from '@app/config';
import { DEFAULT_JOB_OPTIONS, eventQueueName, producerConnection } from '@app/queue';
import { OutboxKind } from './outbox-message.entity';
import { OUTBOX_CHANNEL } from './outbox.service';

/** pg_advisory_lock key of the relay leader (the migrator uses 727 001). Advisory locks are per database. */
export const OUTBOX_RELAY_LOCK_KEY = 727_003;

/** Integrators may consume slowly: finished events stay longer than internal jobs, failures retry with backoff. */
export const EVENT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 10_000 },
  removeOnComplete: { count: 10_000, age: 7 * 24 * 3600 },
  removeOnFail: { count: 50_000, age: 30 * 24 * 3600 },
};

export interface OutboxRelayTuning {
  /** Rows per round trip (one `addBulk` per queue, one UPDATE). */
  batchSize: number;
  /** Fallback poll when no NOTIFY arrives (a NOTIFY is lost while the relay reconnects). */
  pollIntervalMs: number;
  /** How often a follower asks for the lock, and the pause after a lost connection. */
  leaderRetryMs: number;
}

/** `application_name` of the leader connection (visible in pg_stat_activity). */
export const OUTBOX_RELAY_APPLICATION_NAME = 'hev-outbox-relay';

/** Optional provider to tune the relay (tests shorten the intervals). */
export const OUTBOX_RELAY_TUNING = Symbol('OUTBOX_RELAY_TUNING');

const DEFAULT_TUNING: OutboxRelayTuning = { batchSize: 500, pollIntervalMs: 500, leaderRetryMs: 3000 };

interface OutboxRow {
  seq: string;
  id: string;
  kind: OutboxKind;
  type: string;
  queue: string | null;
  job_id: string | null;
  payload: Record<string, unknown>;
  run_at: Date | null;
}

interface BulkJob {
  name: string;
  data: Record<string, unknown>;
  opts: { jobId: string; delay?: number };
}

type OutboxQueue = Queue<Record<string, unknown>, unknown, string>;

/**
 * Publishes the outbox to BullMQ (SPEC 7.2): events to `hev-events-<name>` for every subscriber (job name = type,
 * job id = event id), commands to their queue with their job id, in `seq` order; then stamps the rows published.
 * One leader at a time across processes: the holder of a session advisory lock on a dedicated connection, so a
 * crashed leader's lock disappears with its session and a follower takes over within `leaderRetryMs`.
 * Delivery is at least once: rows added to Redis but not yet stamped are added again by the next leader, and
 * BullMQ ignores an add whose job id it still holds.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly tuning: OutboxRelayTuning;
  private readonly subscriberQueues: string[];
  private readonly queues = new Map<string, OutboxQueue>();
  private running = false;
  private loop: Promise<void> | undefined;
  private client: Client | undefined;
  private leader = false;
  private wakeRequested = false;
  private wakeSleeper: (() => void) | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(appConfig.KEY) private readonly config: AppConfigType,
    @Optional() @Inject(OUTBOX_RELAY_TUNING) tuning?: Partial<OutboxRelayTuning>,
  ) {
    this.tuning = { ...DEFAULT_TUNING, ...tuning };
    this.subscriberQueues = [...new Set(config.eventSubscribers)].map(eventQueueName);
  }

  /** True while this process holds the leader lock. */
  get isLeader(): boolean {
    return this.leader;
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  // The loop stops before any onApplicationShutdown hook, while the DataSource can still stamp the last batch.
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (this.loop) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops the loop after the current batch, then closes the leader connection and the queues. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp();
    await this.loop;
    this.loop = undefined;
    const queues = [...this.queues.values()];
    this.queues.clear();
    await Promise.all(queues.map((q) => q.close().catch(() => undefined)));
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.session();
      } catch (error) {
        this.logger.warn(`outbox relay session ended: ${messageOf(error)}`);
      } finally {
        this.leader = false;
        await this.closeClient();
      }
      if (this.running) await this.sleep(this.tuning.leaderRetryMs);
    }
  }

  /** One connection's life: follow until the lock is free, then lead until the connection or the process ends. */
  private async session(): Promise<void> {
    let lost: Error | undefined;
    const client = new Client({
      connectionString: this.config.databaseUrl,
      application_name: OUTBOX_RELAY_APPLICATION_NAME,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      query_timeout: 10_000,
    });
    client.on('error', (error) => {
      lost = error;
      this.wakeUp();
    });
    client.on('notification', () => this.wakeUp());
    this.client = client;
    await client.connect();

    while (this.running && !lost) {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
        OUTBOX_RELAY_LOCK_KEY,
      ]);
      if (rows[0]?.locked) break;
      await this.sleep(this.tuning.leaderRetryMs);
    }
    if (!this.running || lost) return;

    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.leader = true;
    this.logger.log('outbox relay is the leader');
    let checkedAt = Date.now();
    let failures = 0;
    while (this.running && !lost) {
      this.wakeRequested = false;
      let published = 0;
      try {
        published = await this.publishBatch();
        failures = 0;
      } catch (error) {
        failures++;
        this.logger.error(`outbox batch failed (attempt ${failures}): ${messageOf(error)}`);
      }
      // A dead TCP peer raises no 'error' on an idle connection; a cheap query on it finds out.
      if (Date.now() - checkedAt >= this.tuning.leaderRetryMs) {
        await client.query('SELECT 1');
        checkedAt = Date.now();
      }
      if (failures > 0)
        await this.sleep(
          Math.min(this.tuning.pollIntervalMs * 2 ** failures, this.tuning.leaderRetryMs * 10),
        );
      else if (published < this.tuning.batchSize) await this.sleep(this.tuning.pollIntervalMs);
    }
  }

  /** Publishes up to one batch of unpublished rows; returns how many. */
  private async publishBatch(): Promise<number> {
    const rows = await this.dataSource.query<OutboxRow[]>(
      `SELECT seq, id, kind, type, queue, job_id, payload, run_at FROM outbox_messages
        WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
      [this.tuning.batchSize],
    );
    if (rows.length === 0) return 0;

    const jobsByQueue = new Map<string, BulkJob[]>();
    const push = (queue: string, job: BulkJob): void => {
      const jobs = jobsByQueue.get(queue);
      if (jobs) jobs.push(job);
      else jobsByQueue.set(queue, [job]);
    };
    for (const row of rows) {
      if (row.kind === OutboxKind.EVENT) {
        for (const queue of this.subscriberQueues)
          push(queue, { name: row.type, data: row.payload, opts: { jobId: row.id } });
      } else if (row.queue && row.job_id) {
        const delay = row.run_at ? new Date(row.run_at).getTime() - Date.now() : 0;
        push(row.queue, {
          name: row.type,
          data: row.payload,
          opts: delay > 0 ? { jobId: row.job_id, delay } : { jobId: row.job_id },
        });
      }
    }
    // Queues are independent; within one queue addBulk keeps the seq order.
    await Promise.all([...jobsByQueue].map(([name, jobs]) => this.queue(name).addBulk(jobs)));
    await this.dataSource.query(
      `UPDATE outbox_messages SET published_at = now() WHERE seq = ANY($1::bigint[])`,
      [rows.map((r) => r.seq)],
    );
    return rows.length;
  }

  private queue(name: string): OutboxQueue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue<Record<string, unknown>, unknown, string>(name, {
        connection: producerConnection(this.config.redisUrl),
        prefix: this.config.queuePrefix,
        defaultJobOptions: this.subscriberQueues.includes(name) ? EVENT_JOB_OPTIONS : DEFAULT_JOB_OPTIONS,
      });
      // Without a listener an 'error' event (Redis away) would crash the process; the batch retries instead.
      queue.on('error', (error) => this.logger.warn(`queue ${name}: ${messageOf(error)}`));
      this.queues.set(name, queue);
    }
    return queue;
  }

  private async closeClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    // Ending the session releases the advisory lock and the LISTEN; a dead socket must not hold up a retry.
    if (client) await withTimeout(client.end(), 5000).catch(() => undefined);
  }

  private wakeUp(): void {
    this.wakeRequested = true;
    this.wakeSleeper?.();
  }

  private async sleep(ms: number): Promise<void> {
    if (!this.wakeRequested && this.running) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        timer.unref();
        this.wakeSleeper = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    this.wakeSleeper = undefined;
    this.wakeRequested = false;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    timer.unref();
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
