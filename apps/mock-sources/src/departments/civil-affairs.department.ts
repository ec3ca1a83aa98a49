import { DEPARTMENT_KEYS } from '../department-keys';
import {
  headerOf,
  idsOfObjects,
  listAt,
  nonEmpty,
  STATUS_TEXT,
  type Department,
  type PersonRecord,
} from '../department.types';
import { chinaMidnightMillis } from '../formatting';
import { type MaritalStatus } from '../person-profile.types';

/** GB/T 2261.2 婚姻状况 codes. */
const MARRIAGE_CODES: Readonly<Record<MaritalStatus, string>> = {
  UNMARRIED: '10',
  MARRIED: '20',
  WIDOWED: '30',
  DIVORCED: '40',
};

function person({ idNumber, profile }: PersonRecord): Record<string, unknown> {
  if (profile.maritalStatus == null && !nonEmpty(profile.receivingAssistance))
    return { id_card: idNumber, exists: false };
  return {
    id_card: idNumber,
    exists: true,
    // 90 未说明的婚姻状况.
    marriage_status: profile.maritalStatus ? MARRIAGE_CODES[profile.maritalStatus] : '90',
    assistance: (profile.receivingAssistance ?? []).map((assistance) => ({
      type: assistance.programme,
      area_code: assistance.areaCode,
      start_ms: assistance.since ? chinaMidnightMillis(assistance.since) : null,
    })),
  };
}

/** 民政: `X-MZ-Key`, snake_case, `{ code: 200, data: { people } }`, dates as epoch milliseconds. */
export const civilAffairsDepartment: Department = {
  code: 'CIVIL_AFFAIRS',
  maxBatch: 200,
  path: '/mzj/v1/family-checks',
  idNumbersOf: (call) => idsOfObjects(listAt(call.body, 'people'), 'id_card'),
  authorised: (call) => headerOf(call, 'x-mz-key') === DEPARTMENT_KEYS.CIVIL_AFFAIRS,
  answer: (persons) => ({ code: 200, data: { people: persons.map(person) } }),
  errorBody: (status) => ({ code: status, message: STATUS_TEXT[status] }),
  malformed: () => '<html><body><h1>502 Bad Gateway</h1></body></html>',
};
