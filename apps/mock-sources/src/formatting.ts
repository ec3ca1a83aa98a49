/** How the departments write amounts and dates. Integer arithmetic only, so every fen survives the round trip. */

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** 123456 fen → "1234.56" (yuan with two decimals). */
export function fenToYuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${pad(fen % 100, 2)}`;
}

/** 123456 fen → 1234.56 as a JSON number, the way some departments (unwisely) send money. */
export function fenToYuanNumber(fen: number): number {
  return Number(fenToYuan(fen));
}

/** Registered capital is written in 万元 (10 000 yuan = 1 000 000 fen): 20000000 fen → "20.000000". */
export function fenToWanYuan(fen: number): string {
  return `${Math.floor(fen / 1_000_000)}.${pad(fen % 1_000_000, 6)}`;
}

/** "2026-01-05" → "20260105". */
export function compactDate(isoDate: string): string {
  return isoDate.replaceAll('-', '');
}

/** "2026-01-05" → "2026/01/05". */
export function slashDate(isoDate: string): string {
  return isoDate.replaceAll('-', '/');
}

/** "2026-01-05" → "2026.01.05". */
export function dottedDate(isoDate: string): string {
  return isoDate.replaceAll('-', '.');
}

/** Midnight of a civil date in China (UTC+8) as epoch milliseconds. */
export function chinaMidnightMillis(isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) - 8 * 3600 * 1000;
}

/** A date between two ISO dates (inclusive), picked by a number in [0, 1). */
export function dateBetween(from: string, to: string, unit: number): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  const days = Math.max(0, Math.floor((end - start) / 86_400_000));
  return new Date(start + Math.floor(unit * (days + 1)) * 86_400_000).toISOString().slice(0, 10);
}
