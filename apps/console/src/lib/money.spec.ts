import { formatFen, parseYuan, yuan } from './money';

describe('money: 元 ↔ fen, exactly', () => {
  it.each([
    ['0.07', 7],
    ['19.99', 1999],
    ['0.1', 10],
    ['0.29', 29],
    ['650', 65_000],
    ['650.00', 65_000],
    ['1,234.50', 123_450],
    ['  8.2 ', 820],
    ['9999999999.99', 999_999_999_999],
    ['0', 0],
  ])('parses %s 元 as %d fen', (text, fen) => {
    expect(parseYuan(text)).toEqual({ ok: true, fen });
  });

  it('never goes through floating point (0.07 × 100 would be 7.000000000000001)', () => {
    expect(0.07 * 100).not.toBe(7);
    expect(parseYuan('0.07')).toEqual({ ok: true, fen: 7 });
    expect(parseYuan('19.99')).toEqual({ ok: true, fen: 1999 });
    expect(19.99 * 100).not.toBe(1999);
  });

  it.each([
    ['', '请输入金额'],
    ['-1', '金额不能为负数'],
    ['1.234', '金额最多两位小数（元）'],
    ['abc', '请输入数字金额（元），如 650.00'],
    ['1e3', '请输入数字金额（元），如 650.00'],
    ['10000000000.01', '金额超出上限（100 亿元）'],
  ])('refuses %j with a Chinese message', (text, message) => {
    expect(parseYuan(text)).toEqual({ ok: false, message });
  });

  it.each([
    [7, '0.07'],
    [1999, '19.99'],
    [65_000, '650.00'],
    [0, '0.00'],
    [5, '0.05'],
    [1_000_000_000_000, '10000000000.00'],
    [-2_550, '-25.50'],
  ])('formats %d fen as %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('groups thousands for display and round-trips both ways for large values', () => {
    expect(formatFen(123_456_789_012, { group: true })).toBe('1,234,567,890.12');
    expect(yuan(65_000)).toBe('650.00 元');
    expect(yuan(null)).toBe('—');
    for (const fen of [0, 1, 7, 99, 100, 1999, 65_000, 123_456_789, 999_999_999_999, 1_000_000_000_000]) {
      expect(parseYuan(formatFen(fen))).toEqual({ ok: true, fen });
      expect(parseYuan(formatFen(fen, { group: true }))).toEqual({ ok: true, fen });
    }
  });

  it('refuses a fen amount that is not a safe integer', () => {
    expect(() => formatFen(0.5)).toThrow(RangeError);
    expect(() => formatFen(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });
});
