import { UnrecoverableError, type Job } from 'bullmq';
import { assertHandlesEveryJob, dispatchJob, type JobHandlers } from './job-dispatch';
import { QueueName } from './queue-names';

function jobNamed(name: string): Job {
  return { name, data: { runId: 'r-1' } } as unknown as Job;
}

describe('job dispatch (STYLE: one processor per queue, every job name handled)', () => {
  it('refuses a processor that lacks a handler for a job name of its queue', () => {
    const partial = { 'verification.start': () => Promise.resolve() };
    expect(() => assertHandlesEveryJob(QueueName.VERIFICATION, partial)).toThrow(
      'The processor of hev-verification has no handler for job(s): verification.check, verification.complete',
    );
    expect(() => assertHandlesEveryJob(QueueName.INTAKE, { 'application.submit': 'not a function' })).toThrow(
      'application.submit',
    );
  });

  it('accepts a processor that handles every job name', () => {
    const handlers = {
      'application.submit': () => Promise.resolve(),
      'life-event.report': () => Promise.resolve(),
    };
    expect(() => assertHandlesEveryJob(QueueName.INTAKE, handlers)).not.toThrow();
  });

  it('routes a job to the handler of its name and returns its result', async () => {
    const calls: string[] = [];
    const handlers: JobHandlers<typeof QueueName.VERIFICATION> = {
      'verification.start': (job) => Promise.resolve(calls.push(`start ${job.data.runId}`)),
      'verification.check': () => Promise.resolve(calls.push('check')),
      'verification.complete': () => Promise.resolve(calls.push('complete')),
    };
    await expect(dispatchJob(QueueName.VERIFICATION, handlers, jobNamed('verification.start'))).resolves.toBe(
      1,
    );
    expect(calls).toEqual(['start r-1']);
  });

  it('fails a job of an unknown name without retry, after the clean-up hook, calling no handler', async () => {
    const calls: string[] = [];
    const handlers: JobHandlers<typeof QueueName.INTAKE> = {
      'application.submit': () => Promise.resolve(calls.push('submit')),
      'life-event.report': () => Promise.resolve(calls.push('life event')),
    };
    const outcome = dispatchJob(QueueName.INTAKE, handlers, jobNamed('application.delete'), (job) => {
      calls.push(`cleaned ${job.name}`);
      return Promise.resolve();
    });
    await expect(outcome).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(outcome).rejects.toThrow('Unknown job name on hev-intake');
    // A name that exists on the object's prototype is not a job name either.
    await expect(dispatchJob(QueueName.INTAKE, handlers, jobNamed('toString'))).rejects.toBeInstanceOf(
      UnrecoverableError,
    );
    expect(calls).toEqual(['cleaned application.delete']);
  });
});
