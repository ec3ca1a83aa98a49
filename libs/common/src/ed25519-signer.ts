import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** DER prefix of a PKCS#8 Ed25519 private key; the 32-byte seed follows it (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export const SIGNATURE_ALGORITHM = 'Ed25519';

/** The platform's public key as a JWK (RFC 8037), with its RFC 7638 thumbprint as key id. */
export interface PublicSigningKey {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

/** RFC 7638 JWK thumbprint of an Ed25519 public key: base64url(SHA-256 of the required members, sorted). */
export function jwkThumbprint(x: string): string {
  return createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest('base64url');
}

/**
 * Signs with the platform's Ed25519 key, made from the 32-byte seed `SIGNING_KEY`: decision records, events
 * (`hevsignature`) and audit anchors. A signature covers the UTF-8 bytes of a canonical JSON string (RFC 8785); the
 * public key is published by `GET /api/v1/keys`.
 */
export class RecordSigner {
  readonly keyId: string;
  readonly publicKey: KeyObject;
  private readonly privateKey: KeyObject;

  constructor(seed: Buffer) {
    if (seed.length !== 32) throw new Error('The Ed25519 signing seed must be 32 bytes');
    this.privateKey = createPrivateKey({
      key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
      format: 'der',
      type: 'pkcs8',
    });
    this.publicKey = createPublicKey(this.privateKey);
    this.keyId = jwkThumbprint(this.publicJwk().x);
  }

  /** Base64 signature of `message` (a canonical JSON string). */
  sign(message: string): string {
    return sign(null, Buffer.from(message, 'utf8'), this.privateKey).toString('base64');
  }

  publicJwk(): PublicSigningKey {
    const jwk = this.publicKey.export({ format: 'jwk' });
    const x = jwk.x;
    if (typeof x !== 'string') throw new Error('Ed25519 public key without x');
    return { kty: 'OKP', crv: 'Ed25519', x, kid: jwkThumbprint(x), alg: 'EdDSA', use: 'sig' };
  }

  publicPem(): string {
    return this.publicKey.export({ format: 'pem', type: 'spki' }).toString();
  }
}

/** True when `signature` (base64) is `publicKey`'s Ed25519 signature of `message`. Needs nothing but the public key. */
export function verifySignature(
  publicKey: KeyObject | Omit<PublicSigningKey, 'kid' | 'alg' | 'use'>,
  message: string,
  signature: string,
): boolean {
  const key = 'kty' in publicKey ? createPublicKey({ key: publicKey, format: 'jwk' }) : publicKey;
  try {
    return verify(null, Buffer.from(message, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
