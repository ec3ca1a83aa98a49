import { dirname, join } from 'node:path';
import { Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CalendarModule } from './calendar.module';
import {
  defaultCalendar,
  findProjectRoot,
  loadHolidayData,
  parseHolidayData,
  WorkingCalendar,
} from './working-calendar';

const PROJECT_ROOT = join(__dirname, '..', '..', '..');

describe('WorkingCalendar on the official 2026 data', () => {
  let warn: jest.SpyInstance;
  let calendar: WorkingCalendar;

  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    calendar = new WorkingCalendar(loadHolidayData());
  });

  afterEach(() => warn.mockRestore());

  describe('Spring Festival 2026 (15–23 February off, Saturdays 14 and 28 February worked)', () => {
    it.each([
      ['2026-02-13', 'Friday before the break', true],
      ['2026-02-14', 'make-up Saturday', true],
      ['2026-02-15', 'Sunday, first day off', false],
      ['2026-02-16', 'Monday off', false],
      ['2026-02-20', 'Friday off', false],
      ['2026-02-21', 'Saturday off', false],
      ['2026-02-23', 'Monday, last day off', false],
      ['2026-02-24', 'Tuesday back at work', true],
      ['2026-02-28', 'make-up Saturday', true],
      ['2026-03-01', 'an ordinary Sunday', false],
      ['2026-03-07', 'an ordinary Saturday', false],
    ])('%s (%s) is a working day: %s', (date, _label, expected) => {
      expect(calendar.isWorkingDay(date)).toBe(expected);
    });

    it.each([
      ['2026-02-12', 1, '2026-02-13'],
      ['2026-02-13', 1, '2026-02-14'],
      ['2026-02-13', 2, '2026-02-24'],
      ['2026-02-14', 1, '2026-02-24'],
      ['2026-02-18', 1, '2026-02-24'],
      ['2026-02-13', 5, '2026-02-27'],
      ['2026-02-13', 6, '2026-02-28'],
      ['2026-02-13', 7, '2026-03-02'],
      ['2026-02-16', 0, '2026-02-16'],
    ])('%s + %i working days = %s', (date, n, expected) => {
      expect(calendar.addWorkingDays(date, n)).toBe(expected);
    });

    it('counts 30 working days across the break', () => {
      // February 2026: 2–13 (10) + make-up 14th + 24–27 (4) + make-up 28th = 16 working days.
      expect(calendar.workingDaysBetween('2026-01-31', '2026-02-28')).toBe(16);
      expect(calendar.addWorkingDays('2026-02-01', 30)).toBe('2026-03-19');
    });
  });

  describe('Mid-Autumn and National Day 2026 (25–27 Sep and 1–7 Oct off, Sun 20 Sep and Sat 10 Oct worked)', () => {
    it.each([
      ['2026-09-19', false],
      ['2026-09-20', true],
      ['2026-09-25', false],
      ['2026-09-30', true],
      ['2026-10-01', false],
      ['2026-10-05', false],
      ['2026-10-07', false],
      ['2026-10-08', true],
      ['2026-10-10', true],
      ['2026-10-11', false],
    ])('%s is a working day: %s', (date, expected) => {
      expect(calendar.isWorkingDay(date)).toBe(expected);
    });

    it.each([
      ['2026-09-18', 1, '2026-09-20'],
      ['2026-09-24', 1, '2026-09-28'],
      ['2026-09-30', 1, '2026-10-08'],
      ['2026-09-30', 2, '2026-10-09'],
      ['2026-09-30', 3, '2026-10-10'],
      ['2026-09-30', 4, '2026-10-12'],
      ['2026-09-17', 10, '2026-10-08'],
    ])('%s + %i working days = %s', (date, n, expected) => {
      expect(calendar.addWorkingDays(date, n)).toBe(expected);
    });
  });

  it('treats ordinary weekdays and weekends as such', () => {
    expect(calendar.isWorkingDay('2026-11-20')).toBe(true);
    expect(calendar.isWorkingDay('2026-11-21')).toBe(false);
    expect(calendar.isWorkingDay('2026-11-22')).toBe(false);
    expect(calendar.addWorkingDays('2026-11-20', 10)).toBe('2026-12-04');
    expect(warn).not.toHaveBeenCalled();
  });

  it('lets the caller skip extra days, such as a public-notice period', () => {
    const notice = new Set(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
    const skip = (date: string): boolean => notice.has(date);
    expect(calendar.addWorkingDays('2026-11-20', 5)).toBe('2026-11-27');
    expect(calendar.addWorkingDays('2026-11-20', 5, { skip })).toBe('2026-12-04');
    expect(calendar.workingDaysBetween('2026-11-20', '2026-12-04', { skip })).toBe(5);
    // Skipping a day that is not a working day anyway changes nothing.
    expect(calendar.addWorkingDays('2026-02-13', 2, { skip: (d) => d === '2026-02-16' })).toBe('2026-02-24');
  });

  it('refuses a skip rule that leaves no working days instead of looping forever', () => {
    expect(() => calendar.addWorkingDays('2026-11-20', 1, { skip: () => true })).toThrow(RangeError);
  });

  it('makes workingDaysBetween the inverse of addWorkingDays', () => {
    for (const start of ['2026-02-10', '2026-02-14', '2026-09-19', '2026-09-30', '2025-12-31']) {
      for (const n of [0, 1, 2, 5, 10, 30]) {
        expect(calendar.workingDaysBetween(start, calendar.addWorkingDays(start, n))).toBe(n);
      }
    }
    expect(calendar.workingDaysBetween('2026-02-24', '2026-02-13')).toBe(-2);
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-13')).toBe(0);
  });

  it('refuses malformed dates and counts', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('20260213')).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-13-01', 1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-02-13', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-02-13', 1.5)).toThrow(RangeError);
  });

  describe('a year without data', () => {
    it('falls back to weekends only and warns once per year', () => {
      expect(calendar.isWorkingDay('2031-01-01')).toBe(true); // a Wednesday; New Year unknown
      expect(calendar.isWorkingDay('2031-01-04')).toBe(false); // Saturday
      expect(calendar.addWorkingDays('2031-01-02', 2)).toBe('2031-01-06');
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]?.[0]).toMatch(/2031/);
      expect((warn.mock.contexts[0] as { context?: string }).context).toBe('WorkingCalendar');

      expect(calendar.isWorkingDay('2032-06-07')).toBe(true);
      expect(calendar.isWorkingDay('2031-06-07')).toBe(false);
      expect(warn).toHaveBeenCalledTimes(2);
      expect(warn.mock.calls[1]?.[0]).toMatch(/2032/);
    });

    it('keeps counting from a known year into an unknown one', () => {
      // 2027's arrangement is not in the data: 1 January 2027 (a Friday) counts as a working day.
      expect(calendar.addWorkingDays('2026-12-30', 3)).toBe('2027-01-04');
      expect(warn).toHaveBeenCalledTimes(1);
    });
  });
});

