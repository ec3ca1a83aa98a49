import { DEPARTMENT_KEYS } from '../department-keys';
import {
  headerOf,
  listAt,
  objectOf,
  STATUS_TEXT,
  type Department,
  type PersonRecord,
} from '../department.types';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

function record({ idNumber, profile }: PersonRecord): Record<string, unknown> {
  if (profile.annualTaxableWageFen == null) return { nsrsbh: idNumber, found: 'N' };
  // 工资薪金所得 in fen over the declared months.
  return { nsrsbh: idNumber, found: 'Y', gzxjsd: profile.annualTaxableWageFen, sbys: 12 };
}

const CODES: Readonly<Record<number, string>> = {
  400: '4000',
  401: '4010',
  413: '4130',
  500: '5000',
  503: '5030',
};

/** 税务: app id + secret headers, a declaration period in the body, amounts as integer fen. */
export const taxDepartment: Department = {
  code: 'TAX',
  maxBatch: 100,
  path: '/swj/etax/v1/wage-income/summary',
  idNumbersOf: (call) => listAt(call.body, 'nsrsbhList'),
  acceptsRequest: (call) => {
    const body = objectOf(call.body);
    const from = body?.sssqq;
    const to = body?.sssqz;
    return (
      typeof from === 'string' && typeof to === 'string' && PERIOD.test(from) && PERIOD.test(to) && from <= to
    );
  },
  authorised: (call) =>
    Boolean(headerOf(call, 'x-tax-appid')) && headerOf(call, 'x-tax-appsecret') === DEPARTMENT_KEYS.TAX,
  answer: (persons) => ({ code: '0000', message: 'OK', payload: { records: persons.map(record) } }),
  errorBody: (status) => ({ code: CODES[status], message: STATUS_TEXT[status] }),
  malformed: (persons) =>
    JSON.stringify({
      code: '0000',
      message: 'OK',
      payload: {
        records: persons.map(({ idNumber }) => ({
          nsrsbh: idNumber,
          found: 'Y',
          gzxjsd: '36000.00',
          sbys: 12,
        })),
      },
    }),
};
