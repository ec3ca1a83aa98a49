import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode, type FieldProblem } from '@app/common';
import { correlationIdOf } from './correlation';
import { codeOfStatus, statusOf } from './error-status';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: FieldProblem[];
  correlationId: string;
  [extra: string]: unknown;
}

/** SPEC 10 error body for everything; unknown errors become a bare 500 (no stack, no SQL). */
export function errorBodyOf(exception: unknown, correlationId: string): ErrorBody {
  if (exception instanceof DomainError) {
    return {
      statusCode: statusOf(exception.code),
      code: exception.code,
      message: exception.message,
      ...(exception.errors ? { errors: exception.errors } : {}),
      ...(exception.details ?? {}),
      correlationId,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body: ErrorBody = {
      statusCode: status,
      code: codeOfStatus(status),
      message: messageOf(exception),
      correlationId,
    };
    return { ...healthReport(exception), ...body };
  }
  const status = (exception as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's own errors: malformed JSON, body too large, unsupported media type.
    return {
      statusCode: status,
      code: codeOfStatus(status),
      message: fastifyMessage(exception, status),
      correlationId,
    };
  }
  return { statusCode: 500, code: ErrorCode.INTERNAL_ERROR, message: 'Internal server error', correlationId };
}

/** A failed health check keeps terminus' report (`status`, `info`, `error`, `details`) beside the error body. */
function healthReport(exception: HttpException): Record<string, unknown> {
  const response = exception.getResponse();
  if (typeof response !== 'object' || response === null || !('details' in response)) return {};
  const { status, info, error, details } = response as Record<string, unknown>;
  return { status, info, error, details };
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

function fastifyMessage(exception: unknown, status: number): string {
  const code = (exception as { code?: string }).code;
  if (status === 413) return 'Request body is too large';
  if (status === 415) return 'Unsupported content type: send application/json';
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'Request body is empty';
  if (status === 400) return 'Malformed JSON body';
  return 'Bad request';
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const correlationId = correlationIdOf(request.raw, reply.raw);
    const body = errorBodyOf(exception, correlationId);
    if (body.statusCode >= 500) {
      // The error object may carry SQL or parameters: log only its class and message, never the request body.
      const e = exception as Error;
      this.logger.error(
        { correlationId, error: e?.name, message: e?.message, stack: e?.stack },
        'Unhandled error',
      );
    }
    void reply.status(body.statusCode).header('x-request-id', correlationId).send(body);
  }
}
