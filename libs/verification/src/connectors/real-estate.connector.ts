import {
  expectValue,
  readArray,
  readCode,
  readDate,
  readInteger,
  readObject,
  readPerPerson,
  readString,
  readText,
  MalformedAnswerError,
} from './answer-reader';
import {
  foundAnswer,
  HttpSourceConnector,
  noRecordAnswer,
  type PersonAnswer,
  type SourceRequest,
} from './http-source.connector';
import { type PropertyRecord } from './source-records.types';

/** 规划用途 on the certificate → the platform's property types. */
const USES = {
  住宅: 'DWELLING',
  商业服务: 'COMMERCIAL',
  商业: 'COMMERCIAL',
  办公: 'COMMERCIAL',
  工业: 'OTHER',
  其它: 'OTHER',
  其他: 'OTHER',
} as const;

function readArea(value: unknown, path: string): number {
  const text = readString(value, path);
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(text))
    throw new MalformedAnswerError(path, 'an area in m² with at most 2 decimals');
  return Number(text);
}

/**
 * 不动产登记 (REAL_ESTATE): `X-BDC-Token`; `{ status: "OK", total, items: [{ qlrzjhm, bdcqz: [...] }] }`. A person
 * without any property right is absent from `items`: that is this department's "no record".
 */
export class RealEstateConnector extends HttpSourceConnector<'REAL_ESTATE'> {
  readonly source = 'REAL_ESTATE';
  protected readonly path = '/bdc/openapi/property-rights/search';

  protected buildRequest(idNumbers: readonly string[]): SourceRequest {
    return { headers: { 'x-bdc-token': this.apiKey }, body: { qlrzjhm: idNumbers } };
  }

  protected readAnswer(
    answer: unknown,
    idNumbers: readonly string[],
  ): Map<string, PersonAnswer<'REAL_ESTATE'>> {
    const envelope = readObject(answer, '$');
    expectValue(envelope.status, '$.status', 'OK');
    const items = readArray(envelope.items, '$.items');
    if (readInteger(envelope.total, '$.total') !== items.length)
      throw new MalformedAnswerError('$.total', 'the number of items');
    const found = readPerPerson(
      items,
      '$.items',
      'qlrzjhm',
      idNumbers,
      (item, path) => {
        const rights = readArray(item.bdcqz, `${path}.bdcqz`).map((value, index): PropertyRecord => {
          const at = `${path}.bdcqz[${index}]`;
          const right = readObject(value, at);
          return {
            certificateNo: readText(right.bdcqzh, `${at}.bdcqzh`, 100),
            type: readCode(right.ghyt, `${at}.ghyt`, USES),
            areaSqm: readArea(right.jzmj, `${at}.jzmj`),
            registeredOn: readDate(right.djsj, `${at}.djsj`, 'YYYY-MM-DD'),
          };
        });
        return foundAnswer<'REAL_ESTATE'>(rights, item);
      },
      false,
    );
    for (const idNumber of idNumbers)
      if (!found.has(idNumber)) found.set(idNumber, noRecordAnswer('REAL_ESTATE', null));
    return found;
  }
}
