import { formatYuan, roundHalfUpToYuan } from './index';
import {
  decimalRatio,
  floorDiv,
  formatDecimal,
  isPlainDecimal,
  multiplyFloor,
  multiplyRoundHalfUpToYuan,
} from './money';

describe('roundHalfUpToYuan', () => {
  it.each([
    [0, 0],
    [49, 0],
    [50, 100],
    [99, 100],
    [100, 100],
    [1249, 1200],
    [1250, 1300],
    [39000, 39000],
  ])('%i fen → %i fen', (fen, expected) => {
    expect(roundHalfUpToYuan(fen)).toBe(expected);
  });
});

describe('formatYuan', () => {
  it.each<[number | bigint, string]>([
    [0, '0.00'],
    [5, '0.05'],
    [52000, '520.00'],
    [12345, '123.45'],
    [-150, '-1.50'],
    [36n * 65000n * 20n, '468000.00'],
  ])('%p fen reads %s yuan', (fen, expected) => {
    expect(formatYuan(fen)).toBe(expected);
  });
});

describe('decimal parameters', () => {
  it.each([
    [1.5, 15n, 10n, '1.5'],
    [1.3, 13n, 10n, '1.3'],
    [24, 24n, 1n, '24'],
    [0.05, 5n, 100n, '0.05'],
    [7.125, 7125n, 1000n, '7.125'],
    [0, 0n, 1n, '0'],
  ])('%p is exactly %p / %p', (value, numerator, denominator, written) => {
    const ratio = decimalRatio(value);
    expect(ratio).toEqual({ numerator, denominator });
    expect(formatDecimal(ratio)).toBe(written);
    expect(isPlainDecimal(value)).toBe(true);
  });

  it.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY], [1e21], [1e-7], [1.1234567]])(
    'rejects %p',
    (value) => {
      expect(isPlainDecimal(value)).toBe(false);
      expect(() => decimalRatio(value)).toThrow(RangeError);
    },
  );

  it('rejects what is not a number', () => {
    expect(isPlainDecimal('1.5')).toBe(false);
  });
});

describe('exact products', () => {
  it.each([
    // ⌊1.5 × 65 000⌋ and ⌊1.5 × 45 001⌋ = ⌊67 501.5⌋
    [1.5, 65000, 97500],
    [1.5, 45001, 67501],
    [1.3, 65000, 84500],
    [1.3, 45001, 58501],
  ])('⌊%p × %i⌋ = %i', (multiplier, fen, expected) => {
    expect(multiplyFloor(decimalRatio(multiplier), fen)).toBe(expected);
  });

  it.each([
    [1.3, 65000, 84500],
    [1.3, 44500, 57900], // 57 850 fen exactly: half a yuan rounds up
    [1.3, 44499, 57800], // 57 848.7 fen
    [1.3, 45039, 58600], // 58 550.7 fen
    [1.3, 45038, 58500], // 58 549.4 fen
  ])('%p × %i rounded half-up to a yuan = %i', (multiplier, fen, expected) => {
    expect(multiplyRoundHalfUpToYuan(decimalRatio(multiplier), fen)).toBe(expected);
  });

  it.each([
    [0, 12, 0],
    [3_600_011, 12, 300_000],
    [156_001, 3, 52_000],
    [65_000, 1, 65_000],
  ])('⌊%i ÷ %i⌋ = %i', (fen, divisor, expected) => {
    expect(floorDiv(fen, divisor)).toBe(expected);
  });
});
