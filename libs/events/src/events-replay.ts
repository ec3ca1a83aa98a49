import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@app/config';
import { eventQueueName, producerConnection } from '@app/queue';
import { EVENT_JOB_OPTIONS } from './outbox.relay';

export interface ReplayOptions {
  /** Events written at or after this instant. */
  since: Date;
  /** One subscriber; every name of EVENT_SUBSCRIBERS when absent. */
  subscriber?: string;
  /** Events read per round trip. */
  batchSize?: number;
}

export interface ReplayResult {
  events: number;
  subscribers: string[];
}

export class EventsReplayUsageError extends Error {}

const SUBSCRIBER_NAME = /^[a-z0-9-]+$/;

/** `npm run events:replay -- --since <ISO instant> [--subscriber <name>]`. */
export function parseEventsReplayArgs(argv: string[]): { since: Date; subscriber?: string } {
  let since: Date | undefined;
  let subscriber: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--since' && value !== undefined) {
      const time = Date.parse(value);
      if (!/^\d{4}-\d{2}-\d{2}(T.+)?$/.test(value) || Number.isNaN(time))
        throw new EventsReplayUsageError('--since must be an ISO-8601 instant, e.g. 2026-11-23T08:00:00Z');
      since = new Date(time);
      i++;
    } else if (arg === '--subscriber' && value !== undefined) {
      if (!SUBSCRIBER_NAME.test(value))
        throw new EventsReplayUsageError('--subscriber must be a lower-case subscriber name');
      subscriber = value;
      i++;
    } else {
      throw new EventsReplayUsageError(
        'usage: npm run events:replay -- --since <ISO instant> [--subscriber <name>]',
      );
    }
  }
  if (!since) throw new EventsReplayUsageError('--since is required');
  return { since, ...(subscriber ? { subscriber } : {}) };
}

/**
 * SPEC 7.2 recovery after a Redis loss: re-publishes every event the outbox holds since `since` to the subscriber
 * queues, in outbox order, with the same job id (the event id), name, data and signature as the first time. A job
 * BullMQ still holds is left as it is; consumers deduplicate by `id` anyway.
 */
export async function replayEvents(
  dataSource: DataSource,
  config: Pick<AppConfig, 'redisUrl' | 'queuePrefix' | 'eventSubscribers'>,
  options: ReplayOptions,
): Promise<ReplayResult> {
  const subscribers = options.subscriber ? [options.subscriber] : [...new Set(config.eventSubscribers)];
  if (options.subscriber && !config.eventSubscribers.includes(options.subscriber))
    new Logger('events:replay').warn(
      `${options.subscriber} is not in EVENT_SUBSCRIBERS; replaying to it anyway`,
    );
  const batchSize = options.batchSize ?? 500;
  const queues = subscribers.map(
    (name) =>
      new Queue<Record<string, unknown>, unknown, string>(eventQueueName(name), {
        connection: producerConnection(config.redisUrl),
        prefix: config.queuePrefix,
        defaultJobOptions: EVENT_JOB_OPTIONS,
      }),
  );
  let events = 0;
  try {
    let after = '0';
    for (;;) {
      const rows = await dataSource.query<
        { seq: string; id: string; type: string; payload: Record<string, unknown> }[]
      >(
        `SELECT seq::text AS seq, id::text AS id, type, payload FROM outbox_messages
          WHERE kind = 'EVENT' AND created_at >= $1 AND seq > $2::bigint
          ORDER BY seq LIMIT $3`,
        [options.since, after, batchSize],
      );
      if (rows.length === 0) break;
      const jobs = rows.map((row) => ({ name: row.type, data: row.payload, opts: { jobId: row.id } }));
      await Promise.all(queues.map((queue) => queue.addBulk(jobs)));
      events += rows.length;
      after = rows[rows.length - 1]!.seq;
      if (rows.length < batchSize) break;
    }
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
  }
  return { events, subscribers };
}
