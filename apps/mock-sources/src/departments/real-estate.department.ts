import { DEPARTMENT_KEYS } from '../department-keys';
import {
  headerOf,
  listAt,
  nonEmpty,
  STATUS_TEXT,
  type Department,
  type PersonRecord,
} from '../department.types';
import { dateBetween } from '../formatting';
import { HashStream } from '../hash-stream';
import { type PropertyType } from '../person-profile.types';

/** 规划用途 as written on the certificate. */
const USES: Readonly<Record<PropertyType, string>> = {
  DWELLING: '住宅',
  COMMERCIAL: '商业服务',
  OTHER: '其它',
};

function item({ idNumber, profile }: PersonRecord): Record<string, unknown> | null {
  if (!nonEmpty(profile.properties)) return null;
  return {
    qlrzjhm: idNumber,
    bdcqz: profile.properties.map((right) => ({
      bdcqzh: right.certificateNo,
      ghyt: USES[right.type],
      jzmj: right.areaSqm.toFixed(2),
      djsj:
        right.registeredOn ??
        dateBetween('2010-01-01', '2025-12-31', HashStream.of(right.certificateNo).next()),
    })),
  };
}

/** 不动产登记: `X-BDC-Token`, pinyin, `{ status: "OK", items: [...] }`; a person with no rights is simply absent. */
export const realEstateDepartment: Department = {
  code: 'REAL_ESTATE',
  maxBatch: 100,
  path: '/bdc/openapi/property-rights/search',
  idNumbersOf: (call) => listAt(call.body, 'qlrzjhm'),
  authorised: (call) => headerOf(call, 'x-bdc-token') === DEPARTMENT_KEYS.REAL_ESTATE,
  answer: (persons) => {
    const items = persons.map(item).filter((entry) => entry !== null);
    return { status: 'OK', total: items.length, items };
  },
  errorBody: (status) => ({
    status: status === 401 ? 'UNAUTHORIZED' : status === 400 ? 'BAD_REQUEST' : 'ERROR',
    message: STATUS_TEXT[status],
  }),
  malformed: () => JSON.stringify({ status: 'OK', total: 1 }),
};
