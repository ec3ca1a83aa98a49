import { DEPARTMENT_KEYS } from '../department-keys';
import {
  idsOfObjects,
  listAt,
  objectOf,
  STATUS_TEXT,
  type Department,
  type PersonRecord,
} from '../department.types';
import { fenToYuan } from '../formatting';
import { HashStream } from '../hash-stream';

const BANKS = [
  '中国农业银行永州分行',
  '中国建设银行永州分行',
  '永州农村商业银行',
  '中国邮政储蓄银行永州市分行',
];

interface Account {
  institution: string;
  productType: '01' | '02' | '03';
  balance: string;
  currency: 'CNY';
}

/** Deposits spread over one to three banks, deterministically, so the platform has to add them up. */
function depositAccounts(idNumber: string, depositsFen: number): Account[] {
  const stream = HashStream.of(`banks:${idNumber}`);
  const count = depositsFen === 0 ? 1 : stream.int(1, 3);
  const accounts: Account[] = [];
  let remaining = depositsFen;
  for (let i = 0; i < count; i++) {
    const amount = i === count - 1 ? remaining : Math.floor(remaining * stream.next());
    remaining -= amount;
    accounts.push({
      institution: BANKS[i] ?? '其他银行',
      productType: '01',
      balance: fenToYuan(amount),
      currency: 'CNY',
    });
  }
  return accounts;
}

function customer({ idNumber, profile }: PersonRecord): Record<string, unknown> {
  if (profile.bankingInquiryFails === true)
    return { certNo: idNumber, rspCode: '100500', rspMsg: '该客户查询失败，请稍后重试' };
  const banking = profile.banking;
  if (banking == null) return { certNo: idNumber, rspCode: '100404', rspMsg: '无此客户' };
  const accounts = depositAccounts(idNumber, banking.depositsFen);
  if (banking.securitiesFen > 0)
    accounts.push({
      institution: '某某证券永州营业部',
      productType: '02',
      balance: fenToYuan(banking.securitiesFen),
      currency: 'CNY',
    });
  if (banking.wealthProductsFen > 0)
    accounts.push({
      institution: BANKS[0] ?? '其他银行',
      productType: '03',
      balance: fenToYuan(banking.wealthProductsFen),
      currency: 'CNY',
    });
  return { certNo: idNumber, rspCode: '000000', accounts };
}

const RSP_CODES: Readonly<Record<number, string>> = {
  400: '900400',
  401: '900401',
  413: '900413',
  500: '999999',
  503: '900503',
};

/** 银行业金融机构: key in a request header block, per-account balances (yuan strings) the platform must sum. */
export const bankingDepartment: Department = {
  code: 'BANKING',
  maxBatch: 50,
  path: '/bank/account-inquiry/batch',
  idNumbersOf: (call) => idsOfObjects(listAt(objectOf(call.body)?.body, 'customers'), 'certNo'),
  authorised: (call) => objectOf(objectOf(call.body)?.header)?.apiKey === DEPARTMENT_KEYS.BANKING,
  answer: (persons) => ({
    header: { rspCode: '000000', rspMsg: '交易成功' },
    body: { customers: persons.map(customer) },
  }),
  errorBody: (status) => ({ header: { rspCode: RSP_CODES[status], rspMsg: STATUS_TEXT[status] } }),
  malformed: (persons) =>
    JSON.stringify({
      header: { rspCode: '000000', rspMsg: '交易成功' },
      body: { customers: persons.slice(1).map(customer) },
    }),
};
