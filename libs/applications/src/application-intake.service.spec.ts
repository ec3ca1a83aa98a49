import { Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { AuthService } from '@app/access';
import type { AuditService } from '@app/audit';
import type { NewEvent, OutboxService } from '@app/events';
import { ApplicationIntakeService, type IntakeJob } from './application-intake.service';
import type { ApplicationsService } from './applications.service';

/** The parts of a BullMQ job the service touches. */
function fakeJob(data: unknown, attemptsMade = 0, attempts = 3) {
  const job = {
    id: 'job-1',
    name: 'application.submit',
    data,
    timestamp: 1_764_000_000_000,
    attemptsMade,
    opts: { attempts },
    updates: [] as unknown[],
    updateData(next: unknown) {
      this.updates.push(next);
      return Promise.resolve();
    },
  };
  return job;
}

function setUp(options: { authenticate?: () => Promise<unknown>; written?: boolean } = {}) {
  const events: NewEvent[] = [];
  const tx = {};
  const dataSource = {
    transaction: (work: (t: unknown) => Promise<unknown>) => work(tx),
  } as unknown as DataSource;
  const auth = {
    authenticate:
      options.authenticate ??
      (() =>
        Promise.resolve({
          id: 'u-1',
          username: 'int-a',
          roles: ['INTEGRATION'],
          areaCode: '431102001',
          areaLevel: 'TOWNSHIP',
        })),
  } as unknown as AuthService;
  const outbox = {
    hasMessage: () => Promise.resolve(options.written ?? false),
    addEvent: (_tx: unknown, event: NewEvent) => {
      events.push(event);
      return Promise.resolve('id');
    },
  } as unknown as OutboxService;
  const audit = { append: () => Promise.resolve() } as unknown as AuditService;
  const applications = {} as ApplicationsService;
  const service = new ApplicationIntakeService(dataSource, applications, auth, audit, outbox);
  return { service, events };
}

const asIntakeJob = (job: ReturnType<typeof fakeJob>) => job as unknown as IntakeJob;

describe('ApplicationIntakeService failure handling', () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  it('lets an infrastructure error through for BullMQ to retry, keeping the data until the last attempt', async () => {
    const down = () => Promise.reject(new Error('connection terminated'));
    const { service, events } = setUp({ authenticate: down });
    const data = { idempotencyKey: 'k-1', token: 'a.b.c', application: { members: [] } };

    const early = fakeJob(data, 0, 3);
    await expect(service.submit(asIntakeJob(early))).rejects.toThrow('connection terminated');
    await expect(service.submit(asIntakeJob(early))).rejects.not.toBeInstanceOf(UnrecoverableError);
    expect(early.updates).toEqual([]);

    const last = fakeJob(data, 2, 3);
    await expect(service.submit(asIntakeJob(last))).rejects.toThrow('connection terminated');
    expect(last.updates).toEqual([{ idempotencyKey: 'k-1' }]);
    expect(events).toEqual([]);
  });

  it('announces a rejection once: a job run again after a crash finds its event already written', async () => {
    const first = setUp();
    const job = fakeJob({ idempotencyKey: 'k-2', token: 'a.b.c' });
    await expect(first.service.submit(asIntakeJob(job))).rejects.toBeInstanceOf(UnrecoverableError);
    expect(first.events).toHaveLength(1);
    expect(first.events[0]).toMatchObject({
      type: 'application.intake-rejected',
      areaCode: '431102001',
      data: { idempotencyKey: 'k-2', jobId: 'job-1', errors: [{ path: 'application' }] },
    });

    const rerun = setUp({ written: true });
    await expect(
      rerun.service.submit(asIntakeJob(fakeJob({ idempotencyKey: 'k-2', token: 'a.b.c' }))),
    ).rejects.toBeInstanceOf(UnrecoverableError);
    expect(rerun.events).toEqual([]);
  });

  it('derives the rejection event id from the job (id and creation time): the same job, the same id', async () => {
    const ids: (string | undefined)[] = [];
    for (const timestamp of [1, 1, 2]) {
      const { service, events } = setUp();
      const job = { ...fakeJob('not an object'), timestamp };
      await expect(service.submit(asIntakeJob(job))).rejects.toBeInstanceOf(UnrecoverableError);
      ids.push(events[0]?.id);
    }
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });
});
