import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role, type AuthUser } from '@app/access';
import { AreaLevel } from '@app/areas';
import { createVerifiedApplication, startLibContext, type LibContext } from '@app/testing';
import { ApplicationStatus } from './application-status';
import { ApplicationWorkflowService } from './application-workflow.service';
import { ApplicationsModule } from './applications.module';
import { ApplicationsService } from './applications.service';

const operator = { id: randomUUID(), username: 'operator' };
const reviewer: AuthUser = {
  id: randomUUID(),
  username: 'reviewer',
  roles: [Role.TOWNSHIP_REVIEWER],
  areaCode: '431102001',
  areaLevel: AreaLevel.TOWNSHIP,
};
const stationOperator: AuthUser = {
  ...operator,
  roles: [Role.STATION_OPERATOR],
  areaCode: '431102001',
  areaLevel: AreaLevel.TOWNSHIP,
};

const REVIEW = {
  opinion: 'RECOMMEND_APPROVE',
  comment: '情况属实',
  investigation: { visitedOn: '2026-11-20', investigators: ['李四', '王五'], findings: '属实' },
};

/** The public-notice timer and sweep at the service level: idempotent, concurrent-safe, one event per end. */
describe('ApplicationWorkflowService: ending public notices (PostgreSQL)', () => {
  let context: LibContext;
  let workflow: ApplicationWorkflowService;
  let dataSource: DataSource;

  beforeAll(async () => {
    // A notice of one hour: the tests move the clock by passing `now`.
    context = await startLibContext([ApplicationsModule], { PUBLIC_NOTICE_DURATION: 'PT1H' });
    workflow = context.app.get(ApplicationWorkflowService);
    dataSource = context.app.get(DataSource);
  }, 60_000);

  afterAll(async () => {
    await context.close();
  });

  async function inNotice(): Promise<{ id: string; endsAt: Date }> {
    const app = await createVerifiedApplication(context.app, { createdBy: operator });
    const view = await workflow.townshipReview(reviewer, app.applicationId, REVIEW);
    expect(view.status).toBe(ApplicationStatus.IN_PUBLIC_NOTICE);
    return { id: app.applicationId, endsAt: new Date(view.publicNotice!.endsAt) };
  }

  const endedEvents = (id: string) =>
    dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE type = 'application.public-notice-ended' AND payload->>'subject' = $1`,
      [id],
    );

  it('writes the delayed end job to the outbox with the notice’s end time', async () => {
    const { id, endsAt } = await inNotice();
    const rows = await dataSource.query<{ queue: string; job_id: string; run_at: Date; payload: unknown }[]>(
      `SELECT queue, job_id, run_at, payload FROM outbox_messages WHERE type = 'public-notice.end' AND payload->>'applicationId' = $1`,
      [id],
    );
    expect(rows).toEqual([
      {
        queue: 'hev-maintenance',
        job_id: expect.stringMatching(/^notice-end-/),
        run_at: endsAt,
        payload: { applicationId: id },
      },
    ]);
  });

  it('does nothing before the end, and ends the notice once however often and concurrently it is called', async () => {
    const { id, endsAt } = await inNotice();
    expect(await workflow.endNotice(id, 'timer', new Date(endsAt.getTime() - 1000))).toEqual({
      result: 'NOT_DUE',
      endsAt,
    });
    const after = new Date(endsAt.getTime() + 1000);
    const results = await Promise.all([
      workflow.endNotice(id, 'timer', after),
      workflow.endNotice(id, 'sweep', after),
      workflow.endNotice(id, 'timer', after),
    ]);
    expect(results.map((r) => r.result).sort()).toEqual(['ENDED', 'NOTHING_TO_END', 'NOTHING_TO_END']);
    expect(await endedEvents(id)).toEqual([{ n: 1 }]);
    const view = await context.app
      .get(ApplicationsService)
      .view({ ...reviewer, roles: [Role.TOWNSHIP_REVIEWER] }, id);
    expect(view.status).toBe(ApplicationStatus.AWAITING_COUNTY_DECISION);
    expect(view.publicNotice).toMatchObject({ endedAt: endsAt.toISOString(), endReason: 'EXPIRED' });
  });

  it('sweeps every due notice and leaves the running ones', async () => {
    const due = await inNotice();
    const other = await inNotice();
    const before = await workflow.sweepNotices(new Date(due.endsAt.getTime() - 60_000));
    expect(before).toBe(0);
    const ended = await workflow.sweepNotices(
      new Date(Math.max(due.endsAt.getTime(), other.endsAt.getTime()) + 1),
    );
    expect(ended).toBeGreaterThanOrEqual(2);
    expect(await workflow.sweepNotices(new Date(other.endsAt.getTime() + 1))).toBe(0);
    for (const { id } of [due, other]) expect(await endedEvents(id)).toEqual([{ n: 1 }]);
  });

  it('closes the notice of a withdrawn case without a transition or event', async () => {
    const { id, endsAt } = await inNotice();
    const withdrawn = await context.app.get(ApplicationsService).withdraw(stationOperator, id, '申请人撤回');
    expect(withdrawn.status).toBe(ApplicationStatus.WITHDRAWN);
    expect(await workflow.endNotice(id, 'timer', new Date(endsAt.getTime() + 1))).toEqual({
      result: 'NOTHING_TO_END',
    });
    expect(await endedEvents(id)).toEqual([{ n: 0 }]);
    const [notice] = await dataSource.query<{ end_reason: string }[]>(
      `SELECT end_reason FROM public_notices WHERE application_id = $1`,
      [id],
    );
    expect(notice).toEqual({ end_reason: 'CANCELLED' });
  });
});
