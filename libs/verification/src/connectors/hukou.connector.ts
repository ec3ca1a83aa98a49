import {
  expectValue,
  readAreaCode,
  readArray,
  readCode,
  readDate,
  readObject,
  readPerPerson,
  readString,
} from './answer-reader';
import {
  foundAnswer,
  HttpSourceConnector,
  noRecordAnswer,
  type PersonAnswer,
  type SourceRequest,
} from './http-source.connector';

/** 公安 户籍 (HUKOU): `X-Api-Key`; `{ code: 0, data: [{ sfzh, cxjg, hjzt, swrq: YYYYMMDD, hjszd }] }`. */
export class HukouConnector extends HttpSourceConnector<'HUKOU'> {
  readonly source = 'HUKOU';
  protected readonly path = '/gaj/hukou/v1/persons/batch-query';

  protected buildRequest(idNumbers: readonly string[]): SourceRequest {
    return { headers: { 'x-api-key': this.apiKey }, body: { sfzhList: idNumbers } };
  }

  protected readAnswer(answer: unknown, idNumbers: readonly string[]): Map<string, PersonAnswer<'HUKOU'>> {
    const envelope = readObject(answer, '$');
    expectValue(envelope.code, '$.code', 0);
    return readPerPerson(readArray(envelope.data, '$.data'), '$.data', 'sfzh', idNumbers, (row, path) => {
      // 查询结果: 1 found, 0 no such person.
      if (!readCode(row.cxjg, `${path}.cxjg`, { '1': true, '0': false })) return noRecordAnswer('HUKOU', row);
      const deceased = readCode(row.hjzt, `${path}.hjzt`, { 正常: false, 死亡: true });
      const deathText = readString(row.swrq, `${path}.swrq`);
      const deathDate = deceased && deathText !== '' ? readDate(deathText, `${path}.swrq`, 'YYYYMMDD') : null;
      const area = readString(row.hjszd, `${path}.hjszd`);
      const hukouAreaCode = area === '' ? null : readAreaCode(area, `${path}.hjszd`);
      return foundAnswer<'HUKOU'>({ found: true, deceased, deathDate, hukouAreaCode }, row);
    });
  }
}
