/** Every error a lib raises on purpose carries one of these codes; the API maps each to an HTTP status. */
export enum ErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  FORBIDDEN = 'FORBIDDEN',
  SEPARATION_OF_DUTIES = 'SEPARATION_OF_DUTIES',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  USERNAME_TAKEN = 'USERNAME_TAKEN',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  DUPLICATE_APPLICATION = 'DUPLICATE_APPLICATION',
  REVIEW_ALREADY_OPEN = 'REVIEW_ALREADY_OPEN',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_ERROR = 'INTERNAL_ERROR',
}

export interface FieldProblem {
  path: string;
  message: string;
}

/** A deliberate, expected failure of a domain operation. Messages must never contain personal data. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldProblem[],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static validation(errors: FieldProblem[]): DomainError {
    return new DomainError(ErrorCode.VALIDATION_FAILED, 'The request is invalid', errors);
  }

  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${what} not found`);
  }

  static forbidden(message = 'Your role does not allow this action'): DomainError {
    return new DomainError(ErrorCode.FORBIDDEN, message);
  }
}
