import { DEPARTMENT_KEYS } from '../department-keys';
import { headerOf, listAt, STATUS_TEXT, type Department, type PersonRecord } from '../department.types';
import { dateBetween, dottedDate } from '../formatting';
import { HashStream } from '../hash-stream';
import { type DisabilityCategory } from '../person-profile.types';

/** GB/T 26341 残疾类别 codes. */
const CATEGORY_CODES: Readonly<Record<DisabilityCategory, number>> = {
  VISUAL: 1,
  HEARING: 2,
  SPEECH: 3,
  PHYSICAL: 4,
  INTELLECTUAL: 5,
  MENTAL: 6,
  MULTIPLE: 7,
};

function certificate({ idNumber, profile }: PersonRecord): Record<string, unknown> {
  const disability = profile.disability;
  if (disability == null) return { idCardNo: idNumber, certNo: null };
  const category = CATEGORY_CODES[disability.category];
  return {
    idCardNo: idNumber,
    // The 残疾人证号 is the ID number followed by category and grade.
    certNo: `${idNumber}${category}${disability.grade}`,
    cjlb: category,
    cjdj: disability.grade,
    fzrq: dottedDate(dateBetween('2008-01-01', '2025-12-31', HashStream.of(`cdpf:${idNumber}`).next())),
  };
}

/** 残联: `Authorization: ApiKey …`, a bare JSON array, numeric category/grade codes, dates as YYYY.MM.DD. */
export const disabilityDepartment: Department = {
  code: 'DISABILITY',
  maxBatch: 100,
  path: '/cdpf/certificates/verify',
  idNumbersOf: (call) => listAt(call.body, 'idCardNos'),
  authorised: (call) => headerOf(call, 'authorization') === `ApiKey ${DEPARTMENT_KEYS.DISABILITY}`,
  answer: (persons) => persons.map(certificate),
  errorBody: (status) => ({ message: STATUS_TEXT[status] }),
  malformed: (persons) =>
    JSON.stringify(
      persons.map(({ idNumber }) => ({
        idCardNo: idNumber,
        certNo: `${idNumber}47`,
        cjlb: 4,
        cjdj: 7,
        fzrq: '2015.06.01',
      })),
    ),
};
