import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Logger } from '@nestjs/common';

/** One year of the State Council's holiday arrangement (国务院办公厅关于部分节假日安排的通知). */
export interface HolidayYear {
  /** Days off, weekends inside a holiday break included. */
  holidays: string[];
  /** Weekend days that are working days (调休上班). */
  workdays: string[];
}

/** The shape of `libs/calendar/data/holidays-cn.json`. */
export interface HolidayData {
  years: Record<string, HolidayYear>;
}

export interface WorkingDayOptions {
  /** Extra days the caller does not count, e.g. public-notice days (SPEC 4). */
  skip?: (date: string) => boolean;
}

/** Where the data file lives relative to the project root (the directory holding package.json). */
export const HOLIDAY_DATA_PATH = join('libs', 'calendar', 'data', 'holidays-cn.json');

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 3600 * 1000;
// A loop guard: no sane deadline needs more than a century of calendar days.
const MAX_DAYS_SCANNED = 366 * 100;

function toDayNumber(date: string): number {
  const ms = DATE_SHAPE.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`Not a real date in the form YYYY-MM-DD: ${date}`);
  }
  return ms / DAY_MS;
}

function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function isDateList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((d) => typeof d === 'string');
}

/** Checks untrusted JSON against {@link HolidayData}; throws naming the first problem found. */
export function parseHolidayData(json: unknown): HolidayData {
  const years = (json as { years?: unknown } | null)?.years;
  if (typeof years !== 'object' || years === null || Array.isArray(years)) {
    throw new Error('Holiday data must have a "years" object');
  }
  const result: Record<string, HolidayYear> = {};
  for (const [year, entry] of Object.entries(years as Record<string, unknown>)) {
    const { holidays, workdays } = (entry ?? {}) as { holidays?: unknown; workdays?: unknown };
    if (!/^\d{4}$/.test(year) || !isDateList(holidays) || !isDateList(workdays)) {
      throw new Error(`Holiday data for year ${year} must have "holidays" and "workdays" date lists`);
    }
    for (const date of [...holidays, ...workdays]) {
      toDayNumber(date);
      if (!date.startsWith(`${year}-`)) throw new Error(`Holiday data for year ${year} lists ${date}`);
    }
    result[year] = { holidays: [...holidays], workdays: [...workdays] };
  }
  return { years: result };
}

/**
 * Working days (工作日) on the official PRC calendar: Monday to Friday unless a public holiday, plus
 * the weekend days declared make-up working days. A year without data falls back to weekends only,
 * with one warning per year, because the arrangement for next year is only published each November.
 */
export class WorkingCalendar {
  // Day numbers (days since 1970-01-01): the scan below compares numbers, not date strings.
  private readonly holidays = new Set<number>();
  private readonly workdays = new Set<number>();
  private readonly knownYears = new Set<string>();
  private readonly warnedYears = new Set<string>();
  private readonly logger = new Logger(WorkingCalendar.name);
  /** Results of addWorkingDays without a skip rule: every create asks the same few questions. */
  private readonly memo = new Map<string, string>();
  private yearSpan = { first: 0, end: 0, year: '' };

  constructor(data: HolidayData) {
    for (const [year, entry] of Object.entries(data.years)) {
      this.knownYears.add(year);
      entry.holidays.forEach((d) => this.holidays.add(toDayNumber(d)));
      entry.workdays.forEach((d) => this.workdays.add(toDayNumber(d)));
    }
  }

  /** Years (YYYY) for which the calendar has official data. */
  get years(): string[] {
    return [...this.knownYears].sort();
  }

  /** True when the calendar has the official arrangement for `year` (YYYY). */
  hasYear(year: string): boolean {
    return this.knownYears.has(year);
  }

