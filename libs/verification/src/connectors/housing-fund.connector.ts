import { expectValue, readArray, readCode, readObject, readPerPerson, readYuanNumber } from './answer-reader';
import {
  foundAnswer,
  HttpSourceConnector,
  noRecordAnswer,
  type PersonAnswer,
  type SourceRequest,
} from './http-source.connector';

// 个人状态: 01 正常缴存, 02 封存, 99 未查到.
const STATES = { '01': 'PAYING', '02': 'SUSPENDED', '99': 'NONE' } as const;

/**
 * 住房公积金 (HOUSING_FUND): `?access_key=` in the URL; `{ errcode: 0, list: [{ zjhm, grzt, jcjs }] }` with the
 * contribution base in yuan as a JSON number.
 */
export class HousingFundConnector extends HttpSourceConnector<'HOUSING_FUND'> {
  readonly source = 'HOUSING_FUND';
  protected readonly path = '/gjj/query/deposit-base';

  protected buildRequest(idNumbers: readonly string[]): SourceRequest {
    return {
      query: { access_key: this.apiKey },
      body: { persons: idNumbers.map((zjhm) => ({ zjhm, zjlx: '01' })) },
    };
  }

  protected readAnswer(
    answer: unknown,
    idNumbers: readonly string[],
  ): Map<string, PersonAnswer<'HOUSING_FUND'>> {
    const envelope = readObject(answer, '$');
    expectValue(envelope.errcode, '$.errcode', 0);
    return readPerPerson(readArray(envelope.list, '$.list'), '$.list', 'zjhm', idNumbers, (entry, path) => {
      const state = readCode(entry.grzt, `${path}.grzt`, STATES);
      if (state === 'NONE') return noRecordAnswer('HOUSING_FUND', entry);
      const base = readYuanNumber(entry.jcjs, `${path}.jcjs`);
      // Nobody pays into a suspended account: its last base is no evidence of a current wage.
      return foundAnswer<'HOUSING_FUND'>(
        { baseFen: state === 'PAYING' ? base : 0, accountStatus: state },
        entry,
      );
    });
  }
}
