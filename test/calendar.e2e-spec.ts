import { Logger } from '@nestjs/common';
import { loadHolidayData, WorkingCalendar, type HolidayData } from '@app/calendar';
import { todayInChina } from '@app/common';
import { applicationBody } from '@app/testing';
import { DbProbe, eventually } from './support/db-probe';
import { ADMIN, client, createUsers, startApi, TEST_PASSWORD, type RunningApi } from './support/api-harness';

interface CalendarYear {
  year: number;
  holidays: string[];
  workdays: string[];
  source: string;
  updatedAt: string;
  updatedBy: string | null;
}
interface Deadlines {
  decisionDueOn: string;
  countyDecisionDueOn: string | null;
  overdue: boolean;
  calendarMissing: boolean;
}
interface View {
  id: string;
  createdAt: string;
  deadlines: Deadlines;
}
interface ErrorBody {
  code: string;
  errors?: { path: string; message: string }[];
}

const USERS = [
  { username: 'op-cal', roles: ['STATION_OPERATOR'], areaCode: '431102001' },
  { username: 'supervisor-cal', roles: ['CITY_SUPERVISOR'], areaCode: '431100' },
  { username: 'auditor-cal', roles: ['AUDITOR'], areaCode: '431100' },
];
// Short, so the test can watch a change reach the second api process; the default is 10 s.
const REFRESH = { CALENDAR_REFRESH_INTERVAL: 'PT1S' };

