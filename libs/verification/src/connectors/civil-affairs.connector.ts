import {
  readAreaCode,
  readArray,
  readBoolean,
  readCode,
  readEpochMillisDate,
  readObject,
  readPerPerson,
  readString,
  MalformedAnswerError,
} from './answer-reader';
import {
  foundAnswer,
  HttpSourceConnector,
  noRecordAnswer,
  type PersonAnswer,
  type SourceRequest,
} from './http-source.connector';
import { type AssistanceRecord, type MaritalStatus } from './source-records.types';

/** GB/T 2261.2 婚姻状况 codes; 90 (未说明) is no status at all. */
const MARRIAGE: Readonly<Record<string, MaritalStatus | null>> = {
  '10': 'UNMARRIED',
  '20': 'MARRIED',
  '21': 'MARRIED',
  '22': 'MARRIED',
  '23': 'MARRIED',
  '30': 'WIDOWED',
  '40': 'DIVORCED',
  '90': null,
};

/**
 * 民政 (CIVIL_AFFAIRS): `X-MZ-Key`; `{ code: 200, data: { people: [{ id_card, exists, marriage_status,
 * assistance: [{ type, area_code, start_ms }] }] } }`, dates as epoch milliseconds.
 */
export class CivilAffairsConnector extends HttpSourceConnector<'CIVIL_AFFAIRS'> {
  readonly source = 'CIVIL_AFFAIRS';
  protected readonly path = '/mzj/v1/family-checks';

  protected buildRequest(idNumbers: readonly string[]): SourceRequest {
    return {
      headers: { 'x-mz-key': this.apiKey },
      body: { people: idNumbers.map((id_card) => ({ id_card })) },
    };
  }

  protected readAnswer(
    answer: unknown,
    idNumbers: readonly string[],
  ): Map<string, PersonAnswer<'CIVIL_AFFAIRS'>> {
    const envelope = readObject(answer, '$');
    if (envelope.code !== 200) throw new MalformedAnswerError('$.code', '200');
    const people = readArray(readObject(envelope.data, '$.data').people, '$.data.people');
    return readPerPerson(people, '$.data.people', 'id_card', idNumbers, (person, path) => {
      if (!readBoolean(person.exists, `${path}.exists`)) return noRecordAnswer('CIVIL_AFFAIRS', person);
      const receivingAssistance = readArray(person.assistance, `${path}.assistance`).map(
        (value, index): AssistanceRecord => {
          const at = `${path}.assistance[${index}]`;
          const assistance = readObject(value, at);
          const programme = readString(assistance.type, `${at}.type`);
          if (!/^[A-Z][A-Z0-9_]{0,31}$/.test(programme))
            throw new MalformedAnswerError(`${at}.type`, 'a programme code');
          return {
            programme,
            areaCode: readAreaCode(assistance.area_code, `${at}.area_code`),
            since:
              assistance.start_ms == null ? null : readEpochMillisDate(assistance.start_ms, `${at}.start_ms`),
          };
        },
      );
      const maritalStatus = readCode(person.marriage_status, `${path}.marriage_status`, MARRIAGE);
      return foundAnswer<'CIVIL_AFFAIRS'>({ maritalStatus, receivingAssistance }, person);
    });
  }
}
