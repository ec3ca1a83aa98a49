import { type PensionFact } from '@app/eligibility';
import {
  expectValue,
  readArray,
  readCode,
  readObject,
  readPerPerson,
  readText,
  readYuan,
  MalformedAnswerError,
} from './answer-reader';
import {
  foundAnswer,
  HttpSourceConnector,
  noRecordAnswer,
  type PersonAnswer,
  type SourceRequest,
} from './http-source.connector';
import { type EmploymentRecord } from './source-records.types';

/**
 * 人社 (SOCIAL_SECURITY): `appKey` in the body; `{ ret: "00", rows: [{ cert_no, insured, employments, pensions,
 * unemployment_benefit }] }`, money as yuan strings.
 */
export class SocialSecurityConnector extends HttpSourceConnector<'SOCIAL_SECURITY'> {
  readonly source = 'SOCIAL_SECURITY';
  protected readonly path = '/rsj/si/v2/insured-persons/batch';

  protected buildRequest(idNumbers: readonly string[]): SourceRequest {
    return { body: { appKey: this.apiKey, certNos: idNumbers } };
  }

  protected readAnswer(
    answer: unknown,
    idNumbers: readonly string[],
  ): Map<string, PersonAnswer<'SOCIAL_SECURITY'>> {
    const envelope = readObject(answer, '$');
    expectValue(envelope.ret, '$.ret', '00');
    return readPerPerson(readArray(envelope.rows, '$.rows'), '$.rows', 'cert_no', idNumbers, (row, path) => {
      if (!readCode(row.insured, `${path}.insured`, { '1': true, '0': false }))
        return noRecordAnswer('SOCIAL_SECURITY', row);
      const employments = readArray(row.employments, `${path}.employments`).map(
        (value, index): EmploymentRecord => {
          const at = `${path}.employments[${index}]`;
          const job = readObject(value, at);
          return {
            employer: readText(job.unit_name, `${at}.unit_name`),
            monthlyWageFen: readYuan(job.contribution_base, `${at}.contribution_base`),
          };
        },
      );
      const pensions = readArray(row.pensions, `${path}.pensions`).map((value, index): PensionFact => {
        const at = `${path}.pensions[${index}]`;
        const pension = readObject(value, at);
        // 01 企业职工基本养老保险, 02 城乡居民基本养老保险.
        const type = readCode(pension.pension_kind, `${at}.pension_kind`, {
          '01': 'EMPLOYEE',
          '02': 'RESIDENT',
        } as const);
        const monthlyFen = readYuan(pension.monthly_amount, `${at}.monthly_amount`);
        const centralBaseFen = readYuan(pension.basic_central, `${at}.basic_central`);
        if (centralBaseFen > monthlyFen)
          throw new MalformedAnswerError(`${at}.basic_central`, 'a central base within the pension');
        return { type, monthlyFen, centralBaseFen };
      });
      const unemploymentBenefitMonthlyFen = readYuan(
        row.unemployment_benefit,
        `${path}.unemployment_benefit`,
      );
      return foundAnswer<'SOCIAL_SECURITY'>({ employments, pensions, unemploymentBenefitMonthlyFen }, row);
    });
  }
}
