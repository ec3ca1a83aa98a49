import { expectValue, readCode, readObject, MalformedAnswerError } from './answer-reader';
import {
  foundAnswer,
  HttpSourceConnector,
  noRecordAnswer,
  type PersonAnswer,
  type SourceRequest,
} from './http-source.connector';

/**
 * 编制/财政 (PUBLIC_PAYROLL): `token` in the body; an answer keyed by ID number,
 * `{ resultCode: "SUCCESS", persons: { "<id>": { sfcz: "1"|"0" } | null } }`, null when payroll does not know the person.
 */
export class PublicPayrollConnector extends HttpSourceConnector<'PUBLIC_PAYROLL'> {
  readonly source = 'PUBLIC_PAYROLL';
  protected readonly path = '/czgy/payroll/check';

  protected buildRequest(idNumbers: readonly string[]): SourceRequest {
    return { body: { token: this.apiKey, sfzhm: idNumbers } };
  }

  protected readAnswer(
    answer: unknown,
    idNumbers: readonly string[],
  ): Map<string, PersonAnswer<'PUBLIC_PAYROLL'>> {
    const envelope = readObject(answer, '$');
    expectValue(envelope.resultCode, '$.resultCode', 'SUCCESS');
    const asked = new Set(idNumbers);
    const answers = new Map<string, PersonAnswer<'PUBLIC_PAYROLL'>>();
    // Keys are ID numbers: paths name the position of the key instead.
    Object.entries(readObject(envelope.persons, '$.persons')).forEach(([key, value], index) => {
      const path = `$.persons[key ${index}]`;
      const idNumber = key.toUpperCase();
      if (!asked.has(idNumber) || answers.has(idNumber))
        throw new MalformedAnswerError(path, 'one entry per person asked about');
      if (value === null) {
        answers.set(idNumber, noRecordAnswer('PUBLIC_PAYROLL', value));
        return;
      }
      // 是否财政供养: 1 yes, 0 no.
      const onPayroll = readCode(readObject(value, path).sfcz, `${path}.sfcz`, { '1': true, '0': false });
      answers.set(idNumber, foundAnswer<'PUBLIC_PAYROLL'>(onPayroll, value));
    });
    return answers;
  }
}
