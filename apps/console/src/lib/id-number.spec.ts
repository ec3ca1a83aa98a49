import { ageOn, checkCharOf, checkIdNumber } from './id-number';

/** A valid number for a birth date and sequence (the check digit computed independently of the helper under test). */
function idFor(birth: string, sequence: string, area = '431102'): string {
  const first17 = `${area}${birth.replace(/-/g, '')}${sequence}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = first17.split('').reduce((acc, d, i) => acc + Number(d) * (weights[i] ?? 0), 0);
  return first17 + '10X98765432'.charAt(sum % 11);
}

describe('ID number helper (GB 11643)', () => {
  const today = '2026-12-03';

  it('accepts the SPEC example and derives birth date, sex and age', () => {
    expect(checkIdNumber('431102198001010012', today)).toEqual({
      ok: true,
      facts: { idNumber: '431102198001010012', birthDate: '1980-01-01', sex: 'M', age: 46 },
    });
  });

  it('derives sex from the 17th digit (odd = male) and accepts a lower-case x', () => {
    const female = idFor('1990-06-15', '002');
    expect(checkIdNumber(female, today)).toMatchObject({ ok: true, facts: { sex: 'F', age: 36 } });
    // Find a sequence whose check character is X.
    let withX = '';
    for (let seq = 100; seq < 1000 && !withX; seq++) {
      const id = idFor('1975-02-28', String(seq));
      if (id.endsWith('X')) withX = id;
    }
    expect(withX).not.toBe('');
    expect(checkIdNumber(withX.toLowerCase(), today)).toMatchObject({ ok: true, facts: { idNumber: withX } });
  });

  it('counts age in whole years on the China date', () => {
    expect(ageOn('2008-12-03', '2026-12-03')).toBe(18);
    expect(ageOn('2008-12-04', '2026-12-03')).toBe(17);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    const child = idFor('2015-12-04', '011');
    expect(checkIdNumber(child, today)).toMatchObject({ ok: true, facts: { age: 10, sex: 'M' } });
  });

  it('finds a single mistyped digit through the check digit', () => {
    const id = '431102198001010012';
    for (let i = 0; i < 17; i++) {
      const digit = (Number(id.charAt(i)) + 1) % 10;
      const typo = id.slice(0, i) + String(digit) + id.slice(i + 1);
      expect(checkIdNumber(typo, today)).toMatchObject({ ok: false });
    }
    expect(checkIdNumber('431102198001010013', today)).toEqual({
      ok: false,
      message: '身份证号码校验位错误，请核对是否输错',
    });
  });

  it.each([
    ['', '请输入身份证号码'],
    ['4311021980010100', '身份证号码应为 18 位（现为 16 位）'],
    ['43110219800101001A', '身份证号码应为 17 位数字加 1 位数字或 X'],
  ])('refuses %j: %s', (id, message) => {
    expect(checkIdNumber(id, today)).toEqual({ ok: false, message });
  });

  it('refuses impossible, future and too-early birth dates', () => {
    expect(checkIdNumber(idFor('1981-02-29', '001'), today)).toEqual({
      ok: false,
      message: '身份证号码中的出生日期不存在',
    });
    expect(checkIdNumber(idFor('2027-01-01', '001'), today)).toEqual({
      ok: false,
      message: '出生日期不能晚于今天',
    });
    expect(checkIdNumber(idFor('1899-12-31', '001'), today)).toEqual({
      ok: false,
      message: '出生日期不能早于 1900-01-01',
    });
  });

  it('computes the ISO 7064 MOD 11-2 check character', () => {
    expect(checkCharOf('43110219800101001')).toBe('2');
  });
});