describe('holiday data', () => {
  const data = loadHolidayData();

  it('covers 2025 and 2026 and lists only weekends as make-up working days', () => {
    expect(Object.keys(data.years)).toEqual(expect.arrayContaining(['2025', '2026']));
    for (const year of Object.values(data.years)) {
      for (const date of year.workdays) {
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
        expect({ date, weekend: weekday === 0 || weekday === 6 }).toEqual({ date, weekend: true });
      }
      for (const date of year.holidays) expect(year.workdays).not.toContain(date);
    }
  });

  it('rejects malformed data', () => {
    expect(() => parseHolidayData(null)).toThrow('"years"');
    expect(() => parseHolidayData({ years: [] })).toThrow('"years"');
    expect(() => parseHolidayData({ years: { 2026: { holidays: ['2026-01-01'] } } })).toThrow('2026');
    expect(() => parseHolidayData({ years: { 2026: { holidays: ['2026-02-30'], workdays: [] } } })).toThrow(
      RangeError,
    );
    expect(() => parseHolidayData({ years: { 2026: { holidays: ['2025-10-01'], workdays: [] } } })).toThrow(
      'lists 2025-10-01',
    );
  });

  it('finds the project root from the sources and from the compiled output', () => {
    expect(findProjectRoot(__dirname)).toBe(PROJECT_ROOT);
    expect(findProjectRoot(join(PROJECT_ROOT, 'dist', 'libs', 'calendar', 'src'))).toBe(PROJECT_ROOT);
    expect(() => loadHolidayData(dirname(PROJECT_ROOT))).toThrow();
  });
});

describe('defaultCalendar', () => {
  it('is one lazily created calendar built from the data file', () => {
    const calendar = defaultCalendar();
    expect(defaultCalendar()).toBe(calendar);
    expect(calendar.years).toEqual(expect.arrayContaining(['2025', '2026']));
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
  });

  it('is what CalendarModule provides', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [CalendarModule] }).compile();
    expect(moduleRef.get(WorkingCalendar)).toBe(defaultCalendar());
  });
});
