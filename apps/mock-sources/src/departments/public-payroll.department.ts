import { DEPARTMENT_KEYS } from '../department-keys';
import { listAt, objectOf, type Department, type PersonRecord } from '../department.types';

function flag(profile: PersonRecord['profile']): Record<string, string> | null {
  // 是否财政供养: 1 yes, 0 no; null when the payroll system does not know the person.
  return profile.publicPayroll == null ? null : { sfcz: profile.publicPayroll ? '1' : '0' };
}

const RESULT_CODES: Readonly<Record<number, string>> = {
  400: 'PARAM_ERROR',
  401: 'AUTH_ERROR',
  413: 'BATCH_LIMIT_EXCEEDED',
  500: 'SYSTEM_ERROR',
  503: 'SYSTEM_BUSY',
};

/** 编制/财政: `token` in the body, an answer keyed by ID number (`{ persons: { "<id>": {...} | null } }`). */
export const publicPayrollDepartment: Department = {
  code: 'PUBLIC_PAYROLL',
  maxBatch: 300,
  path: '/czgy/payroll/check',
  idNumbersOf: (call) => listAt(call.body, 'sfzhm'),
  authorised: (call) => objectOf(call.body)?.token === DEPARTMENT_KEYS.PUBLIC_PAYROLL,
  answer: (persons) => ({
    resultCode: 'SUCCESS',
    persons: Object.fromEntries(persons.map((person) => [person.idNumber, flag(person.profile)])),
  }),
  errorBody: (status) => ({ resultCode: RESULT_CODES[status] }),
  malformed: (persons) =>
    JSON.stringify({
      resultCode: 'SUCCESS',
      persons: Object.fromEntries(persons.map(({ idNumber }) => [idNumber, { sfcz: 'maybe' }])),
    }),
};
