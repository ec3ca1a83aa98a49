import {
  expectValue,
  readArray,
  readBoolean,
  readCode,
  readObject,
  readPerPerson,
  readText,
  readWanYuan,
  MalformedAnswerError,
} from './answer-reader';
import {
  foundAnswer,
  HttpSourceConnector,
  noRecordAnswer,
  type PersonAnswer,
  type SourceRequest,
} from './http-source.connector';
import { type BusinessRecord } from './source-records.types';

const KINDS = { 企业: 'ENTERPRISE', 农民专业合作社: 'ENTERPRISE', 个体工商户: 'INDIVIDUAL' } as const;
// The operator (经营者) of an individual business is its legal representative for the ENTERPRISE rule's purposes.
const ROLES = {
  法定代表人: 'LEGAL_REP',
  经营者: 'LEGAL_REP',
  负责人: 'LEGAL_REP',
  股东: 'SHAREHOLDER',
  投资人: 'SHAREHOLDER',
} as const;
const STATES = { 存续: 'ACTIVE', 在业: 'ACTIVE', 开业: 'ACTIVE', 吊销: 'REVOKED', 注销: 'REVOKED' } as const;

/**
 * 市场监管 (MARKET_REGULATION): `Authorization: Bearer …`; `{ success: true, result: { list: [{ idCard, hasRecord,
 * entities }] } }`, Chinese code values, registered capital in 万元 strings.
 */
export class MarketRegulationConnector extends HttpSourceConnector<'MARKET_REGULATION'> {
  readonly source = 'MARKET_REGULATION';
  protected readonly path = '/scjg/api/v1/entity-roles/query';

  protected buildRequest(idNumbers: readonly string[]): SourceRequest {
    return { headers: { authorization: `Bearer ${this.apiKey}` }, body: { idCards: idNumbers } };
  }

  protected readAnswer(
    answer: unknown,
    idNumbers: readonly string[],
  ): Map<string, PersonAnswer<'MARKET_REGULATION'>> {
    const envelope = readObject(answer, '$');
    expectValue(envelope.success, '$.success', true);
    const list = readArray(readObject(envelope.result, '$.result').list, '$.result.list');
    return readPerPerson(list, '$.result.list', 'idCard', idNumbers, (entry, path) => {
      const entities = readArray(entry.entities ?? [], `${path}.entities`);
      if (!readBoolean(entry.hasRecord, `${path}.hasRecord`)) {
        if (entities.length > 0)
          throw new MalformedAnswerError(`${path}.entities`, 'no entities without a record');
        return noRecordAnswer('MARKET_REGULATION', entry);
      }
      const businesses = entities.map((value, index): BusinessRecord => {
        const at = `${path}.entities[${index}]`;
        const entity = readObject(value, at);
        // Capital in foreign currencies would need a rate nobody gave us: refuse rather than guess.
        expectValue(entity.regCapCur, `${at}.regCapCur`, '人民币万元');
        return {
          name: readText(entity.entName, `${at}.entName`),
          kind: readCode(entity.entType, `${at}.entType`, KINDS),
          role: readCode(entity.role, `${at}.role`, ROLES),
          registeredCapitalFen: readWanYuan(entity.regCap, `${at}.regCap`),
          status: readCode(entity.regState, `${at}.regState`, STATES),
        };
      });
      return foundAnswer<'MARKET_REGULATION'>(businesses, entry);
    });
  }
}
