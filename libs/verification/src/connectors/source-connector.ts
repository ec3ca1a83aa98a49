import { type SourceCode } from '@app/eligibility';
import { type FactsBySource } from './source-records.types';

/** One household member to look up; the ID number goes to the department and nowhere else. */
export interface PersonToQuery {
  readonly memberId: string;
  readonly idNumber: string;
}

export type SourceOutcome = 'FOUND' | 'NO_RECORD' | 'ERROR';

/** One member's answer from one source. */
export interface SourceQueryResult<S extends SourceCode = SourceCode> {
  readonly memberId: string;
  readonly outcome: SourceOutcome;
  /** The normalised fact; for NO_RECORD the source's empty value (`NO_RECORD_FACTS`). */
  readonly fact: FactsBySource[S];
  /** That person's part of the department's answer, ID numbers masked, for the audited raw-results view. */
  readonly raw: unknown;
  /** Set for ERROR: why the department could not answer for this one person (no values, no ID numbers). */
  readonly error?: string;
}

/**
 * A department behind one interface (SPEC 5.1): one call for all persons of a household, one result per person in
 * the order given. Throws `SourceError` (and only that) when the department cannot give a complete, valid answer.
 */
export interface SourceConnector<S extends SourceCode = SourceCode> {
  readonly source: S;
  query(persons: readonly PersonToQuery[], signal?: AbortSignal): Promise<SourceQueryResult<S>[]>;
}

export type ConnectorsBySource = { readonly [S in SourceCode]: SourceConnector<S> };

export interface ConnectorOptions {
  /** Where the department listens, e.g. `MOCK_SOURCES_URL`. */
  readonly baseUrl: string;
  /** The department's API key; defaults to the documented development key (`DEV_SOURCE_KEYS`). */
  readonly apiKey?: string;
  /** Per-call timeout (SPEC 5.3 default 5 s). */
  readonly timeoutMs?: number;
  /** The clock, for sources that ask about a period (TAX). */
  readonly now?: () => Date;
}