  /**
   * True when every year from `from`'s to `to`'s (YYYY-MM-DD, either order) has official data: a date counted across
   * a year without it was counted on weekends alone (SPEC 4 `deadlines.calendarMissing`).
   */
  covers(from: string, to: string): boolean {
    const first = Number(from.slice(0, 4));
    const last = Number(to.slice(0, 4));
    for (let year = Math.min(first, last); year <= Math.max(first, last); year++)
      if (!this.knownYears.has(String(year))) return false;
    return true;
  }

  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(toDayNumber(date));
  }

  /** The date `n` working days after `date`; `date` itself is never counted, and `n = 0` returns it. */
  addWorkingDays(date: string, n: number, options: WorkingDayOptions = {}): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
    const key = options.skip ? null : `${date}+${n}`;
    const known = key === null ? undefined : this.memo.get(key);
    if (known !== undefined) return known;
    let day = toDayNumber(date);
    for (let counted = 0, scanned = 0; counted < n;) {
      if (++scanned > MAX_DAYS_SCANNED)
        throw new RangeError(`No ${n} working days within a century of ${date}`);
      day++;
      if (this.counts(day, options)) counted++;
    }
    const result = fromDayNumber(day);
    if (key !== null) {
      // Bounded: a calendar lives until the next change, and dates are few.
      if (this.memo.size >= 10_000) this.memo.clear();
      this.memo.set(key, result);
    }
    return result;
  }

  /**
   * Working days after `from` up to and including `to`, so that
   * `workingDaysBetween(d, addWorkingDays(d, n)) === n`; negative when `to` is before `from`.
   */
  workingDaysBetween(from: string, to: string, options: WorkingDayOptions = {}): number {
    const start = toDayNumber(from);
    const end = toDayNumber(to);
    if (end < start) return -this.workingDaysBetween(to, from, options);
    let count = 0;
    for (let day = start + 1; day <= end; day++) if (this.counts(day, options)) count++;
    return count;
  }

  private counts(day: number, options: WorkingDayOptions): boolean {
    return this.isWorkingDayNumber(day) && !(options.skip?.(fromDayNumber(day)) ?? false);
  }

  private isWorkingDayNumber(day: number): boolean {
    this.warnIfUnknownYear(this.yearOf(day));
    if (this.holidays.has(day)) return false;
    if (this.workdays.has(day)) return true;
    // 1970-01-01 (day 0) was a Thursday.
    const weekday = (((day + 4) % 7) + 7) % 7;
    return weekday !== 0 && weekday !== 6;
  }

  /** The year (YYYY) of a day number; the last year looked up is kept, since a scan stays in one year for months. */
  private yearOf(day: number): string {
    const span = this.yearSpan;
    if (day >= span.first && day < span.end) return span.year;
    const year = new Date(day * DAY_MS).getUTCFullYear();
    this.yearSpan = {
      first: Date.UTC(year, 0, 1) / DAY_MS,
      end: Date.UTC(year + 1, 0, 1) / DAY_MS,
      year: String(year).padStart(4, '0'),
    };
    return this.yearSpan.year;
  }

  private warnIfUnknownYear(year: string): void {
    if (this.knownYears.has(year) || this.warnedYears.has(year)) return;
    this.warnedYears.add(year);
    this.logger.warn(
      `No official holiday data for ${year}: counting Monday to Friday as working days. An administrator loads it with PUT /api/v1/calendar/${year}.`,
    );
  }
}

/** The project root: the nearest directory above `start` that holds package.json. */
export function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${start}`);
  }
}

/** Reads the holiday file; works from the TypeScript sources (Jest) and from the compiled dist/ alike. */
export function loadHolidayData(projectRoot: string = findProjectRoot(__dirname)): HolidayData {
  const path = join(projectRoot, HOLIDAY_DATA_PATH);
  return parseHolidayData(JSON.parse(readFileSync(path, 'utf8')));
}

let defaultInstance: WorkingCalendar | undefined;

/** The calendar built from the project's data file, created on first use and shared afterwards. */
export function defaultCalendar(): WorkingCalendar {
  defaultInstance ??= new WorkingCalendar(loadHolidayData());
  return defaultInstance;
}
