/*
 * Exact money arithmetic. Amounts are integer fen held in `number` (exact up to 2^53 fen, far above any household
 * figure); every product with a multiplier or a percentage is taken in BigInt over an exact decimal ratio.
 */

/** A non-negative decimal written with at most 6 decimal places, as the exact fraction numerator / denominator. */
export interface DecimalRatio {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

const DECIMAL_PATTERN = /^(\d+)(?:\.(\d{1,6}))?$/;

/** True for a finite, non-negative number with at most 6 decimal places in its shortest decimal form. */
export function isPlainDecimal(value: unknown): value is number {
  return typeof value === 'number' && DECIMAL_PATTERN.test(String(value));
}

/** 1.5 → 15/10, 1.3 → 13/10, 24 → 24/1: the decimal the parameter was written as, never its binary value. */
export function decimalRatio(value: number): DecimalRatio {
  const match = DECIMAL_PATTERN.exec(String(value));
  if (match === null) throw new RangeError(`not a decimal with at most 6 places: ${String(value)}`);
  const fraction = match[2] ?? '';
  return {
    numerator: BigInt(`${match[1]}${fraction}`),
    denominator: 10n ** BigInt(fraction.length),
  };
}

/** ⌊fen ÷ divisor⌋ for a non-negative amount, by exact integer steps rather than a floating-point quotient. */
export function floorDiv(fen: number, divisor: number): number {
  return (fen - (fen % divisor)) / divisor;
}

/** ⌊ratio × fen⌋, exactly. */
export function multiplyFloor(ratio: DecimalRatio, fen: number): number {
  return Number((ratio.numerator * BigInt(fen)) / ratio.denominator);
}

/** ratio × fen rounded half-up to a whole yuan (a multiple of 100 fen), exactly. */
export function multiplyRoundHalfUpToYuan(ratio: DecimalRatio, fen: number): number {
  const scaled = ratio.numerator * BigInt(fen) + 50n * ratio.denominator;
  return Number((scaled / (100n * ratio.denominator)) * 100n);
}

/** A non-negative amount rounded half-up to a whole yuan: 50 fen rounds up, 49 down. */
export function roundHalfUpToYuan(fen: number): number {
  const remainder = fen % 100;
  return remainder >= 50 ? fen - remainder + 100 : fen - remainder;
}

/** `12345` → `"123.45"`: yuan with two decimals and no grouping, as every detail string shows money. */
export function formatYuan(fen: number | bigint): string {
  const value = BigInt(fen);
  const sign = value < 0n ? '-' : '';
  const magnitude = value < 0n ? -value : value;
  return `${sign}${magnitude / 100n}.${String(magnitude % 100n).padStart(2, '0')}`;
}

/** `1.5` → `"1.5"`: a parameter decimal exactly as it was written. */
export function formatDecimal(ratio: DecimalRatio): string {
  const places = ratio.denominator.toString().length - 1;
  const digits = ratio.numerator.toString().padStart(places + 1, '0');
  return places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
}
