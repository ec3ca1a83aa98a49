import { isRealDate, type FieldProblem } from '@app/common';

/** Years an administrator may load; the table's check constraint says the same. */
export const CALENDAR_MIN_YEAR = 2000;
export const CALENDAR_MAX_YEAR = 2100;
export const CALENDAR_SOURCE_MAX_LENGTH = 500;
/** More dates than a year has days is a mistake, not a calendar. */
const MAX_DATES = 366;
const FIELDS = new Set(['holidays', 'workdays', 'source']);

/** A year's arrangement as an administrator loads it (SPEC 4): days off, make-up working days, the notice. */
export interface CalendarYearInput {
  holidays: string[];
  workdays: string[];
  source: string;
}

export type CalendarYearValidation =
  { ok: true; year: number; value: CalendarYearInput } | { ok: false; problems: FieldProblem[] };

/** The `{year}` of the path: a four-digit year the platform accepts, or the problem with it. */
export function calendarYearProblem(year: string): FieldProblem | null {
  if (!/^\d{4}$/.test(year) || Number(year) < CALENDAR_MIN_YEAR || Number(year) > CALENDAR_MAX_YEAR)
    return {
      path: 'year',
      message: `year must be a year from ${CALENDAR_MIN_YEAR} to ${CALENDAR_MAX_YEAR}, written with four digits`,
    };
  return null;
}

function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function dateListProblems(
  field: 'holidays' | 'workdays',
  value: unknown,
  year: string | null,
): { problems: FieldProblem[]; dates: string[] } {
  const problems: FieldProblem[] = [];
  if (!Array.isArray(value)) {
    problems.push({ path: field, message: `${field} must be a list of dates written YYYY-MM-DD` });
    return { problems, dates: [] };
  }
  if (value.length > MAX_DATES)
    problems.push({ path: field, message: `${field} may list at most ${MAX_DATES} dates` });
  const dates: string[] = [];
  const seen = new Map<string, number>();
  value.forEach((date: unknown, i) => {
    const path = `${field}[${i}]`;
    if (typeof date !== 'string' || !isRealDate(date)) {
      problems.push({ path, message: `${path} must be a real date written YYYY-MM-DD` });
      return;
    }
    if (year !== null && !date.startsWith(`${year}-`))
      problems.push({ path, message: `${path} (${date}) is not in ${year}` });
    const first = seen.get(date);
    if (first !== undefined) {
      problems.push({ path, message: `${path} (${date}) repeats ${field}[${first}]` });
      return;
    }
    seen.set(date, i);
    dates.push(date);
  });
  return { problems, dates };
}

/**
 * Checks `PUT /api/v1/calendar/{year}` in full and lists every problem at once: dates real and inside the year, none
 * listed twice, no day both a holiday and a working day, make-up working days on weekends only (a weekday is a
 * working day anyway), at least one holiday (every year has 元旦), the notice named, no unknown field.
 */
export function validateCalendarYear(yearParam: string, body: unknown): CalendarYearValidation {
  const problems: FieldProblem[] = [];
  const yearProblem = calendarYearProblem(yearParam);
  if (yearProblem) problems.push(yearProblem);
  const year = yearProblem ? null : yearParam;

  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    problems.push({ path: '', message: 'the body must be a JSON object { holidays, workdays, source }' });
    return { ok: false, problems };
  }
  const record = body as Record<string, unknown>;
  for (const key of Object.keys(record))
    if (!FIELDS.has(key)) problems.push({ path: key, message: `${key} is not a field of a calendar year` });

  const holidays = dateListProblems('holidays', record.holidays, year);
  const workdays = dateListProblems('workdays', record.workdays, year);
  problems.push(...holidays.problems, ...workdays.problems);
  if (Array.isArray(record.holidays) && record.holidays.length === 0)
    problems.push({
      path: 'holidays',
      message: 'holidays must list at least one day off (every year has 元旦)',
    });

  const holidaySet = new Set(holidays.dates);
  (Array.isArray(record.workdays) ? (record.workdays as unknown[]) : []).forEach((date, i) => {
    if (typeof date !== 'string' || !isRealDate(date)) return;
    const path = `workdays[${i}]`;
    if (holidaySet.has(date))
      problems.push({ path, message: `${path} (${date}) is also listed as a holiday` });
    const weekday = weekdayOf(date);
    if (weekday !== 0 && weekday !== 6)
      problems.push({
        path,
        message: `${path} (${date}) is a weekday: make-up working days (调休上班) are Saturdays or Sundays`,
      });
  });

  const source = record.source;
  if (typeof source !== 'string' || source.trim().length === 0)
    problems.push({
      path: 'source',
      message: 'source must name the State Council notice, e.g. 国办发明电〔2026〕7号',
    });
  else if (source.length > CALENDAR_SOURCE_MAX_LENGTH)
    problems.push({
      path: 'source',
      message: `source may be at most ${CALENDAR_SOURCE_MAX_LENGTH} characters`,
    });

  if (problems.length > 0 || year === null) return { ok: false, problems };
  return {
    ok: true,
    year: Number(year),
    value: {
      holidays: [...holidays.dates].sort(),
      workdays: [...workdays.dates].sort(),
      source: (source as string).trim(),
    },
  };
}
