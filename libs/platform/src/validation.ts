import { ValidationPipe } from '@nestjs/common';
import { DomainError, flattenValidationErrors } from '@app/common';

/** Strict DTO validation: unknown fields are refused, every problem is reported at once. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => DomainError.validation(flattenValidationErrors(errors)),
  });
}
