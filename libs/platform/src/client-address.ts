import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';

/**
 * The caller's address as an IP literal: Fastify's `request.ip` (the socket address, or the address a trusted
 * proxy reported) when it is one, else the socket address, else `0.0.0.0`. Never a header's arbitrary text.
 */
export function clientAddressOf(request: FastifyRequest): string {
  const reported = request.ip;
  if (typeof reported === 'string' && isIP(reported) !== 0) return reported;
  const socket = request.raw.socket?.remoteAddress;
  if (typeof socket === 'string' && isIP(socket) !== 0) return socket;
  return '0.0.0.0';
}
