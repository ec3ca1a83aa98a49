/**
 * Checks a signed decision record in the browser (SPEC 6.5): the RFC 8785 canonical JSON of `record`, its SHA-256
 * against `recordHash`, and the Ed25519 signature against the platform's public key from GET /api/v1/keys — with
 * WebCrypto only, so the console trusts nothing but the published key.
 */

/** RFC 8785 canonical JSON (keys sorted by UTF-16 code units, ES number formatting, no whitespace). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError('not a finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const normal = b64.replace(/-/g, '+').replace(/_/g, '/');
  const padded = normal + '='.repeat((4 - (normal.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function hex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface SignatureCheck {
  hashValid: boolean;
  signatureValid: boolean;
  /** Why the check could not run (no WebCrypto Ed25519 in this browser, no key), in Chinese. */
  unavailable?: string;
}

export async function verifyRecord(
  signed: { record: unknown; recordHash: string; signature: string; keyId: string },
  keys: { kid: string; x: string }[],
): Promise<SignatureCheck> {
  const key = keys.find((k) => k.kid === signed.keyId);
  if (!key) return { hashValid: false, signatureValid: false, unavailable: '未找到签名所用的平台公钥' };
  if (!globalThis.crypto?.subtle)
    return {
      hashValid: false,
      signatureValid: false,
      unavailable: '浏览器不支持加密校验（需 HTTPS 或本机访问）',
    };
  const bytes = new TextEncoder().encode(canonicalJson(signed.record));
  const hashValid = hex(await crypto.subtle.digest('SHA-256', bytes)) === signed.recordHash;
  try {
    const publicKey = await crypto.subtle.importKey(
      'jwk',
      { kty: 'OKP', crv: 'Ed25519', x: key.x },
      { name: 'Ed25519' },
      false,
      ['verify'],
    );
    const signatureValid = await crypto.subtle.verify(
      'Ed25519',
      publicKey,
      base64ToBytes(signed.signature),
      bytes,
    );
    return { hashValid, signatureValid };
  } catch {
    return { hashValid, signatureValid: false, unavailable: '浏览器不支持 Ed25519 签名校验，请升级浏览器' };
  }
}
