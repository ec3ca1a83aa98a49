/**
 * GB 11643-1999 resident identity numbers (居民身份证号码): 6-digit address code, 8-digit birth date
 * (YYYYMMDD), 3-digit sequence (odd = male) and an ISO 7064 MOD 11-2 check character.
 * Nothing here ever puts an ID number into an error message or a reason (SPEC 3.3).
 */

export type IdNumberValidation = { ok: true; idNumber: string } | { ok: false; reason: string };

export type Sex = 'M' | 'F';

// ISO 7064 MOD 11-2 as tabulated in GB 11643-1999 section 6.2.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

const ID_SHAPE = /^\d{17}[\dX]$/;
const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EARLIEST_BIRTH_DATE = '1900-01-01';
// Birth dates are civil dates in China; "today" is therefore the date at UTC+8.
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

function checkCharOf(first17: string): string {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function parseDate(value: string, what: string): { year: number; month: number; day: number } {
  const match = DATE_SHAPE.exec(value);
  const parts = match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
  if (!parts || !isRealDate(parts.year, parts.month, parts.day)) {
    throw new RangeError(`${what} must be a real date in the form YYYY-MM-DD`);
  }
  return parts;
}

function requireIdShape(id: string): void {
  if (typeof id !== 'string' || !ID_SHAPE.test(id.toUpperCase())) {
    throw new RangeError('ID number must be 17 digits followed by a digit or X');
  }
}

/** The calendar date in China (UTC+8) at the given instant, as YYYY-MM-DD. */
function chinaDateOf(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Validates an 18-character resident ID number (SPEC 3.1). Lower-case `x` is accepted and the
 * returned `idNumber` is normalised to upper case. Address codes are deliberately not checked:
 * IDs are never re-issued when divisions are renamed, so old numbers carry retired codes.
 */
export function validateIdNumber(raw: string, now: Date = new Date()): IdNumberValidation {
  if (typeof raw !== 'string') return { ok: false, reason: 'must be a string' };
  if (raw.length !== 18) return { ok: false, reason: 'must be 18 characters' };
  const idNumber = raw.toUpperCase();
  if (!ID_SHAPE.test(idNumber)) return { ok: false, reason: 'must be 17 digits followed by a digit or X' };
  // The check digit first: a typo anywhere shows up as a check-digit error, whatever digit it hit.
  if (checkCharOf(idNumber) !== idNumber.charAt(17))
    return { ok: false, reason: 'has an invalid check digit' };

  const year = Number(idNumber.slice(6, 10));
  const month = Number(idNumber.slice(10, 12));
  const day = Number(idNumber.slice(12, 14));
  if (!isRealDate(year, month, day)) return { ok: false, reason: 'has an impossible birth date' };
  const birthDate = birthDateOf(idNumber);
  if (birthDate < EARLIEST_BIRTH_DATE)
    return { ok: false, reason: `has a birth date before ${EARLIEST_BIRTH_DATE}` };
  if (birthDate > chinaDateOf(now)) return { ok: false, reason: 'has a birth date in the future' };
  return { ok: true, idNumber };
}

/** The birth date encoded in a (validated) ID number, as YYYY-MM-DD. */
export function birthDateOf(id: string): string {
  requireIdShape(id);
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** Sex from the sequence code: its last digit (the 17th character) is odd for men, even for women. */
export function sexOf(id: string): Sex {
  requireIdShape(id);
  return Number(id.charAt(16)) % 2 === 1 ? 'M' : 'F';
}

/**
 * Whole years completed on `on` (YYYY-MM-DD). A birthday counts on the day itself; someone born on
 * 29 February becomes a year older on 1 March in non-leap years.
 */
export function ageOn(id: string, on: string): number {
  const birth = parseDate(birthDateOf(id), 'the birth date');
  const at = parseDate(on, 'on');
  const beforeBirthday = at.month < birth.month || (at.month === birth.month && at.day < birth.day);
  const age = at.year - birth.year - (beforeBirthday ? 1 : 0);
  if (age < 0) throw new RangeError('on must not be before the birth date');
  return age;
}

/** First 6 and last 4 characters visible (SPEC 3.3); anything that is not 18 characters is hidden entirely. */
export function maskIdNumber(id: string): string {
  if (typeof id !== 'string' || id.length !== 18) return '*'.repeat(18);
  return `${id.slice(0, 6)}${'*'.repeat(8)}${id.slice(14).toUpperCase()}`;
}

/**
 * Builds an ID number with a correct check character, for tests, seeds and benchmarks.
 * The birth date is only checked for shape, so tests can also build impossible or future dates.
 * The sequence is `seq` mod 1000, zero-padded; its parity gives the sex (odd = male).
 */
export function generateIdNumber(birthDate: string, seq: number, areaCode = '431102'): string {
  if (!DATE_SHAPE.test(birthDate)) throw new RangeError('birthDate must be in the form YYYY-MM-DD');
  if (!Number.isInteger(seq)) throw new RangeError('seq must be an integer');
  if (!/^\d{6}$/.test(areaCode)) throw new RangeError('areaCode must be 6 digits');
  const sequence = String(((seq % 1000) + 1000) % 1000).padStart(3, '0');
  const first17 = `${areaCode}${birthDate.replaceAll('-', '')}${sequence}`;
  return `${first17}${checkCharOf(first17)}`;
}

// 15 or more digits in a row (optionally ending in X): an 18-character number, a first-generation 15-digit one, or
// something long enough to hide one. Word characters around the run do not protect it.
const ID_LIKE_RUN = /\d{14,}[\dXx]/g;

/**
 * Masks anything in free text that could be a resident ID number (a run of 15+ digits, optionally ending in X),
 * keeping its first 6 and last 4 characters like `maskIdNumber`. For text a producer wrote that the platform passes
 * on (an integrator's job id or idempotency key in an event), where the shape of the text is not under our control.
 */
export function maskIdNumbersIn(text: string): string {
  return text.replace(
    ID_LIKE_RUN,
    (run) => `${run.slice(0, 6)}${'*'.repeat(run.length - 10)}${run.slice(-4)}`,
  );
}
