import { canonicalJson, type RecordSigner, verifySignature, type PublicSigningKey } from '@app/common';
import type { CloudEvent } from './event.types';

/** The CloudEvents extension attribute that carries the platform's signature (SPEC 7.2). */
export const SIGNATURE_ATTRIBUTE = 'hevsignature';

export type SignedCloudEvent = CloudEvent & { [SIGNATURE_ATTRIBUTE]: string };

/** The bytes a signature covers: the RFC 8785 canonical JSON of the event without `hevsignature`. */
export function eventSigningInput(event: Record<string, unknown>): string {
  const { [SIGNATURE_ATTRIBUTE]: _signature, ...unsigned } = event;
  return canonicalJson(unsigned);
}

/** Adds `hevsignature`: Ed25519 (base64) with the key of `GET /api/v1/keys`. */
export function signEvent(event: CloudEvent, signer: RecordSigner): SignedCloudEvent {
  // Signed as it will be stored and sent: what survives JSON (no `undefined` members).
  const stored = JSON.parse(JSON.stringify(event)) as CloudEvent & Record<string, unknown>;
  return { ...stored, [SIGNATURE_ATTRIBUTE]: signer.sign(eventSigningInput(stored)) };
}

/**
 * What a consumer does before trusting an event taken off its queue: recompute the canonical JSON without
 * `hevsignature` and check the signature with the published key. False for a missing or wrong signature.
 */
export function verifyEvent(
  event: Record<string, unknown>,
  publicKey: Omit<PublicSigningKey, 'kid' | 'alg' | 'use'>,
): boolean {
  const signature = event[SIGNATURE_ATTRIBUTE];
  if (typeof signature !== 'string') return false;
  return verifySignature(publicKey, eventSigningInput(event), signature);
}
