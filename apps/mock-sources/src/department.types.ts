import { type IncomingHttpHeaders } from 'node:http';
import { type PersonProfile } from './person-profile.types';
import { type MockSourceCode } from './source-codes';

/** One call as a department sees it. */
export interface DepartmentCall {
  readonly headers: IncomingHttpHeaders;
  readonly query: unknown;
  readonly body: unknown;
}

/** One person a department answers about. */
export interface PersonRecord {
  readonly idNumber: string;
  readonly profile: PersonProfile;
}

export type DepartmentErrorStatus = 400 | 401 | 413 | 500 | 503;

/**
 * One mocked department: its own route, key check, request and answer format. The gateway applies behaviour
 * (latency, errors, down), the call log and validation around it.
 */
export interface Department {
  readonly code: MockSourceCode;
  /**
   * The most persons one call may carry (SPEC 10: each department states its own maximum, listed in the README); a
   * larger call is refused with 413 and the department's own error body, as a real department would.
   */
  readonly maxBatch: number;
  /** POST route, relative to the service root. */
  readonly path: string;
  /** The ID numbers the call asks about (unchecked values), or null when the body is not this department's request. */
  idNumbersOf(call: DepartmentCall): unknown[] | null;
  /** Extra request checks beyond the ID numbers (e.g. a tax period). */
  acceptsRequest?(call: DepartmentCall): boolean;
  authorised(call: DepartmentCall): boolean;
  answer(persons: readonly PersonRecord[]): unknown;
  /** The department's own error body for a failed call. */
  errorBody(status: DepartmentErrorStatus): unknown;
  /** Test-only: an answer (raw text) that breaks this department's own format. */
  malformed(persons: readonly PersonRecord[]): string;
}

export const STATUS_TEXT: Readonly<Record<DepartmentErrorStatus, string>> = {
  400: 'bad request',
  401: 'invalid or missing API key',
  413: 'too many persons in one call',
  500: 'internal error',
  503: 'service unavailable',
};

export function objectOf(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** `body[key]` when it is an array, else null. */
export function listAt(value: unknown, key: string): unknown[] | null {
  const list = objectOf(value)?.[key];
  return Array.isArray(list) ? (list as unknown[]) : null;
}

/** A list of `{ [key]: id }` objects → the ids (non-objects pass through, so the gateway refuses them). */
export function idsOfObjects(list: unknown[] | null, key: string): unknown[] | null {
  return list ? list.map((entry) => objectOf(entry)?.[key] ?? entry) : null;
}

export function headerOf(call: DepartmentCall, name: string): string | undefined {
  const value = call.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function nonEmpty<T>(list: readonly T[] | null | undefined): list is readonly T[] {
  return Array.isArray(list) && list.length > 0;
}
