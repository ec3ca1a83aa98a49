import {
  compactDateToIso,
  epochMillisToChinaDate,
  lastTwelveMonths,
  separatedDateToIso,
} from './date-parsing';

describe('department dates to ISO dates', () => {
  it('reads compact, slashed and dotted dates, refusing impossible ones', () => {
    expect(compactDateToIso('20260105')).toBe('2026-01-05');
    expect(compactDateToIso('20240229')).toBe('2024-02-29');
    expect(compactDateToIso('20230229')).toBeNull();
    expect(compactDateToIso('2026015')).toBeNull();
    expect(separatedDateToIso('2026/01/05', '/')).toBe('2026-01-05');
    expect(separatedDateToIso('2015.06.01', '.')).toBe('2015-06-01');
    expect(separatedDateToIso('2026-01-05', '-')).toBe('2026-01-05');
    expect(separatedDateToIso('2026/1/5', '/')).toBeNull();
    expect(separatedDateToIso('2026-01-05', '/')).toBeNull();
    expect(separatedDateToIso('2026/13/01', '/')).toBeNull();
  });

  it('reads epoch milliseconds as the civil date in China', () => {
    // 2025-12-31T16:00:00Z is midnight of 1 January 2026 in China.
    expect(epochMillisToChinaDate(Date.UTC(2025, 11, 31, 16))).toBe('2026-01-01');
    expect(epochMillisToChinaDate(Date.UTC(2025, 11, 31, 15, 59))).toBe('2025-12-31');
    expect(epochMillisToChinaDate(1.5)).toBeNull();
  });

  it('asks about the twelve whole months before the current month in China', () => {
    expect(lastTwelveMonths(new Date('2026-11-23T08:00:00Z'))).toEqual({ from: '2025-11', to: '2026-10' });
    expect(lastTwelveMonths(new Date('2026-01-15T00:00:00Z'))).toEqual({ from: '2025-01', to: '2025-12' });
    // 31 Jan 20:00 UTC is already 1 February in China.
    expect(lastTwelveMonths(new Date('2026-01-31T20:00:00Z'))).toEqual({ from: '2025-02', to: '2026-01' });
  });
});
