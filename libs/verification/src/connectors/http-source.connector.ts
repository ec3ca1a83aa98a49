import { type SourceCode } from '@app/eligibility';
import { MalformedAnswerError } from './answer-reader';
import { idNumberMasker } from './id-masking';
import {
  type ConnectorOptions,
  type PersonToQuery,
  type SourceConnector,
  type SourceQueryResult,
} from './source-connector';
import { SourceError } from './source-error';
import { DEV_SOURCE_KEYS } from './source-keys';
import { NO_RECORD_FACTS, type FactsBySource } from './source-records.types';

/** SPEC 5.3 default per-call timeout. */
export const DEFAULT_TIMEOUT_MS = 5_000;
/** The smallest batch maximum of any department (HOUSING_FUND, BANKING); kept for callers that need one figure. */
export const MAX_BATCH_SIZE = 50;

/**
 * The most persons each department accepts in one call, as each states it (apps/mock-sources/README.md; a real
 * deployment sets these from the departments' interface documents). A larger call is refused with 413.
 */
export const DEPARTMENT_BATCH_MAXIMA: Readonly<Record<SourceCode, number>> = {
  HUKOU: 500,
  VEHICLE: 100,
  SOCIAL_SECURITY: 200,
  REAL_ESTATE: 100,
  MARKET_REGULATION: 100,
  TAX: 100,
  HOUSING_FUND: 50,
  BANKING: 50,
  CIVIL_AFFAIRS: 200,
  DISABILITY: 100,
  PUBLIC_PAYROLL: 300,
};
/** Far above any household's answer; a bigger body is a broken department, not data. */
const MAX_ANSWER_CHARS = 5_000_000;
const ID_NUMBER = /^\d{17}[\dX]$/;

/** One person's part of an answer, as a connector reads it. */
export interface PersonAnswer<S extends SourceCode> {
  readonly found: boolean;
  readonly fact: FactsBySource[S];
  readonly raw: unknown;
  /** The department could not answer for this one person (the rest of the batch stands). */
  readonly error?: string;
}

/** A per-person error inside a batch answer: only that person's check is retried. */
export function personErrorAnswer<S extends SourceCode>(
  source: S,
  raw: unknown,
  detail: string,
): PersonAnswer<S> {
  return { found: false, fact: NO_RECORD_FACTS[source], raw, error: detail };
}

export function foundAnswer<S extends SourceCode>(fact: FactsBySource[S], raw: unknown): PersonAnswer<S> {
  return { found: true, fact, raw };
}

export function noRecordAnswer<S extends SourceCode>(source: S, raw: unknown): PersonAnswer<S> {
  return { found: false, fact: NO_RECORD_FACTS[source], raw };
}

/** What a connector sends: always a JSON POST, with the department's own headers, query and body. */
export interface SourceRequest {
  readonly headers?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/**
 * The transport every department shares: batching, the timeout, status and transport errors, JSON parsing, and the
 * mapping of answers back to members. A subclass only describes its department's request and answer format.
 */
export abstract class HttpSourceConnector<S extends SourceCode> implements SourceConnector<S> {
  abstract readonly source: S;
  protected abstract readonly path: string;
  protected readonly now: () => Date;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly apiKeyOverride: string | undefined;

  constructor(options: ConnectorOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.apiKeyOverride = options.apiKey;
    this.now = options.now ?? (() => new Date());
  }

  protected get apiKey(): string {
    return this.apiKeyOverride ?? DEV_SOURCE_KEYS[this.source];
  }

  protected abstract buildRequest(idNumbers: readonly string[]): SourceRequest;

  /** Reads the whole answer to one batch; throws `MalformedAnswerError` on anything unexpected. */
  protected abstract readAnswer(answer: unknown, idNumbers: readonly string[]): Map<string, PersonAnswer<S>>;

