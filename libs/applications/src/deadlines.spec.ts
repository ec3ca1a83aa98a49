import { Logger } from '@nestjs/common';
import { defaultCalendar, loadHolidayData, WorkingCalendar } from '@app/calendar';
import { ApplicationStatus } from './application-status';
import { computeDeadlines, effectiveMonthOf, noticeDays } from './deadlines';

const calendar = defaultCalendar();
// China is UTC+8: 2026-11-23T16:00Z is already the 24th there.
const at = (iso: string) => new Date(iso);

describe('decision deadline: 30 working days after creation, public-notice days not counted', () => {
  it('crosses the 2026 Spring Festival break (15–23 Feb off) with its make-up Saturdays (14 and 28 Feb)', () => {
    // Created Fri 2026-02-06: 9 Feb–13 Feb (5), Sat 14 Feb (make-up, 1), 24–27 Feb (4), Sat 28 Feb (1),
    // March 2–27 (20) → 31 working days by 27 Mar; the 30th is Thu 26 Mar.
    const deadlines = computeDeadlines(
      {
        status: ApplicationStatus.VERIFYING,
        createdOn: '2026-02-06',
        notices: [],
        awaitingCountySince: null,
        today: '2026-03-01',
      },
      calendar,
    );
    expect(deadlines.decisionDueOn).toBe('2026-03-26');
    expect(deadlines.overdue).toBe(false);
  });

  it('crosses Mid-Autumn and National Day 2026 (25 Sep, 1–7 Oct off; Sun 20 Sep and Sat 10 Oct worked)', () => {
    // Created Fri 2026-09-18: Sun 20 Sep worked (1), 21–24 Sep (4), 28–30 Sep (3), Sat 10 Oct (1), 8–9 Oct (2),
    // 12 Oct onwards: 19 more working days → Thu 5 Nov.
    const deadlines = computeDeadlines(
      {
        status: ApplicationStatus.VERIFIED,
        createdOn: '2026-09-18',
        notices: [],
        awaitingCountySince: null,
        today: '2026-11-06',
      },
      calendar,
    );
    expect(deadlines.decisionDueOn).toBe('2026-11-05');
    expect(deadlines.overdue).toBe(true);
  });

  it('does not count the days of a public notice', () => {
    const base = {
      status: ApplicationStatus.AWAITING_COUNTY_DECISION,
      createdOn: '2026-11-02',
      awaitingCountySince: null,
    };
    const without = computeDeadlines({ ...base, notices: [] }, calendar);
    // A 7-day notice started Mon 9 Nov 10:00 (China) and ended Mon 16 Nov 10:00: 10–16 Nov off the clock (5 working days).
    const notice = {
      startedAt: at('2026-11-09T02:00:00Z'),
      endsAt: at('2026-11-16T02:00:00Z'),
      endedAt: at('2026-11-16T02:00:00Z'),
    };
    const withNotice = computeDeadlines({ ...base, notices: [notice] }, calendar);
    expect(without.decisionDueOn).toBe('2026-12-14');
    expect(withNotice.decisionDueOn).toBe('2026-12-21');
    expect(calendar.workingDaysBetween(without.decisionDueOn, withNotice.decisionDueOn)).toBe(5);
  });

  it('counts a running notice up to its planned end, and an objection-ended one up to the objection', () => {
    expect([
      ...noticeDays([
        { startedAt: at('2026-11-23T02:00:00Z'), endsAt: at('2026-11-30T02:00:00Z'), endedAt: null },
      ]),
    ]).toEqual([
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
    ]);
    expect([
      ...noticeDays([
        {
          startedAt: at('2026-11-23T02:00:00Z'),
          endsAt: at('2026-11-30T02:00:00Z'),
          endedAt: at('2026-11-24T16:30:00Z'),
        },
      ]),
    ]).toEqual(['2026-11-24', '2026-11-25']);
  });

  it('is never overdue once the case is closed', () => {
    const base = { createdOn: '2026-01-05', notices: [], awaitingCountySince: null, today: '2026-11-23' };
    expect(computeDeadlines({ ...base, status: ApplicationStatus.VERIFIED }, calendar).overdue).toBe(true);
    for (const status of [
      ApplicationStatus.APPROVED,
      ApplicationStatus.REJECTED,
      ApplicationStatus.WITHDRAWN,
    ])
      expect(computeDeadlines({ ...base, status }, calendar).overdue).toBe(false);
  });
});

