import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { appConfig, type AppConfigType } from '@app/config';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Domain separation: the blind-index key is derived, so the encryption key is never used for two purposes.
const BLIND_INDEX_INFO = 'hev-blind-index';

function b64url(buffer: Buffer): string {
  return buffer.toString('base64url');
}

function fromB64url(part: string): Buffer {
  // Buffer.from silently skips bad characters; a strict round trip rejects them.
  const buffer = Buffer.from(part, 'base64url');
  if (b64url(buffer) !== part) throw new Error('PII token is malformed');
  return buffer;
}

/**
 * Field-level encryption of personal data (AES-256-GCM) and a keyed blind index (HMAC-SHA256) so
 * that equal ID numbers can be found without storing them in clear. Errors never contain plaintext.
 */
@Injectable()
export class PiiCipher {
  private readonly encryptionKey: Buffer;
  private readonly blindIndexKey: Buffer;

  constructor(@Inject(appConfig.KEY) config: Pick<AppConfigType, 'piiKey'>) {
    if (!Buffer.isBuffer(config.piiKey) || config.piiKey.length !== KEY_BYTES) {
      throw new Error(`The PII key must be ${KEY_BYTES} bytes`);
    }
    this.encryptionKey = Buffer.from(config.piiKey);
    this.blindIndexKey = Buffer.from(
      hkdfSync('sha256', this.encryptionKey, Buffer.alloc(0), BLIND_INDEX_INFO, KEY_BYTES),
    );
  }

  /** For tests, the CLI and benchmarks, which have a key but no Nest container. */
  static fromKey(key: Buffer): PiiCipher {
    return new PiiCipher({ piiKey: key });
  }

  /** `v1.<iv>.<tag>.<ciphertext>`, each part base64url; a fresh random IV every call. */
  encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.encryptionKey, iv, { authTagLength: TAG_BYTES });
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, b64url(iv), b64url(cipher.getAuthTag()), b64url(ciphertext)].join('.');
  }

  /** Throws if the token is malformed, was made with another key or has been altered. */
  decrypt(token: string): string {
    const parts = typeof token === 'string' ? token.split('.') : [];
    const [version, ivPart, tagPart, dataPart] = parts;
    if (
      parts.length !== 4 ||
      version !== VERSION ||
      ivPart === undefined ||
      tagPart === undefined ||
      dataPart === undefined
    ) {
      throw new Error('PII token is malformed');
    }
    const iv = fromB64url(ivPart);
    const tag = fromB64url(tagPart);
    const ciphertext = fromB64url(dataPart);
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error('PII token is malformed');
    const decipher = createDecipheriv(ALGORITHM, this.encryptionKey, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('PII token failed authentication');
    }
  }

  /** Deterministic 64-hex-char HMAC-SHA256 of the normalised (trimmed, upper-case X) ID number. */
  blindIndex(idNumber: string): string {
    return createHmac('sha256', this.blindIndexKey)
      .update(idNumber.trim().toUpperCase(), 'utf8')
      .digest('hex');
  }
}
