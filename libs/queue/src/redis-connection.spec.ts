import { eventQueueName, JOB_NAMES, QueueName } from './queue-names';
import { producerConnection, redisOptionsFromUrl, workerConnection } from './redis-connection';

describe('redis connections', () => {
  it('parses a redis URL with credentials and database', () => {
    expect(redisOptionsFromUrl('redis://user:p%40ss@cache.local:6380/2')).toMatchObject({
      host: 'cache.local',
      port: 6380,
      username: 'user',
      password: 'p@ss',
      db: 2,
      tls: undefined,
    });
    expect(redisOptionsFromUrl('rediss://127.0.0.1').tls).toEqual({});
  });

  it('configures workers never to drop a blocking command and producers to fail fast', () => {
    expect(workerConnection('redis://127.0.0.1:6379').maxRetriesPerRequest).toBeNull();
    expect(producerConnection('redis://127.0.0.1:6379')).toMatchObject({
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
    });
  });

  it('names every queue and lists every job of each', () => {
    expect(eventQueueName('dibao-system')).toBe('hev-events-dibao-system');
    expect(Object.keys(JOB_NAMES).sort()).toEqual(Object.values(QueueName).sort());
  });
});