  async query(persons: readonly PersonToQuery[], signal?: AbortSignal): Promise<SourceQueryResult<S>[]> {
    const idNumbers = persons.map((person) => person.idNumber.toUpperCase());
    if (idNumbers.some((id) => !ID_NUMBER.test(id)))
      throw new SourceError(
        this.source,
        'REJECTED',
        'refused to send an ID number that is not 18 characters',
      );
    const distinct = [...new Set(idNumbers)];
    const answers = new Map<string, PersonAnswer<S>>();
    const maximum = Math.max(1, Math.min(this.batchMaximum, DEPARTMENT_BATCH_MAXIMA[this.source]));
    for (let start = 0; start < distinct.length; start += maximum)
      await this.askInParts(distinct.slice(start, start + maximum), answers, signal);
    const mask = idNumberMasker(distinct);
    return persons.map((person, index) => {
      const idNumber = idNumbers[index] ?? '';
      const answer = answers.get(idNumber);
      if (!answer) throw new SourceError(this.source, 'MALFORMED', 'no answer for a person asked about');
      return {
        memberId: person.memberId,
        outcome: answer.error ? 'ERROR' : answer.found ? 'FOUND' : 'NO_RECORD',
        fact: answer.fact,
        raw: mask(answer.raw),
        ...(answer.error ? { error: `${this.source}: ${answer.error}` } : {}),
      };
    });
  }

  /** The most persons this connector sends per call; lowered when the department refuses a batch as too large. */
  private batchMaximum = Number.MAX_SAFE_INTEGER;

  /**
   * One call for `batch`; a department that refuses it as too large (413: its maximum is lower than documented)
   * gets it in halves, and later calls use the smaller size.
   */
  private async askInParts(
    batch: readonly string[],
    answers: Map<string, PersonAnswer<S>>,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    try {
      const body = await this.exchange(batch, signal);
      for (const [idNumber, answer] of this.read(body, batch)) answers.set(idNumber, answer);
    } catch (error) {
      if (!(error instanceof SourceError) || error.status !== 413 || batch.length <= 1) throw error;
      const half = Math.ceil(batch.length / 2);
      this.batchMaximum = Math.min(this.batchMaximum, half);
      await this.askInParts(batch.slice(0, half), answers, signal);
      await this.askInParts(batch.slice(half), answers, signal);
    }
  }

  private read(body: unknown, batch: readonly string[]): Map<string, PersonAnswer<S>> {
    let answers: Map<string, PersonAnswer<S>>;
    try {
      answers = this.readAnswer(body, batch);
    } catch (error) {
      if (error instanceof MalformedAnswerError)
        throw new SourceError(this.source, 'MALFORMED', error.message);
      // A reader bug must not crash the worker either; its message could quote the answer, so it is dropped.
      throw new SourceError(this.source, 'MALFORMED', 'answer could not be read');
    }
    if (batch.some((idNumber) => !answers.has(idNumber)))
      throw new SourceError(this.source, 'MALFORMED', 'malformed answer: no entry for a person asked about');
    return answers;
  }

  private async exchange(batch: readonly string[], signal: AbortSignal | undefined): Promise<unknown> {
    if (signal?.aborted) throw new SourceError(this.source, 'ABORTED', 'call cancelled before it was sent');
    const request = this.buildRequest(batch);
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const query = request.query ? `?${new URLSearchParams(request.query).toString()}` : '';
    try {
      const response = await fetch(`${this.baseUrl}${this.path}${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...request.headers },
        body: JSON.stringify(request.body),
        signal: combined,
        redirect: 'error',
      });
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw this.statusError(response.status);
      }
      const text = await response.text();
      if (text.length > MAX_ANSWER_CHARS)
        throw new SourceError(this.source, 'MALFORMED', 'answer is larger than any household answer can be');
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new SourceError(this.source, 'MALFORMED', 'answer is not JSON', response.status);
      }
    } catch (error) {
      if (error instanceof SourceError) throw error;
      if (timeout.aborted)
        throw new SourceError(this.source, 'TIMEOUT', `no complete answer within ${this.timeoutMs} ms`);
      if (signal?.aborted) throw new SourceError(this.source, 'ABORTED', 'call cancelled');
      throw new SourceError(this.source, 'NETWORK', `network error${networkCode(error)}`);
    }
  }

  private statusError(status: number): SourceError {
    if (status === 401 || status === 403)
      return new SourceError(
        this.source,
        'UNAUTHORIZED',
        `answered HTTP ${status}: check the API key`,
        status,
      );
    if (status >= 500 || status === 408 || status === 429)
      return new SourceError(this.source, 'UNAVAILABLE', `answered HTTP ${status}`, status);
    return new SourceError(this.source, 'REJECTED', `answered HTTP ${status}`, status);
  }
}

/** The system error code of a failed fetch (ECONNREFUSED, …): safe to report, unlike messages that quote the URL. */
function networkCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = cause?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? ` (${code})` : '';
}
