import { Queue, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { redisOptionsFromUrl } from '@app/queue';

export const TEST_REDIS_URL = 'redis://127.0.0.1:6379';

/** A producer/inspector on one queue under a test's prefix (what an integrator or subscriber would hold). */
export function testQueue(name: string, prefix: string): Queue {
  return new Queue(name, { connection: redisOptionsFromUrl(TEST_REDIS_URL), prefix });
}

/** Waits until the job is completed or failed, and returns it as stored then. */
export async function settled(queue: Queue, jobId: string, timeoutMs = 15_000): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await queue.getJob(jobId);
    const state = job ? await job.getState() : 'missing';
    // The job was read before its state: read it again so its fields (returnvalue, attemptsMade) are the final ones.
    if (job && (state === 'completed' || state === 'failed')) return (await queue.getJob(jobId)) ?? job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${state} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Every job of a subscriber queue, whatever its state. */
export async function allJobs(queue: Queue): Promise<Job[]> {
  return queue.getJobs(['waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized']);
}

/**
 * Everything Redis holds under `prefix`, as one text: every key with its value, whatever the type
 * (job hashes, lists, sets, sorted sets, event streams).
 */
export async function dumpKeys(prefix: string): Promise<{ keys: number; text: string }> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const parts: string[] = [];
    let keys = 0;
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${escapeGlob(prefix)}*`, 'COUNT', 500);
      cursor = next;
      for (const key of batch) {
        keys++;
        const type = await redis.type(key);
        let value: unknown;
        if (type === 'string') value = await redis.get(key);
        else if (type === 'hash') value = await redis.hgetall(key);
        else if (type === 'list') value = await redis.lrange(key, 0, -1);
        else if (type === 'set') value = await redis.smembers(key);
        else if (type === 'zset') value = await redis.call('ZRANGE', key, '0', '-1', 'WITHSCORES');
        else if (type === 'stream') value = await redis.xrange(key, '-', '+');
        else value = `<${type}>`;
        parts.push(`${key} ${JSON.stringify(value)}`);
      }
    } while (cursor !== '0');
    return { keys, text: parts.join('\n') };
  } finally {
    redis.disconnect();
  }
}

/** Deletes every key under `prefix` (the test's own). */
export async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${escapeGlob(prefix)}*`, 'COUNT', 500);
      cursor = next;
      if (batch.length > 0) await redis.del(...batch);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}
