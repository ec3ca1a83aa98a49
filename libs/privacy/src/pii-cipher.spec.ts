import { createHmac, randomBytes } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { appConfig, loadConfig } from '@app/config';
import { PiiCipher } from './pii-cipher';
import { PrivacyModule } from './privacy.module';

const KEY = Buffer.from('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', 'hex');
const ID = '11010519491231002X';

/** Replaces the character at `index` with a different base64url character. */
function flip(text: string, index: number): string {
  const c = text.charAt(index);
  return `${text.slice(0, index)}${c === 'A' ? 'B' : 'A'}${text.slice(index + 1)}`;
}

describe('PiiCipher', () => {
  const cipher = PiiCipher.fromKey(KEY);

  it('round-trips text, including Chinese and the empty string', () => {
    for (const plain of [ID, '张三', '零陵区朝阳街道某某路12号', '']) {
      expect(cipher.decrypt(cipher.encrypt(plain))).toBe(plain);
    }
  });

  it('produces a compact v1 token with a 12-byte IV and a 16-byte tag', () => {
    const token = cipher.encrypt(ID);
    expect(token).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    const [, iv, tag, data] = token.split('.');
    expect(Buffer.from(iv!, 'base64url')).toHaveLength(12);
    expect(Buffer.from(tag!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(data!, 'base64url')).toHaveLength(Buffer.byteLength(ID));
    expect(token).not.toContain(ID);
  });

  it('encrypts the same plaintext differently every time', () => {
    const tokens = new Set(Array.from({ length: 20 }, () => cipher.encrypt(ID)));
    expect(tokens.size).toBe(20);
    const ivs = new Set([...tokens].map((t) => t.split('.')[1]));
    expect(ivs.size).toBe(20);
  });

  it('detects tampering with the IV, the tag or the ciphertext', () => {
    const token = cipher.encrypt(ID);
    const [version, iv, tag, data] = token.split('.') as [string, string, string, string];
    const tampered = [
      [version, flip(iv, 0), tag, data],
      [version, iv, flip(tag, 0), data],
      [version, iv, tag, flip(data, 0)],
      [version, iv, tag, flip(data, data.length - 2)],
      [version, iv, tag, data.slice(0, -1)],
    ].map((parts) => parts.join('.'));
    for (const t of tampered) {
      expect(() => cipher.decrypt(t)).toThrow(/PII token/);
    }
  });

  it('refuses malformed tokens with a message that carries no data', () => {
    const token = cipher.encrypt(ID);
    for (const bad of [
      '',
      'v1',
      `v2${token.slice(2)}`,
      `${token}.extra`,
      token.replace(/\./g, ':'),
      'v1.a.b.c',
    ]) {
      expect(() => cipher.decrypt(bad)).toThrow(new Error('PII token is malformed'));
    }
  });

  it('cannot decrypt what another key encrypted', () => {
    const other = PiiCipher.fromKey(randomBytes(32));
    expect(() => other.decrypt(cipher.encrypt(ID))).toThrow(new Error('PII token failed authentication'));
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => PiiCipher.fromKey(Buffer.alloc(16))).toThrow('The PII key must be 32 bytes');
  });

  describe('blindIndex', () => {
    it('is a deterministic 64-character hex HMAC', () => {
      const index = cipher.blindIndex(ID);
      expect(index).toMatch(/^[0-9a-f]{64}$/);
      expect(cipher.blindIndex(ID)).toBe(index);
      expect(PiiCipher.fromKey(Buffer.from(KEY)).blindIndex(ID)).toBe(index);
    });

    it('normalises the ID number first', () => {
      expect(cipher.blindIndex('11010519491231002x')).toBe(cipher.blindIndex(ID));
      expect(cipher.blindIndex(` ${ID} `)).toBe(cipher.blindIndex(ID));
    });

    it('differs between ID numbers and between keys', () => {
      expect(cipher.blindIndex('431102198001010012')).not.toBe(cipher.blindIndex(ID));
      expect(PiiCipher.fromKey(randomBytes(32)).blindIndex(ID)).not.toBe(cipher.blindIndex(ID));
    });

    it('uses a derived key, not the encryption key itself', () => {
      const withRawKey = createHmac('sha256', KEY).update(ID).digest('hex');
      expect(cipher.blindIndex(ID)).not.toBe(withRawKey);
    });
  });

  it('is provided by PrivacyModule with the key from the app config', async () => {
    const config = loadConfig({});
    const moduleRef = await Test.createTestingModule({ imports: [PrivacyModule] })
      .useMocker((token) => (token === appConfig.KEY ? config : undefined))
      .compile();
    const provided = moduleRef.get(PiiCipher);
    const token = provided.encrypt(ID);
    expect(PiiCipher.fromKey(config.piiKey).decrypt(token)).toBe(ID);
    expect(provided.blindIndex(ID)).toBe(PiiCipher.fromKey(config.piiKey).blindIndex(ID));
  });
});
