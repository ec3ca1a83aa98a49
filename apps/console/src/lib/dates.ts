import dayjs from 'dayjs';

/** Dates and times are shown in China time (UTC+8, no daylight saving), whatever the PC's time zone. */
const CHINA_OFFSET_MINUTES = 8 * 60;

/** The China date of an instant (default now), YYYY-MM-DD. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

/** An ISO instant as "2026-11-20 14:05" China time; "—" for null. */
export function chinaDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  if (!d.isValid()) return iso;
  return new Date(d.valueOf() + CHINA_OFFSET_MINUTES * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** An ISO instant or date as its China date, YYYY-MM-DD. */
export function chinaDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return chinaDateTime(iso).slice(0, 10);
}

/** Whole days from the China date `today` to the date `due` (negative when past). */
export function daysUntil(due: string, today: string = chinaToday()): number {
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
