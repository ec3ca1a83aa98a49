import { UnrecoverableError } from 'bullmq';
import { loadConfig } from '@app/config';
import { QueueName } from '@app/queue';
import { createQueueWorker, requireUuid, type JobHandlers } from './queue-worker';

describe('queue workers', () => {
  it('refuse to be created while a job name of the queue has no handler', () => {
    const partial = {
      'verification.start': () => Promise.resolve(null),
      'verification.check': () => Promise.resolve(null),
    } as unknown as JobHandlers<typeof QueueName.VERIFICATION>;
    expect(() =>
      createQueueWorker(QueueName.VERIFICATION, partial, { config: loadConfig({}), concurrency: 1 }),
    ).toThrow('Queue hev-verification has jobs without a handler: verification.complete');
  });

  it('fail a job whose id is not a UUID without retrying it', () => {
    expect(requireUuid('6f1c1f0e-9a55-4f52-9d44-1b8a3c0a2f10', 'runId')).toBe(
      '6f1c1f0e-9a55-4f52-9d44-1b8a3c0a2f10',
    );
    for (const bad of [undefined, 42, 'run-1', '431102198001010012'])
      expect(() => requireUuid(bad, 'runId')).toThrow(UnrecoverableError);
  });
});
