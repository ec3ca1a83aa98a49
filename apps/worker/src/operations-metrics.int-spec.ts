import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { defaultCalendar } from '@app/calendar';
import { dataSourceOptions } from '@app/database';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { readOldestPendingCheckSeconds, readOverdueByCounty } from './operations-metrics';

describe('operations metrics (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ ...dataSourceOptions(db.url, 4), logging: false }).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  async function application(township: string, status: string, createdOn: string): Promise<string> {
    const id = randomUUID();
    await dataSource.query(
      `INSERT INTO applications (id, number, programme, status, township_code, county_code, residence, address,
                                 applicant_name, has_able_supporter, staff_relative, created_by, created_on,
                                 created_at, updated_at, version)
       VALUES ($1, $2, 'DIBAO', $3, $4::varchar, left($4::varchar, 6), 'URBAN', '某某路1号', '测试', false, false, $5, $6::date,
               now(), now(), 1)`,
      [id, `${township}-${id.slice(0, 8)}`, status, township, randomUUID(), createdOn],
    );
    return id;
  }

  async function run(applicationId: string, status: string, startedSecondsAgo: number): Promise<void> {
    await dataSource.query(
      `INSERT INTO verification_runs (id, application_id, status, started_at)
       VALUES ($1, $2, $3, now() - make_interval(secs => $4))`,
      [randomUUID(), applicationId, status, startedSecondsAgo],
    );
  }

  it('reports 0 with no pending check, then the age of the oldest run that still has one', async () => {
    expect(await readOldestPendingCheckSeconds(dataSource)).toBe(0);
    const old = await application('431102001', 'VERIFIED', '2026-11-02');
    await run(old, 'COMPLETE', 7200);
    const verifying = await application('431102001', 'VERIFYING', '2026-11-02');
    await run(verifying, 'RUNNING', 600);
    await run(await application('431103001', 'VERIFYING', '2026-11-03'), 'RUNNING', 30);

    const age = await readOldestPendingCheckSeconds(dataSource);
    expect(age).toBeGreaterThanOrEqual(600);
    expect(age).toBeLessThan(7200);
  });

  it('counts open applications past the 30-working-day decision deadline by county, terminal ones never', async () => {
    await dataSource.query(`DELETE FROM verification_runs`);
    await dataSource.query(`DELETE FROM applications`);
    // 2026-10-08 + 30 working days (National Day holiday ends 10-08) is mid-November: overdue by 2026-12-31.
    await application('431102001', 'AWAITING_AUTHORIZATION', '2026-10-09');
    await application('431102001', 'VERIFIED', '2026-10-12');
    await application('431102001', 'APPROVED', '2026-10-09');
    await application('431102001', 'VERIFYING', '2026-12-28');
    await application('431103001', 'REJECTED', '2026-10-09');
    await application('431103001', 'VERIFIED', '2026-12-29');

    const overdue = await readOverdueByCounty(dataSource, defaultCalendar(), '2026-12-31');
    expect(Object.fromEntries(overdue)).toEqual({ '431102': 2, '431103': 0 });
  });
});
