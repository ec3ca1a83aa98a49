import {
  ageOn,
  birthDateOf,
  generateIdNumber,
  maskIdNumber,
  maskIdNumbersIn,
  sexOf,
  validateIdNumber,
} from './id-number';

const NOW = new Date('2026-11-23T04:00:00Z');
// GB 11643-1999 appendix examples; the second one is born in 1880, which SPEC 3.1 rules out.
const BEIJING_WOMAN = '11010519491231002X';
const GUANGDONG_MAN_1880 = '440524188001010014';

function reasonOf(raw: string, now: Date = NOW): string {
  const result = validateIdNumber(raw, now);
  if (result.ok) throw new Error('expected the ID number to be rejected');
  return result.reason;
}

/** Every string that differs from `id` in exactly one position, with a character that could appear there. */
function singleCharacterVariants(id: string): string[] {
  const variants: string[] = [];
  for (let position = 0; position < id.length; position++) {
    const alphabet = position === 17 ? '0123456789X' : '0123456789';
    for (const c of alphabet) {
      if (c !== id.charAt(position)) variants.push(`${id.slice(0, position)}${c}${id.slice(position + 1)}`);
    }
  }
  return variants;
}

describe('validateIdNumber', () => {
  it('accepts the standard example with an X check character', () => {
    expect(validateIdNumber(BEIJING_WOMAN, NOW)).toEqual({ ok: true, idNumber: BEIJING_WOMAN });
  });

  it('finds the check digit of the 1880 example correct and rejects it only for its birth year', () => {
    expect(validateIdNumber(GUANGDONG_MAN_1880, NOW)).toEqual({
      ok: false,
      reason: 'has a birth date before 1900-01-01',
    });
  });

  it('accepts an ID from the spec example', () => {
    expect(validateIdNumber('431102198001010012', NOW)).toEqual({ ok: true, idNumber: '431102198001010012' });
  });

  it.each([BEIJING_WOMAN, GUANGDONG_MAN_1880])('rejects every single-character change of %s', (id) => {
    const variants = singleCharacterVariants(id);
    expect(variants).toHaveLength(17 * 9 + 10);
    for (const variant of variants) {
      expect({ variant, reason: reasonOf(variant) }).toEqual({
        variant,
        reason: 'has an invalid check digit',
      });
    }
  });

  it('normalises a lower-case x to upper case', () => {
    expect(validateIdNumber('11010519491231002x', NOW)).toEqual({ ok: true, idNumber: BEIJING_WOMAN });
  });

  it('rejects an X anywhere but the last position', () => {
    expect(reasonOf('1101051949123100X2')).toBe('must be 17 digits followed by a digit or X');
  });

  it.each([
    ['empty', ''],
    ['17 characters', BEIJING_WOMAN.slice(0, 17)],
    ['19 characters', `${BEIJING_WOMAN}0`],
    ['a legacy 15-digit number', '110105491231002'],
    ['surrounded by spaces', ` ${BEIJING_WOMAN.slice(1)}  `],
  ])('rejects a wrong length (%s)', (_label, raw) => {
    expect(reasonOf(raw)).toBe('must be 18 characters');
  });

  it.each([
    ['a letter', '11010519491231A02X'],
    ['a hyphen', '110105-9491231002X'],
    ['a full-width digit', '１10105194912310024'],
    ['a space', '11010519491231 02X'],
  ])('rejects non-digits (%s)', (_label, raw) => {
    expect(reasonOf(raw)).toBe('must be 17 digits followed by a digit or X');
  });

  it.each([
    ['30 February', '2000-02-30'],
    ['29 February of a non-leap century', '1900-02-29'],
    ['31 April', '1990-04-31'],
    ['month 13', '1990-13-01'],
    ['month 00', '1990-00-10'],
    ['day 00', '1990-01-00'],
  ])('rejects an impossible birth date (%s)', (_label, date) => {
    expect(reasonOf(generateIdNumber(date, 12))).toBe('has an impossible birth date');
  });

  it('accepts 29 February of a leap year', () => {
    expect(validateIdNumber(generateIdNumber('2000-02-29', 12), NOW).ok).toBe(true);
  });

  it('rejects births before 1900-01-01 and accepts 1900-01-01 itself', () => {
    expect(reasonOf(generateIdNumber('1899-12-31', 12))).toBe('has a birth date before 1900-01-01');
    expect(validateIdNumber(generateIdNumber('1900-01-01', 12), NOW).ok).toBe(true);
  });

  it('rejects a birth date in the future, judged by the date in China (UTC+8)', () => {
    const bornToday = generateIdNumber('2026-11-23', 12);
    // 2026-11-22T16:00Z is already midnight of 2026-11-23 in Beijing.
    expect(validateIdNumber(bornToday, new Date('2026-11-22T16:00:00Z')).ok).toBe(true);
    expect(reasonOf(bornToday, new Date('2026-11-22T15:59:59Z'))).toBe('has a birth date in the future');
    expect(reasonOf(generateIdNumber('2030-01-01', 12))).toBe('has a birth date in the future');
  });

  it('defaults `now` to the current time', () => {
    expect(reasonOf(generateIdNumber('2999-01-01', 12), undefined)).toBe('has a birth date in the future');
    expect(validateIdNumber(BEIJING_WOMAN).ok).toBe(true);
  });

  it('never repeats the input in the reason', () => {
    const rejected = [
      ...singleCharacterVariants(BEIJING_WOMAN),
      GUANGDONG_MAN_1880,
      generateIdNumber('2000-02-30', 12),
      generateIdNumber('2030-01-01', 12),
      '1101051949123100X2',
      BEIJING_WOMAN.slice(0, 17),
      '110105194912310021',
    ];
    for (const raw of rejected) {
      const reason = reasonOf(raw);
      expect(reason).not.toContain(raw);
      // Not even the digits that identify the person: the birth date and sequence.
      expect(reason).not.toContain(raw.slice(6, 14));
      expect(reason).not.toMatch(/\d{6,}/);
    }
  });
});

