import { type SourceCode } from '@app/eligibility';

/**
 * Why a department call failed. TIMEOUT, ABORTED, NETWORK and UNAVAILABLE (5xx, 408, 429) are worth retrying;
 * UNAUTHORIZED (401/403), REJECTED (other 4xx, or a request we refuse to send) and MALFORMED answers are not.
 */
export const SOURCE_ERROR_KINDS = [
  'TIMEOUT',
  'ABORTED',
  'NETWORK',
  'UNAVAILABLE',
  'UNAUTHORIZED',
  'REJECTED',
  'MALFORMED',
] as const;
export type SourceErrorKind = (typeof SOURCE_ERROR_KINDS)[number];

const RETRYABLE: ReadonlySet<SourceErrorKind> = new Set(['TIMEOUT', 'ABORTED', 'NETWORK', 'UNAVAILABLE']);

/** A failed department call. Messages name the source, the status or the JSON path, never a value or an ID number. */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  readonly retryable: boolean;

  constructor(
    readonly source: SourceCode,
    readonly kind: SourceErrorKind,
    detail: string,
    /** The HTTP status, when the department answered one. */
    readonly status: number | null = null,
  ) {
    super(`${source}: ${detail}`);
    this.retryable = RETRYABLE.has(kind);
  }
}

export function isSourceError(error: unknown): error is SourceError {
  return error instanceof SourceError;
}
