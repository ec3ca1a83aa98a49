import { compactDateToIso, epochMillisToChinaDate, separatedDateToIso } from './date-parsing';
import { wanYuanToFen, yuanNumberToFen, yuanToFen } from './money-parsing';

/**
 * Strict readers for department answers. A reader either returns the typed value or throws `MalformedAnswerError`
 * naming the JSON path and what was expected; never the value itself, which may be personal data.
 */
export class MalformedAnswerError extends Error {
  constructor(
    readonly path: string,
    expected: string,
  ) {
    super(`malformed answer at ${path}: expected ${expected}`);
    this.name = 'MalformedAnswerError';
  }
}

export type JsonObject = Readonly<Record<string, unknown>>;

export function readObject(value: unknown, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new MalformedAnswerError(path, 'an object');
  return value as JsonObject;
}

export function readArray(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new MalformedAnswerError(path, 'an array');
  return value as readonly unknown[];
}

export function readString(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new MalformedAnswerError(path, 'a string');
  return value;
}

export function readText(value: unknown, path: string, maxLength = 200): string {
  const text = readString(value, path).trim();
  if (text.length === 0 || text.length > maxLength)
    throw new MalformedAnswerError(path, `1 to ${maxLength} characters`);
  return text;
}

export function readBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new MalformedAnswerError(path, 'a boolean');
  return value;
}

export function readInteger(value: unknown, path: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max)
    throw new MalformedAnswerError(path, `an integer from ${min} to ${max}`);
  return value;
}

/** A value from the department's code list, translated to ours. */
export function readCode<T>(value: unknown, path: string, codes: Readonly<Record<string, T>>): T {
  const key = typeof value === 'number' ? String(value) : value;
  if (typeof key !== 'string' || !Object.hasOwn(codes, key))
    throw new MalformedAnswerError(path, `one of ${Object.keys(codes).join(', ')}`);
  return codes[key] as T;
}

/** An envelope field that must hold exactly this value (a success code, a currency). */
export function expectValue(value: unknown, path: string, expected: string | number | boolean): void {
  if (value !== expected) throw new MalformedAnswerError(path, JSON.stringify(expected));
}

export function readYuan(value: unknown, path: string): number {
  const fen = typeof value === 'string' ? yuanToFen(value) : null;
  if (fen === null) throw new MalformedAnswerError(path, 'yuan as a decimal string with at most 2 decimals');
  return fen;
}

export function readYuanNumber(value: unknown, path: string): number {
  const fen = typeof value === 'number' ? yuanNumberToFen(value) : null;
  if (fen === null) throw new MalformedAnswerError(path, 'yuan as a number with at most 2 decimals');
  return fen;
}

export function readWanYuan(value: unknown, path: string): number {
  const fen = typeof value === 'string' ? wanYuanToFen(value) : null;
  if (fen === null) throw new MalformedAnswerError(path, '万元 as a decimal string with at most 6 decimals');
  return fen;
}

export function readFen(value: unknown, path: string): number {
  return readInteger(value, path);
}

export type DateFormat = 'YYYYMMDD' | 'YYYY-MM-DD' | 'YYYY/MM/DD' | 'YYYY.MM.DD';

export function readDate(value: unknown, path: string, format: DateFormat): string {
  const text = readString(value, path);
  const iso =
    format === 'YYYYMMDD'
      ? compactDateToIso(text)
      : separatedDateToIso(text, format === 'YYYY-MM-DD' ? '-' : format === 'YYYY/MM/DD' ? '/' : '.');
  if (iso === null) throw new MalformedAnswerError(path, `a real date ${format}`);
  return iso;
}

export function readEpochMillisDate(value: unknown, path: string): string {
  const iso = typeof value === 'number' ? epochMillisToChinaDate(value) : null;
  if (iso === null) throw new MalformedAnswerError(path, 'epoch milliseconds');
  return iso;
}

export function readAreaCode(value: unknown, path: string): string {
  const text = readString(value, path);
  if (!/^\d{6}(\d{3})?$/.test(text)) throw new MalformedAnswerError(path, 'a 6- or 9-digit area code');
  return text;
}

/** Adds amounts, refusing a sum that is no longer exact. */
export function sumFen(amounts: readonly number[], path: string): number {
  const total = amounts.reduce((sum, amount) => sum + amount, 0);
  if (!Number.isSafeInteger(total)) throw new MalformedAnswerError(path, 'amounts that add up exactly');
  return total;
}

/**
 * Reads a department's per-person list: each entry must name a person that was asked about, once. With
 * `complete`, every person asked about must have an entry. Paths use list positions, never ID numbers.
 */
export function readPerPerson<T>(
  list: readonly unknown[],
  path: string,
  idField: string,
  idNumbers: readonly string[],
  readEntry: (entry: JsonObject, path: string) => T,
  complete = true,
): Map<string, T> {
  const asked = new Set(idNumbers);
  const answers = new Map<string, T>();
  list.forEach((value, index) => {
    const entryPath = `${path}[${index}]`;
    const entry = readObject(value, entryPath);
    const idNumber = readString(entry[idField], `${entryPath}.${idField}`).toUpperCase();
    if (!asked.has(idNumber))
      throw new MalformedAnswerError(`${entryPath}.${idField}`, 'a person that was asked about');
    if (answers.has(idNumber))
      throw new MalformedAnswerError(`${entryPath}.${idField}`, 'one entry per person');
    answers.set(idNumber, readEntry(entry, entryPath));
  });
  if (complete && answers.size !== asked.size)
    throw new MalformedAnswerError(path, 'an entry for every person asked about');
  return answers;
}