describe('birthDateOf / sexOf', () => {
  it('reads the birth date', () => {
    expect(birthDateOf(BEIJING_WOMAN)).toBe('1949-12-31');
    expect(birthDateOf('431102198001010012')).toBe('1980-01-01');
  });

  it('reads the sex from the parity of the 17th digit', () => {
    expect(sexOf(BEIJING_WOMAN)).toBe('F');
    expect(sexOf(GUANGDONG_MAN_1880)).toBe('M');
    expect(sexOf(generateIdNumber('1990-05-06', 7))).toBe('M');
    expect(sexOf(generateIdNumber('1990-05-06', 8))).toBe('F');
  });

  it('refuses malformed input without echoing it', () => {
    expect(() => birthDateOf('12345')).toThrow(
      new RangeError('ID number must be 17 digits followed by a digit or X'),
    );
    expect(() => sexOf('12345')).toThrow(RangeError);
  });
});

describe('ageOn', () => {
  const minor = generateIdNumber('2008-11-23', 12);
  const elder = generateIdNumber('1966-11-23', 12);
  const leapling = generateIdNumber('2004-02-29', 12);

  it.each([
    [minor, '2026-11-22', 17],
    [minor, '2026-11-23', 18],
    [minor, '2026-11-24', 18],
    [elder, '2026-11-22', 59],
    [elder, '2026-11-23', 60],
    [leapling, '2005-02-28', 0],
    [leapling, '2005-03-01', 1],
    [leapling, '2023-02-28', 18],
    [leapling, '2023-03-01', 19],
    [leapling, '2024-02-28', 19],
    [leapling, '2024-02-29', 20],
    [leapling, '2004-02-29', 0],
  ])('%s on %s is %i', (id, on, age) => {
    expect(ageOn(id, on)).toBe(age);
  });

  it('refuses a date before the birth or a malformed date', () => {
    expect(() => ageOn(minor, '2008-11-22')).toThrow(RangeError);
    expect(() => ageOn(minor, '2026-02-30')).toThrow(RangeError);
    expect(() => ageOn(minor, '20261123')).toThrow(RangeError);
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 6 and the last 4 characters', () => {
    expect(maskIdNumber('431102198001010012')).toBe('431102********0012');
    expect(maskIdNumber(BEIJING_WOMAN)).toBe('110105********002X');
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X');
  });

  it('hides malformed input completely', () => {
    expect(maskIdNumber('110105194912310')).toBe('******************');
    expect(maskIdNumber('')).toBe('******************');
  });
});

describe('generateIdNumber', () => {
  it('builds valid ID numbers from area code, birth date and sequence', () => {
    for (let seq = 0; seq < 1000; seq += 37) {
      const id = generateIdNumber('1985-07-14', seq, '431121');
      expect(validateIdNumber(id, NOW)).toEqual({ ok: true, idNumber: id });
      expect(id.slice(0, 14)).toBe('43112119850714');
      expect(id.slice(14, 17)).toBe(String(seq).padStart(3, '0'));
      expect(sexOf(id)).toBe(seq % 2 === 1 ? 'M' : 'F');
    }
  });

  it('reproduces the standard examples', () => {
    expect(generateIdNumber('1949-12-31', 2, '110105')).toBe(BEIJING_WOMAN);
    expect(generateIdNumber('1880-01-01', 1, '440524')).toBe(GUANGDONG_MAN_1880);
  });

  it('defaults to area 431102 and wraps the sequence modulo 1000', () => {
    expect(generateIdNumber('1980-01-01', 1001)).toBe('431102198001010012');
    expect(generateIdNumber('1980-01-01', 1001)).toBe(generateIdNumber('1980-01-01', 1));
  });

  it('refuses malformed arguments', () => {
    expect(() => generateIdNumber('19800101', 1)).toThrow(RangeError);
    expect(() => generateIdNumber('1980-01-01', 1.5)).toThrow(RangeError);
    expect(() => generateIdNumber('1980-01-01', 1, '4311')).toThrow(RangeError);
  });
});

describe('maskIdNumbersIn', () => {
  it('masks 18- and 15-character numbers anywhere in a text, keeping the first 6 and last 4', () => {
    expect(maskIdNumbersIn('key-431102198001010012-a')).toBe('key-431102********0012-a');
    expect(maskIdNumbersIn('x11010519491231002xy')).toBe('x110105********002xy');
    expect(maskIdNumbersIn('old 431102800101001')).toBe('old 431102*****1001');
    expect(maskIdNumbersIn('a431102198001010012b431102198001010012')).toBe(
      'a431102********0012b431102********0012',
    );
  });

  it('leaves shorter digit runs and other text alone', () => {
    expect(maskIdNumbersIn('order-12345678901234 2026-11-23')).toBe('order-12345678901234 2026-11-23');
    expect(maskIdNumbersIn('')).toBe('');
  });
});
