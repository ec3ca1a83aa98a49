import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';

/** RFC 8785 (JSON Canonicalization Scheme) serialisation: the byte string every hash and signature covers. */
export function canonicalJson(value: unknown): string {
  return canonicalize(value);
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
