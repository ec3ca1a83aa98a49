import { DEPARTMENT_KEYS } from '../department-keys';
import { headerOf, listAt, nonEmpty, type Department, type PersonRecord } from '../department.types';
import { fenToWanYuan } from '../formatting';
import { type ProfileBusiness } from '../person-profile.types';

function roleOf(business: ProfileBusiness): string {
  if (business.role === 'SHAREHOLDER') return '股东';
  return business.kind === 'INDIVIDUAL' ? '经营者' : '法定代表人';
}

function entry({ idNumber, profile }: PersonRecord): Record<string, unknown> {
  if (!nonEmpty(profile.businesses)) return { idCard: idNumber, hasRecord: false, entities: [] };
  return {
    idCard: idNumber,
    hasRecord: true,
    entities: profile.businesses.map((business) => ({
      entName: business.name,
      entType: business.kind === 'INDIVIDUAL' ? '个体工商户' : '企业',
      role: roleOf(business),
      regCap: fenToWanYuan(business.registeredCapitalFen),
      regCapCur: '人民币万元',
      regState: business.status === 'ACTIVE' ? '存续' : '吊销',
    })),
  };
}

const ERROR_CODES: Readonly<Record<number, string>> = {
  400: 'BAD_PARAM',
  401: 'AUTH_FAILED',
  413: 'TOO_MANY_ID_CARDS',
  500: 'SYSTEM_ERROR',
  503: 'MAINTENANCE',
};

/** 市场监管: `Authorization: Bearer …`, Chinese enumerations, capital in 万元 strings, `{ success, result: { list } }`. */
export const marketRegulationDepartment: Department = {
  code: 'MARKET_REGULATION',
  maxBatch: 100,
  path: '/scjg/api/v1/entity-roles/query',
  idNumbersOf: (call) => listAt(call.body, 'idCards'),
  authorised: (call) => headerOf(call, 'authorization') === `Bearer ${DEPARTMENT_KEYS.MARKET_REGULATION}`,
  answer: (persons) => ({ success: true, result: { list: persons.map(entry) } }),
  errorBody: (status) => ({ success: false, errorCode: ERROR_CODES[status] }),
  malformed: (persons) =>
    JSON.stringify({
      success: true,
      result: {
        list: persons.map(({ idNumber }) => ({
          idCard: idNumber,
          hasRecord: true,
          entities: [
            {
              entName: '某某商行',
              entType: '个体工商户',
              role: '经营者',
              regCap: 'abc',
              regCapCur: '人民币万元',
              regState: '存续',
            },
          ],
        })),
      },
    }),
};