describe('working-day calendar (SPEC 4): GET/PUT /api/v1/calendar/{year}, stored, audited, used by deadlines', () => {
  let api: RunningApi;
  let other: RunningApi;
  let http: ReturnType<typeof client>;
  let otherHttp: ReturnType<typeof client>;
  let db: DbProbe;
  const tokens: Record<string, string> = {};
  const shipped = loadHolidayData();

  beforeAll(async () => {
    api = await startApi(REFRESH);
    // A second api on the same database and queues: another process as far as the calendar cache is concerned.
    other = await startApi(REFRESH, { db: api.db, queuePrefix: api.queuePrefix });
    http = client(api.app);
    otherHttp = client(other.app);
    await createUsers(http, USERS);
    for (const user of USERS) tokens[user.username] = await http.login(user.username, TEST_PASSWORD);
    tokens.admin = await http.login(ADMIN.username, ADMIN.password);
    db = await DbProbe.connect(api.db.url);
  }, 60_000);

  afterAll(async () => {
    await db.close();
    await other.close();
    await api.close();
  });

  const put = (year: string | number, body: unknown, as = 'admin') =>
    http.call<CalendarYear & ErrorBody>('PUT', `/api/v1/calendar/${year}`, { token: tokens[as], body });
  const get = (year: string | number, as = 'op-cal', on = http) =>
    on.call<CalendarYear & ErrorBody>('GET', `/api/v1/calendar/${year}`, { token: tokens[as] });
  const auditCount = async () =>
    (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_entries WHERE action = 'calendar.updated'`,
      )
    )[0]!.n;

  it('is seeded from the shipped data file and readable by every role', async () => {
    const list = await http.call<{ years: { year: number; source: string; holidayCount: number }[] }>(
      'GET',
      '/api/v1/calendar',
      { token: tokens['op-cal'] },
    );
    expect(list.status).toBe(200);
    for (const year of Object.keys(shipped.years)) {
      expect(list.body.years).toContainEqual(
        expect.objectContaining({ year: Number(year), holidayCount: shipped.years[year]!.holidays.length }),
      );
      const one = await get(year, 'supervisor-cal');
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({
        year: Number(year),
        holidays: [...shipped.years[year]!.holidays].sort(),
        workdays: [...shipped.years[year]!.workdays].sort(),
        source: expect.stringContaining('国务院办公厅'),
        updatedBy: null,
      });
    }
  });

  it('answers 404 for a year with no calendar and 400 for something that is not a year', async () => {
    expect(await get(2091)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    const bad = await get('20x7');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.path)).toEqual(['year']);
    expect((await get(1999)).status).toBe(400);
  });

  it('is the administrator’s alone to load', async () => {
    const body = { holidays: ['2090-01-02'], workdays: [], source: '测试' };
    for (const who of ['op-cal', 'supervisor-cal', 'auditor-cal'])
      expect(await put(2090, body, who)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await get(2090)).status).toBe(404);
  });

  it('lists every problem at once with its path and stores nothing', async () => {
    const before = await auditCount();
    const bad = await put(2089, {
      holidays: ['2089-01-01', '2088-12-31', '2089-01-01', '2089-02-30', 7, '2089-01-08'],
      workdays: ['2089-01-08', '2089-01-03', '2089-01-09'],
      source: '  ',
      note: 'unknown field',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.errors?.map((e) => e.path).sort()).toEqual(
      [
        'note', // unknown field
        'holidays[1]', // 2088-12-31 is not in 2089
        'holidays[2]', // repeats holidays[0]
        'holidays[3]', // not a real date
        'holidays[4]', // not a string
        'workdays[0]', // 2089-01-08 (a Saturday) is also a holiday
        'workdays[1]', // 2089-01-03 is a Monday: a weekday is a working day anyway
        'source',
      ].sort(),
    );
    expect(bad.body.errors?.find((e) => e.path === 'workdays[0]')?.message).toMatch(
      /also listed as a holiday/,
    );

    const badYear = await put(1999, { holidays: ['1999-01-01'], workdays: [], source: 'x' });
    expect(badYear.body.errors?.map((e) => e.path)).toEqual(['year']);
    const notAnObject = await put(2089, ['2089-01-01']);
    expect(notAnObject.status).toBe(400);
    const empty = await put(2089, { holidays: [], workdays: [], source: 'x' });
    expect(empty.body.errors?.map((e) => e.path)).toEqual(['holidays']);

    expect((await get(2089)).status).toBe(404);
    expect(await auditCount()).toBe(before);
  });

  it('stores a year with its audit entry, and replaces it with the changes audited', async () => {
    const first = await put(2088, {
      holidays: ['2088-10-01', '2088-01-01', '2088-10-02'],
      workdays: ['2088-10-09'],
      source: '国办发明电〔2087〕9号',
    });
    expect(first).toMatchObject({
      status: 200,
      body: {
        year: 2088,
        holidays: ['2088-01-01', '2088-10-01', '2088-10-02'],
        workdays: ['2088-10-09'],
        source: '国办发明电〔2087〕9号',
        updatedBy: 'admin',
      },
    });
    expect((await get(2088)).body).toEqual(first.body);

    const second = await put(2088, {
      holidays: ['2088-01-01', '2088-10-01', '2088-10-03'],
      workdays: [],
      source: '国办发明电〔2087〕10号',
    });
    expect(second.status).toBe(200);

    const audit = await http.call<{
      items: { action: string; actor: { username: string }; detail: Record<string, unknown> }[];
    }>('GET', '/api/v1/audit?action=calendar.updated&pageSize=100', { token: tokens['auditor-cal'] });
    expect(audit.status).toBe(200);
    const entries = audit.body.items.filter((e) => e.detail.year === 2088);
    expect(entries.map((e) => e.actor.username)).toEqual(['admin', 'admin']);
    expect(entries[0]!.detail).toMatchObject({ source: '国办发明电〔2087〕9号', changes: null });
    expect(entries[1]!.detail).toMatchObject({
      source: '国办发明电〔2087〕10号',
      holidays: ['2088-01-01', '2088-10-01', '2088-10-03'],
      changes: {
        previousSource: '国办发明电〔2087〕9号',
        holidays: { added: ['2088-10-03'], removed: ['2088-10-02'] },
        workdays: { added: [], removed: ['2088-10-09'] },
      },
    });
  });

  it('documents the routes in OpenAPI with their request and response shapes', async () => {
    const docs = await http.call<{
      paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { required?: string[] }> };
    }>('GET', '/api/docs-json');
    const year = docs.body.paths['/api/v1/calendar/{year}']!;
    expect(year.put?.requestBody).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/PutCalendarYearDto' } } },
    });
    expect(year.put?.responses['200']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/CalendarYearDto' } } },
    });
    expect(year.get?.responses['200']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/CalendarYearDto' } } },
    });
    expect(docs.body.paths['/api/v1/calendar']!.get?.responses['200']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/CalendarYearListDto' } } },
    });
    expect(docs.body.components.schemas.PutCalendarYearDto?.required?.sort()).toEqual([
      'holidays',
      'source',
      'workdays',
    ]);
  });

  it('computes deadlines on the stored calendar, says when a year is missing, and every api process follows a load', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const created = await http.call<View>('POST', '/api/v1/applications', {
      token: tokens['op-cal'],
      body: applicationBody(),
    });
    expect(created.status).toBe(201);
    const createdOn = todayInChina(new Date(created.body.createdAt));
    const before = created.body.deadlines;

    // The years the 30 working days run through, and which of them the database knows.
    const years: number[] = [];
    for (let y = Number(createdOn.slice(0, 4)); y <= Number(before.decisionDueOn.slice(0, 4)); y++)
      years.push(y);
    const stored: HolidayData = { years: {} };
    for (const year of years) {
      const reply = await get(year);
      if (reply.status === 200)
        stored.years[year] = { holidays: reply.body.holidays, workdays: reply.body.workdays };
    }
    const missing = years.some((y) => !stored.years[y]);
    expect(before.calendarMissing).toBe(missing);
    expect(before.decisionDueOn).toBe(new WorkingCalendar(stored).addWorkingDays(createdOn, 30));

    // Load every one of those years, with one more day off inside the period: the deadline moves one working day.
    const reference = new WorkingCalendar(stored);
    let extra = createdOn;
    do extra = new WorkingCalendar({ years: {} }).addWorkingDays(extra, 1);
    while (!reference.isWorkingDay(extra));
    const loaded: HolidayData = { years: {} };
    for (const year of years) {
      const known = stored.years[year] ?? { holidays: [], workdays: [] };
      const holidays = extra.startsWith(`${year}-`) ? [...known.holidays, extra] : known.holidays;
      loaded.years[year] = {
        holidays: holidays.length > 0 ? holidays : [`${year}-01-01`],
        workdays: known.workdays,
      };
      const reply = await put(year, { ...loaded.years[year], source: `测试 ${year}` });
      expect(reply.status).toBe(200);
    }
    const after = new WorkingCalendar(loaded);
    const expected: Partial<Deadlines> = {
      decisionDueOn: after.addWorkingDays(createdOn, 30),
      calendarMissing: !after.covers(createdOn, after.addWorkingDays(createdOn, 30)),
    };
    expect(expected.decisionDueOn! > before.decisionDueOn).toBe(true);

    // The process that took the PUT uses it at once…
    const view = await http.call<View>('GET', `/api/v1/applications/${created.body.id}`, {
      token: tokens['op-cal'],
    });
    expect(view.body.deadlines).toMatchObject(expected);
    // …and the other within its refresh interval.
    await eventually(
      async () => {
        const seen = await otherHttp.call<View>('GET', `/api/v1/applications/${created.body.id}`, {
          token: tokens['op-cal'],
        });
        return seen.body.deadlines.decisionDueOn === expected.decisionDueOn;
      },
      10_000,
      'the second api process to use the loaded calendar',
    );
    const seen = await otherHttp.call<View>('GET', `/api/v1/applications/${created.body.id}`, {
      token: tokens['op-cal'],
    });
    expect(seen.body.deadlines).toMatchObject(expected);
    warn.mockRestore();
  });
});
