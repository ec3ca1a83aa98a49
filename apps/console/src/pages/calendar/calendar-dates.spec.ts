import { byMonth, missingYearToWarn, parseDates, shortDate } from './calendar-dates';

describe('parseDates: dates as an administrator pastes them from the notice', () => {
  it('accepts lines, commas, 、 and spaces, and writes every date YYYY-MM-DD', () => {
    expect(parseDates('2027-01-01\n2027/1/2, 2027年1月3日、2027.02.14  ')).toEqual({
      dates: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-14'],
      problems: [],
    });
  });

  it('expands ranges written with ~, 至 or --, across a month end', () => {
    expect(parseDates('2027-01-30~2027-02-02').dates).toEqual([
      '2027-01-30',
      '2027-01-31',
      '2027-02-01',
      '2027-02-02',
    ]);
    expect(parseDates('2027-10-01至2027-10-03').dates).toHaveLength(3);
    expect(parseDates('2027-10-01--2027-10-02').dates).toEqual(['2027-10-01', '2027-10-02']);
  });

  it('names what it cannot read instead of dropping it', () => {
    expect(parseDates('2027-02-30, 元旦, 2027-13-01, 2027-02-10~2027-02-01')).toEqual({
      dates: [],
      problems: ['2027-02-30', '元旦', '2027-13-01', '2027-02-10~2027-02-01'],
    });
    expect(parseDates('')).toEqual({ dates: [], problems: [] });
  });
});

describe('display helpers', () => {
  it('shows a date with its weekday and groups dates by month', () => {
    expect(shortDate('2027-02-14')).toBe('2月14日（日）');
    expect(byMonth(['2027-10-01', '2027-01-01', '2027-01-02'])).toEqual([
      ['1月', ['2027-01-01', '2027-01-02']],
      ['10月', ['2027-10-01']],
    ]);
  });
});

describe('missingYearToWarn: the administrator’s 工作台 warning (SPEC 4)', () => {
  it('warns from October on when next year is missing, not before', () => {
    expect(missingYearToWarn([2025, 2026], '2026-09-30')).toBeNull();
    expect(missingYearToWarn([2025, 2026], '2026-10-01')).toBe(2027);
    expect(missingYearToWarn([2025, 2026], '2026-12-31')).toBe(2027);
    expect(missingYearToWarn([2026, 2027], '2026-10-01')).toBeNull();
  });

  it('always warns when the current year itself is missing', () => {
    expect(missingYearToWarn([2025, 2026], '2027-01-05')).toBe(2027);
    expect(missingYearToWarn([2026], '2027-03-01')).toBe(2027);
  });
});
