/**
 * GB 11643 resident ID numbers in the browser: the check digit (ISO 7064 MOD 11-2), the birth date, age and sex — so
 * the intake form can tell a clerk at once that a number is mistyped, and fill age and sex without asking.
 * Messages are Chinese; no number is ever logged or stored.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export interface IdFacts {
  idNumber: string;
  birthDate: string;
  sex: 'M' | 'F';
  /** Whole years on `on` (China date). */
  age: number;
}

export type IdCheck = { ok: true; facts: IdFacts } | { ok: false; message: string };

export function checkCharOf(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/** Age in whole years on `on` (YYYY-MM-DD) of someone born on `birthDate` (YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  return oy - by - (om < bm || (om === bm && od < bd) ? 1 : 0);
}

/** Checks an ID number as typed; `today` is the China date (YYYY-MM-DD) used for "not in the future" and the age. */
export function checkIdNumber(raw: string, today: string): IdCheck {
  const id = raw.trim().toUpperCase();
  if (id.length === 0) return { ok: false, message: '请输入身份证号码' };
  if (id.length !== 18) return { ok: false, message: `身份证号码应为 18 位（现为 ${id.length} 位）` };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, message: '身份证号码应为 17 位数字加 1 位数字或 X' };
  if (checkCharOf(id) !== id.charAt(17))
    return { ok: false, message: '身份证号码校验位错误，请核对是否输错' };
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (!isRealDate(year, month, day)) return { ok: false, message: '身份证号码中的出生日期不存在' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (birthDate < '1900-01-01') return { ok: false, message: '出生日期不能早于 1900-01-01' };
  if (birthDate > today) return { ok: false, message: '出生日期不能晚于今天' };
  const sex = Number(id.charAt(16)) % 2 === 1 ? 'M' : 'F';
  return { ok: true, facts: { idNumber: id, birthDate, sex, age: ageOn(birthDate, today) } };
}

export const SEX_LABELS: Record<'M' | 'F', string> = { M: '男', F: '女' };
