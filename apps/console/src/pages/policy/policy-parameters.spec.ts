import { fromInput, infoOf, showValue, toInput } from './policy-parameters';

describe('policy parameters in the console', () => {
  it('shows money in 元 with two decimals and other values with their unit', () => {
    expect(showValue('dibaoStandardUrbanFen', 65000)).toBe('650.00 元/人·月');
    expect(showValue('enterpriseCapitalLimitFen', 20000000)).toBe('200,000.00 元');
    expect(showValue('edgeMultiplier', 1.5)).toBe('1.5 倍');
    expect(showValue('incomeTolerancePct', 10)).toBe('10 %');
  });

  it('turns 元 back into exact fen, never through floating point', () => {
    expect(toInput('incomeToleranceFen', 10007)).toBe('100.07');
    expect(fromInput('incomeToleranceFen', '100.07')).toEqual({ ok: true, value: 10007 });
    expect(fromInput('dibaoStandardRuralFen', '19.99')).toEqual({ ok: true, value: 1999 });
    expect(fromInput('dibaoStandardRuralFen', '0.07')).toEqual({ ok: true, value: 7 });
    expect(fromInput('dibaoStandardRuralFen', '1.234')).toMatchObject({ ok: false });
  });

  it('checks multipliers, percentages and counts as the server does', () => {
    expect(fromInput('edgeMultiplier', '1.5')).toEqual({ ok: true, value: 1.5 });
    expect(fromInput('edgeMultiplier', '0.9')).toMatchObject({ ok: false });
    expect(fromInput('edgeMultiplier', '1.1234567')).toMatchObject({ ok: false });
    expect(fromInput('incomeTolerancePct', '100')).toEqual({ ok: true, value: 100 });
    expect(fromInput('incomeTolerancePct', '100.5')).toMatchObject({ ok: false });
    expect(fromInput('maxDwellings', '2')).toEqual({ ok: true, value: 2 });
    expect(fromInput('maxDwellings', '1.5')).toMatchObject({ ok: false });
  });

  it('shows a parameter the console does not know by its name, money by its Fen suffix', () => {
    expect(infoOf('someNewLimitFen')).toMatchObject({ label: 'someNewLimitFen', kind: 'MONEY' });
    expect(infoOf('someNewCount').kind).toBe('COUNT');
  });
});
