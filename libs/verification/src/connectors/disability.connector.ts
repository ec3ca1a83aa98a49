import { type DisabilityCategory, type DisabilityGrade } from '@app/eligibility';
import { readArray, readCode, readPerPerson, readText } from './answer-reader';
import {
  foundAnswer,
  HttpSourceConnector,
  noRecordAnswer,
  type PersonAnswer,
  type SourceRequest,
} from './http-source.connector';

/** GB/T 26341 残疾类别 codes. */
const CATEGORIES: Readonly<Record<string, DisabilityCategory>> = {
  '1': 'VISUAL',
  '2': 'HEARING',
  '3': 'SPEECH',
  '4': 'PHYSICAL',
  '5': 'INTELLECTUAL',
  '6': 'MENTAL',
  '7': 'MULTIPLE',
};
const GRADES: Readonly<Record<string, DisabilityGrade>> = { '1': 1, '2': 2, '3': 3, '4': 4 };

/**
 * 残联 (DISABILITY): `Authorization: ApiKey …`; a bare array `[{ idCardNo, certNo, cjlb, cjdj }]`, `certNo: null`
 * when the person holds no certificate.
 */
export class DisabilityConnector extends HttpSourceConnector<'DISABILITY'> {
  readonly source = 'DISABILITY';
  protected readonly path = '/cdpf/certificates/verify';

  protected buildRequest(idNumbers: readonly string[]): SourceRequest {
    return { headers: { authorization: `ApiKey ${this.apiKey}` }, body: { idCardNos: idNumbers } };
  }

  protected readAnswer(
    answer: unknown,
    idNumbers: readonly string[],
  ): Map<string, PersonAnswer<'DISABILITY'>> {
    return readPerPerson(readArray(answer, '$'), '$', 'idCardNo', idNumbers, (entry, path) => {
      if (entry.certNo === null) return noRecordAnswer('DISABILITY', entry);
      readText(entry.certNo, `${path}.certNo`, 40);
      return foundAnswer<'DISABILITY'>(
        {
          category: readCode(entry.cjlb, `${path}.cjlb`, CATEGORIES),
          grade: readCode(entry.cjdj, `${path}.cjdj`, GRADES),
        },
        entry,
      );
    });
  }
}
