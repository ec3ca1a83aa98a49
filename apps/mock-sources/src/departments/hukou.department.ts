import { DEPARTMENT_KEYS } from '../department-keys';
import { headerOf, listAt, STATUS_TEXT, type Department, type PersonRecord } from '../department.types';
import { compactDate } from '../formatting';

function row({ idNumber, profile }: PersonRecord): Record<string, string> {
  if (profile.alive == null && profile.hukouAreaCode == null) return { sfzh: idNumber, cxjg: '0' };
  const deceased = profile.alive === false;
  return {
    sfzh: idNumber,
    cxjg: '1',
    hjzt: deceased ? '死亡' : '正常',
    swrq: deceased && profile.deathDate ? compactDate(profile.deathDate) : '',
    hjszd: profile.hukouAreaCode ?? '',
  };
}

/** 公安 户籍: `X-Api-Key`, pinyin field names, `{ code: 0, data: [...] }`, dates as YYYYMMDD. */
export const hukouDepartment: Department = {
  code: 'HUKOU',
  maxBatch: 500,
  path: '/gaj/hukou/v1/persons/batch-query',
  idNumbersOf: (call) => listAt(call.body, 'sfzhList'),
  authorised: (call) => headerOf(call, 'x-api-key') === DEPARTMENT_KEYS.HUKOU,
  answer: (persons) => ({ code: 0, msg: '成功', data: persons.map(row) }),
  errorBody: (status) => ({ code: status, msg: STATUS_TEXT[status] }),
  malformed: (persons) => JSON.stringify({ code: 0, msg: '成功', data: { sfzh: persons[0]?.idNumber } }),
};
