import { DEPARTMENT_KEYS } from '../department-keys';
import {
  idsOfObjects,
  listAt,
  objectOf,
  STATUS_TEXT,
  type Department,
  type PersonRecord,
} from '../department.types';
import { fenToYuanNumber } from '../formatting';

function entry({ idNumber, profile }: PersonRecord): Record<string, unknown> {
  const base = profile.housingFundBaseFen;
  // 个人状态: 01 正常缴存, 02 封存, 99 未查到.
  if (base == null) return { zjhm: idNumber, grzt: '99' };
  return {
    zjhm: idNumber,
    grzt: base > 0 ? '01' : '02',
    jcjs: fenToYuanNumber(base),
    dwmc: profile.employment?.[0]?.employer ?? '',
  };
}

const ERRCODES: Readonly<Record<number, number>> = {
  400: 40000,
  401: 40001,
  413: 41300,
  500: 50000,
  503: 50300,
};

/** 住房公积金: `?access_key=` in the URL, `{ errcode: 0, list: [...] }`, the base in yuan as a JSON number. */
export const housingFundDepartment: Department = {
  code: 'HOUSING_FUND',
  maxBatch: 50,
  path: '/gjj/query/deposit-base',
  idNumbersOf: (call) => idsOfObjects(listAt(call.body, 'persons'), 'zjhm'),
  authorised: (call) => objectOf(call.query)?.access_key === DEPARTMENT_KEYS.HOUSING_FUND,
  answer: (persons) => ({ errcode: 0, errmsg: 'ok', list: persons.map(entry) }),
  errorBody: (status) => ({ errcode: ERRCODES[status], errmsg: STATUS_TEXT[status] }),
  malformed: (persons) =>
    JSON.stringify({
      errcode: 0,
      errmsg: 'ok',
      list: persons.map(({ idNumber }) => ({ zjhm: idNumber, grzt: '01', jcjs: '4500.00元', dwmc: '' })),
    }),
};
