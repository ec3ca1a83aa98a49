import { DEPARTMENT_KEYS } from '../department-keys';
import {
  listAt,
  nonEmpty,
  objectOf,
  STATUS_TEXT,
  type Department,
  type PersonRecord,
} from '../department.types';
import { fenToYuan } from '../formatting';

function row({ idNumber, profile }: PersonRecord): Record<string, unknown> {
  const insured =
    nonEmpty(profile.employment) ||
    nonEmpty(profile.pensions) ||
    profile.unemploymentBenefitMonthlyFen != null;
  if (!insured) return { cert_no: idNumber, insured: '0' };
  return {
    cert_no: idNumber,
    insured: '1',
    employments: (profile.employment ?? []).map((job) => ({
      unit_name: job.employer,
      contribution_base: fenToYuan(job.monthlyWageFen),
    })),
    pensions: (profile.pensions ?? []).map((pension) => ({
      // 01 企业职工基本养老保险, 02 城乡居民基本养老保险.
      pension_kind: pension.type === 'EMPLOYEE' ? '01' : '02',
      monthly_amount: fenToYuan(pension.monthlyFen),
      basic_central: fenToYuan(pension.centralBaseFen),
    })),
    unemployment_benefit: fenToYuan(profile.unemploymentBenefitMonthlyFen ?? 0),
  };
}

const RET_CODES: Readonly<Record<number, string>> = { 400: '20', 401: '10', 413: '21', 500: '99', 503: '98' };

/** 人社: `appKey` in the body, snake_case, `{ ret: "00", rows: [...] }`, money as yuan strings. */
export const socialSecurityDepartment: Department = {
  code: 'SOCIAL_SECURITY',
  maxBatch: 200,
  path: '/rsj/si/v2/insured-persons/batch',
  idNumbersOf: (call) => listAt(call.body, 'certNos'),
  authorised: (call) => objectOf(call.body)?.appKey === DEPARTMENT_KEYS.SOCIAL_SECURITY,
  answer: (persons) => ({ ret: '00', retMsg: 'success', rows: persons.map(row) }),
  errorBody: (status) => ({ ret: RET_CODES[status], retMsg: STATUS_TEXT[status] }),
  malformed: (persons) =>
    JSON.stringify({
      ret: '00',
      retMsg: 'success',
      rows: persons.map(({ idNumber }) => ({
        cert_no: idNumber,
        insured: '1',
        employments: [{ unit_name: '永州某公司', contribution_base: '3,000.00' }],
        pensions: [],
        unemployment_benefit: '0.00',
      })),
    }),
};
