/* Department dates → ISO `YYYY-MM-DD` civil dates; null for anything that is not a real date. */

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

function isoIfReal(year: string, month: string, day: string): string | null {
  const iso = `${year}-${month}-${day}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** "20260105" → "2026-01-05". */
export function compactDateToIso(text: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  return match ? isoIfReal(match[1] ?? '', match[2] ?? '', match[3] ?? '') : null;
}

/** "2026/01/05", "2026.01.05" or "2026-01-05" (the separator given) → "2026-01-05". */
export function separatedDateToIso(text: string, separator: '-' | '/' | '.'): string | null {
  const parts = text.split(separator);
  if (parts.length !== 3) return null;
  const [year, month, day] = parts;
  if (!/^\d{4}$/.test(year ?? '') || !/^\d{2}$/.test(month ?? '') || !/^\d{2}$/.test(day ?? '')) return null;
  return isoIfReal(year ?? '', month ?? '', day ?? '');
}

/** Epoch milliseconds → the civil date in China (UTC+8) at that instant. */
export function epochMillisToChinaDate(millis: number): string | null {
  if (!Number.isSafeInteger(millis)) return null;
  const date = new Date(millis + CHINA_OFFSET_MS);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

/** The twelve whole calendar months before the current month in China, as `YYYY-MM` (from, to). */
export function lastTwelveMonths(now: Date): { from: string; to: string } {
  const china = new Date(now.getTime() + CHINA_OFFSET_MS);
  const monthIndex = china.getUTCFullYear() * 12 + china.getUTCMonth();
  const format = (index: number): string =>
    `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  return { from: format(monthIndex - 12), to: format(monthIndex - 1) };
}
