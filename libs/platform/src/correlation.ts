import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const CORRELATION_HEADER = 'x-request-id';
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The correlation id of a request: the caller's `X-Request-Id` when it is sane, else a new UUID.
 * Computed once per raw request and echoed in the response header.
 */
export function correlationIdOf(req: IncomingMessage, res?: ServerResponse): string {
  const raw = req as IncomingMessage & { correlationId?: string };
  if (!raw.correlationId) {
    const header = req.headers[CORRELATION_HEADER];
    raw.correlationId = typeof header === 'string' && ACCEPTABLE.test(header) ? header : randomUUID();
    if (res && !res.headersSent) res.setHeader(CORRELATION_HEADER, raw.correlationId);
  }
  return raw.correlationId;
}
