/*
 * Department amounts → integer fen by string arithmetic only: "1234.56" yuan is the digits "123456", never
 * 1234.56 × 100 in floating point. Every function answers null for anything it cannot convert exactly.
 */

const YUAN = /^(\d{1,13})(?:\.(\d{1,2}))?$/;
const WAN_YUAN = /^(\d{1,9})(?:\.(\d{1,6}))?$/;

function digitsToFen(whole: string, fraction: string, places: number): number | null {
  const fen = Number(`${whole}${fraction.padEnd(places, '0')}`);
  return Number.isSafeInteger(fen) ? fen : null;
}

/** "1234.56", "1234.5" or "1234" yuan → 123456 fen; negatives, separators and sub-fen digits are refused. */
export function yuanToFen(text: string): number | null {
  const match = YUAN.exec(text);
  if (!match) return null;
  return digitsToFen(match[1] ?? '', match[2] ?? '', 2);
}

/** Registered capital in 万元 (1 万元 = 1 000 000 fen): "20.5" → 20500000 fen. */
export function wanYuanToFen(text: string): number | null {
  const match = WAN_YUAN.exec(text);
  if (!match) return null;
  return digitsToFen(match[1] ?? '', match[2] ?? '', 6);
}

/**
 * Yuan sent as a JSON number (4500.5). The shortest decimal form that round-trips (`String(n)`) is what the
 * department wrote, so it is converted as text; exponents and more than two decimals are refused.
 */
export function yuanNumberToFen(value: number): number | null {
  if (!Number.isFinite(value) || value < 0) return null;
  return yuanToFen(String(value));
}

/** An integer fen amount as sent (TAX): a non-negative safe integer. */
export function fenInteger(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}
