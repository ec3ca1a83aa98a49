import {
  expectValue,
  readArray,
  readCode,
  readObject,
  readPerPerson,
  readYuan,
  sumFen,
} from './answer-reader';
import {
  foundAnswer,
  HttpSourceConnector,
  noRecordAnswer,
  personErrorAnswer,
  type PersonAnswer,
  type SourceRequest,
} from './http-source.connector';

const PRODUCTS = { '01': 'DEPOSIT', '02': 'SECURITIES', '03': 'WEALTH' } as const;

function requestTime(now: Date): string {
  // yyyyMMddHHmmss in China time, as the banking channel expects.
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().replace(/\D/g, '').slice(0, 14);
}

/**
 * 银行业金融机构 (BANKING): key in the request `header` block; per-account balances (yuan strings) by product type,
 * summed here: `{ header: { rspCode }, body: { customers: [{ certNo, rspCode, accounts }] } }`.
 */
export class BankingConnector extends HttpSourceConnector<'BANKING'> {
  readonly source = 'BANKING';
  protected readonly path = '/bank/account-inquiry/batch';

  protected buildRequest(idNumbers: readonly string[]): SourceRequest {
    return {
      body: {
        header: { channelId: 'HEV', apiKey: this.apiKey, reqTime: requestTime(this.now()) },
        body: { customers: idNumbers.map((certNo) => ({ certType: '01', certNo })) },
      },
    };
  }

  protected readAnswer(answer: unknown, idNumbers: readonly string[]): Map<string, PersonAnswer<'BANKING'>> {
    const envelope = readObject(answer, '$');
    expectValue(readObject(envelope.header, '$.header').rspCode, '$.header.rspCode', '000000');
    const customers = readArray(readObject(envelope.body, '$.body').customers, '$.body.customers');
    return readPerPerson(customers, '$.body.customers', 'certNo', idNumbers, (customer, path) => {
      // 000000 found, 100404 no such customer in any institution, 100500 the inquiry failed for this customer.
      if (customer.rspCode === '100500')
        return personErrorAnswer('BANKING', customer, 'inquiry failed for one customer (100500)');
      if (!readCode(customer.rspCode, `${path}.rspCode`, { '000000': true, '100404': false }))
        return noRecordAnswer('BANKING', customer);
      const balances = { DEPOSIT: [] as number[], SECURITIES: [] as number[], WEALTH: [] as number[] };
      readArray(customer.accounts, `${path}.accounts`).forEach((value, index) => {
        const at = `${path}.accounts[${index}]`;
        const account = readObject(value, at);
        expectValue(account.currency, `${at}.currency`, 'CNY');
        balances[readCode(account.productType, `${at}.productType`, PRODUCTS)].push(
          readYuan(account.balance, `${at}.balance`),
        );
      });
      return foundAnswer<'BANKING'>(
        {
          depositsFen: sumFen(balances.DEPOSIT, `${path}.accounts`),
          securitiesFen: sumFen(balances.SECURITIES, `${path}.accounts`),
          wealthProductsFen: sumFen(balances.WEALTH, `${path}.accounts`),
        },
        customer,
      );
    });
  }
}
