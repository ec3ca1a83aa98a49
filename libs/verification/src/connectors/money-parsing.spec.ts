import { fenInteger, wanYuanToFen, yuanNumberToFen, yuanToFen } from './money-parsing';

describe('department amounts to integer fen', () => {
  it.each([
    ['0', 0],
    ['0.00', 0],
    ['0.1', 10],
    ['0.07', 7],
    ['3000.00', 300000],
    ['1234.56', 123456],
    // 0.29 × 100 is 28.999999999999996 in floating point: string arithmetic must not lose the fen.
    ['0.29', 29],
    ['1.13', 113],
    ['4.35', 435],
    ['9999999999999.99', 999999999999999],
  ])('reads yuan %s as %i fen', (text, fen) => {
    expect(yuanToFen(text)).toBe(fen);
  });

  it.each([
    '',
    '.5',
    '1.',
    '1.234',
    '-1.00',
    '+1',
    '3,000.00',
    '1e3',
    ' 1.00',
    '1.00元',
    '１.00',
    '12345678901234',
  ])('refuses yuan %j', (text) => {
    expect(yuanToFen(text)).toBeNull();
  });

  it.each([
    ['0', 0],
    ['20', 20_000_000],
    ['20.5', 20_500_000],
    ['0.000001', 1],
    ['0.123456', 123_456],
    ['100.000000', 100_000_000],
  ])('reads 万元 %s as %i fen', (text, fen) => {
    expect(wanYuanToFen(text)).toBe(fen);
  });

  it.each(['0.0000001', 'abc', '-1', '1,000', ''])('refuses 万元 %j', (text) => {
    expect(wanYuanToFen(text)).toBeNull();
  });

  it.each([
    [4500.5, 450050],
    [0.29, 29],
    [1.13, 113],
    [0, 0],
    [3000, 300000],
  ])('reads the JSON number %d yuan as %i fen', (value, fen) => {
    expect(yuanNumberToFen(value)).toBe(fen);
  });

  it.each([0.001, -1, Number.NaN, Number.POSITIVE_INFINITY, 1e21])('refuses the JSON number %d', (value) => {
    expect(yuanNumberToFen(value)).toBeNull();
  });

  it('accepts only non-negative safe integers as fen', () => {
    expect(fenInteger(360000)).toBe(360000);
    expect(fenInteger(1.5)).toBeNull();
    expect(fenInteger(-1)).toBeNull();
    expect(fenInteger('360000')).toBeNull();
    expect(fenInteger(2 ** 53)).toBeNull();
  });
});
