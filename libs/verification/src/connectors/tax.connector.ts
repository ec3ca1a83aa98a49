import { expectValue, readArray, readCode, readFen, readObject, readPerPerson } from './answer-reader';
import { lastTwelveMonths } from './date-parsing';
import {
  foundAnswer,
  HttpSourceConnector,
  noRecordAnswer,
  type PersonAnswer,
  type SourceRequest,
} from './http-source.connector';

/** The application id the platform presents to the tax bureau alongside its secret. */
const TAX_APP_ID = 'hev-platform';

/**
 * 税务 (TAX): `X-Tax-AppId` + `X-Tax-AppSecret`; asks for the twelve whole months before this one (`sssqq`/`sssqz`);
 * `{ code: "0000", payload: { records: [{ nsrsbh, found: Y|N, gzxjsd }] } }` with 工资薪金所得 in integer fen.
 */
export class TaxConnector extends HttpSourceConnector<'TAX'> {
  readonly source = 'TAX';
  protected readonly path = '/swj/etax/v1/wage-income/summary';

  protected buildRequest(idNumbers: readonly string[]): SourceRequest {
    const period = lastTwelveMonths(this.now());
    return {
      headers: { 'x-tax-appid': TAX_APP_ID, 'x-tax-appsecret': this.apiKey },
      body: { nsrsbhList: idNumbers, sssqq: period.from, sssqz: period.to },
    };
  }

  protected readAnswer(answer: unknown, idNumbers: readonly string[]): Map<string, PersonAnswer<'TAX'>> {
    const envelope = readObject(answer, '$');
    expectValue(envelope.code, '$.code', '0000');
    const records = readArray(readObject(envelope.payload, '$.payload').records, '$.payload.records');
    return readPerPerson(records, '$.payload.records', 'nsrsbh', idNumbers, (record, path) => {
      if (!readCode(record.found, `${path}.found`, { Y: true, N: false }))
        return noRecordAnswer('TAX', record);
      return foundAnswer<'TAX'>({ annualTaxableWageFen: readFen(record.gzxjsd, `${path}.gzxjsd`) }, record);
    });
  }
}
