import { Redis } from 'ioredis';

/**
 * Deletes every key under a queue prefix of one's own (`{hev-test-…}`, `{hev-bench-…}`): queues, their jobs and the
 * subscribers' event queues. Tests and benchmarks share the machine's Redis, which nothing else empties.
 */
export async function deleteKeysUnderPrefix(redisUrl: string, prefix: string): Promise<void> {
  if (!/^\{hev-(test|bench)-[0-9a-f]+\}$/.test(prefix))
    throw new Error(
      `refusing to delete the keys of a prefix that is not a test's or benchmark's own: ${prefix}`,
    );
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
