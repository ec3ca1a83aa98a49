/** Parsing and grouping of the dates of a calendar year, as an administrator pastes them from the notice. */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Dates typed or pasted in any common separator (new lines, commas, 、, spaces); "2027-1-1" and "2027/01/01" are
 * written as 2027-01-01. Ranges "2027-02-06~2027-02-12" (or 至, -- , —) expand to every day.
 */
export function parseDates(text: string): { dates: string[]; problems: string[] } {
  const dates: string[] = [];
  const problems: string[] = [];
  const tokens = text
    .split(/[\n,，、;；\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);
  for (const token of tokens) {
    const range = /^(.+?)(?:~|～|至|--|—)(.+)$/.exec(token);
    if (range) {
      const from = normalise(range[1] ?? '');
      const to = normalise(range[2] ?? '');
      if (!from || !to || to < from) {
        problems.push(token);
        continue;
      }
      for (let d = from; d <= to; d = nextDay(d)) dates.push(d);
      continue;
    }
    const date = normalise(token);
    if (date) dates.push(date);
    else problems.push(token);
  }
  return { dates, problems };
}

function normalise(token: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(token.trim());
  if (!m) return null;
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  if (!DATE.test(date)) return null;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date ? date : null;
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** "2月7日（六）" */
export function shortDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日（${WEEKDAYS[d.getUTCDay()]}）`;
}

/** Dates grouped by month ("1月" → dates), in order. */
export function byMonth(dates: readonly string[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const date of [...dates].sort()) {
    const month = `${Number(date.slice(5, 7))}月`;
    groups.set(month, [...(groups.get(month) ?? []), date]);
  }
  return [...groups.entries()];
}

/** The ADMIN's warning (SPEC 4): from October on, next year's calendar should be loaded before deadlines reach it. */
export function missingYearToWarn(loadedYears: readonly number[], today: string): number | null {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (!loadedYears.includes(year)) return year;
  if (month >= 10 && !loadedYears.includes(year + 1)) return year + 1;
  return null;
}