describe('county decision deadline: 10 working days after reaching AWAITING_COUNTY_DECISION', () => {
  const base = { createdOn: '2026-11-02', notices: [] };

  it('runs across National Day from the day the case arrived (in China)', () => {
    // Arrived Tue 29 Sep 2026 at 17:00 China time: 30 Sep (1), 8–9 Oct (2), Sat 10 Oct (1), 12–16 Oct (5), 19 Oct (1).
    const deadlines = computeDeadlines(
      {
        ...base,
        createdOn: '2026-09-20',
        status: ApplicationStatus.AWAITING_COUNTY_DECISION,
        awaitingCountySince: at('2026-09-29T09:00:00Z'),
        today: '2026-10-19',
      },
      calendar,
    );
    expect(deadlines.countyDecisionDueOn).toBe('2026-10-19');
    expect(deadlines.overdue).toBe(false);
    const late = computeDeadlines(
      {
        ...base,
        createdOn: '2026-09-20',
        status: ApplicationStatus.AWAITING_COUNTY_DECISION,
        awaitingCountySince: at('2026-09-29T09:00:00Z'),
        today: '2026-10-20',
      },
      calendar,
    );
    expect(late.overdue).toBe(true);
    expect(late.decisionDueOn > '2026-10-20').toBe(true);
  });

  it('is shown only once the case has reached the county', () => {
    const since = at('2026-11-20T02:00:00Z');
    expect(
      computeDeadlines({ ...base, status: ApplicationStatus.VERIFIED, awaitingCountySince: since }, calendar)
        .countyDecisionDueOn,
    ).toBeNull();
    expect(
      computeDeadlines({ ...base, status: ApplicationStatus.APPROVED, awaitingCountySince: since }, calendar)
        .countyDecisionDueOn,
    ).toBe('2026-12-04');
    expect(
      computeDeadlines(
        { ...base, status: ApplicationStatus.AWAITING_COUNTY_DECISION, awaitingCountySince: null },
        calendar,
      ).countyDecisionDueOn,
    ).toBeNull();
  });
});

describe('a year missing from the holiday data', () => {
  it('warns and falls back to Monday–Friday', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const onlyWeekends = new WorkingCalendar({ years: {} });
    // Created Fri 2027-12-31 (no data for 2027/2028): 30 weekdays later is Fri 2028-02-11.
    const deadlines = computeDeadlines(
      {
        status: ApplicationStatus.VERIFYING,
        createdOn: '2027-12-31',
        notices: [],
        awaitingCountySince: null,
        today: '2028-01-03',
      },
      onlyWeekends,
    );
    expect(deadlines.decisionDueOn).toBe('2028-02-11');
    expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/No official holiday data for 2028/);
    warn.mockRestore();
  });
});

describe('effectiveMonthOf: the month after the decision, in China', () => {
  it.each([
    ['2026-11-23T08:00:00Z', '2026-12'],
    ['2026-12-15T08:00:00Z', '2027-01'],
    // 31 Oct 23:30 UTC is already 1 Nov in China.
    ['2026-10-31T23:30:00Z', '2026-12'],
    ['2026-10-31T15:59:59Z', '2026-11'],
  ])('%s → %s', (decidedAt, month) => {
    expect(effectiveMonthOf(new Date(decidedAt))).toBe(month);
  });
});

describe('calendarMissing: a deadline counted across a year with no calendar (SPEC 4)', () => {
  const shipped = loadHolidayData();
  const loadYear = (year: string) => shipped.years[year]!;
  const quiet = () => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  const input = {
    status: ApplicationStatus.VERIFYING,
    notices: [],
    awaitingCountySince: null,
    today: '2026-12-03',
  };

  it('is false while every year the count runs through is known', () => {
    expect(computeDeadlines({ ...input, createdOn: '2026-02-06' }, calendar).calendarMissing).toBe(false);
  });

  it('is true when the count runs into a year without data, and false once that year is loaded', () => {
    const warn = quiet();
    const only2026 = new WorkingCalendar({ years: { '2026': loadYear('2026') } });
    const missing = computeDeadlines({ ...input, createdOn: '2026-12-03' }, only2026);
    expect(missing).toMatchObject({ decisionDueOn: '2027-01-14', calendarMissing: true });
    const with2027 = new WorkingCalendar({
      years: { '2026': loadYear('2026'), '2027': { holidays: ['2027-01-01'], workdays: [] } },
    });
    expect(computeDeadlines({ ...input, createdOn: '2026-12-03' }, with2027)).toMatchObject({
      decisionDueOn: '2027-01-15',
      calendarMissing: false,
    });
    warn.mockRestore();
  });

  it('looks at the county deadline too', () => {
    const warn = quiet();
    const only2026 = new WorkingCalendar({ years: { '2026': loadYear('2026') } });
    const deadlines = computeDeadlines(
      {
        ...input,
        createdOn: '2026-10-12',
        status: ApplicationStatus.AWAITING_COUNTY_DECISION,
        awaitingCountySince: at('2026-12-24T02:00:00Z'),
      },
      only2026,
    );
    expect(deadlines.decisionDueOn < '2027-01-01').toBe(true);
    expect(deadlines.countyDecisionDueOn).toBe('2027-01-07');
    expect(deadlines.calendarMissing).toBe(true);
    warn.mockRestore();
  });
});
