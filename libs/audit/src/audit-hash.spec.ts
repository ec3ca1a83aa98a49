import { createHash } from 'node:crypto';
import { auditEntryHash, GENESIS_HASH, type AuditHashInput } from './audit-hash';

const base: AuditHashInput = {
  seq: 42,
  chain: '431102',
  areaCode: '431102001',
  at: new Date('2025-03-01T08:15:30.123Z'),
  actor: {
    userId: '6f1c2b8e-2f0a-4a7e-9d62-1d2f3a4b5c6d',
    username: 'op1',
    role: 'STATION_OPERATOR',
    areaCode: '431102001',
  },
  action: 'application.created',
  applicationId: '0b7c8f9e-1111-4222-8333-944455556666',
  detail: { status: 'SUBMITTED', members: 4, nested: { b: 2, a: [1, 'x', null] } },
  ip: '10.0.0.7',
  prevHash: 'a'.repeat(64),
};

describe('auditEntryHash', () => {
  it('is a 64-character hex SHA-256, the same for the same input', () => {
    const hash = auditEntryHash(base);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(auditEntryHash(structuredClone(base))).toBe(hash);
  });

  it('is SHA-256 over prevHash followed by the RFC 8785 canonical JSON of the entry without its hash', () => {
    const canonical =
      '{"action":"application.created","actor":{"areaCode":"431102001","role":"STATION_OPERATOR",' +
      '"userId":"6f1c2b8e-2f0a-4a7e-9d62-1d2f3a4b5c6d","username":"op1"},"applicationId":"0b7c8f9e-1111-4222-8333-944455556666",' +
      '"areaCode":"431102001","at":"2025-03-01T08:15:30.123Z","chain":"431102",' +
      '"detail":{"members":4,"nested":{"a":[1,"x",null],"b":2},"status":"SUBMITTED"},"ip":"10.0.0.7",' +
      `"prevHash":"${'a'.repeat(64)}","seq":42}`;
    const expected = createHash('sha256')
      .update('a'.repeat(64) + canonical)
      .digest('hex');
    expect(auditEntryHash(base)).toBe(expected);
  });

  it('does not depend on key order', () => {
    const reordered: AuditHashInput = {
      prevHash: base.prevHash,
      ip: base.ip,
      detail: { nested: { a: [1, 'x', null], b: 2 }, members: 4, status: 'SUBMITTED' },
      applicationId: base.applicationId,
      action: base.action,
      actor: { areaCode: '431102001', role: 'STATION_OPERATOR', username: 'op1', userId: base.actor.userId },
      at: new Date(base.at.getTime()),
      areaCode: base.areaCode,
      chain: base.chain,
      seq: base.seq,
    };
    expect(auditEntryHash(reordered)).toBe(auditEntryHash(base));
  });

  it.each<[string, Partial<AuditHashInput>]>([
    ['seq', { seq: 43 }],
    ['chain', { chain: '431103' }],
    ['areaCode', { areaCode: '431102002' }],
    ['at (one millisecond)', { at: new Date(base.at.getTime() + 1) }],
    ['actor.userId', { actor: { ...base.actor, userId: null } }],
    ['actor.username', { actor: { ...base.actor, username: 'op2' } }],
    ['actor.role', { actor: { ...base.actor, role: 'TOWNSHIP_REVIEWER' } }],
    ['actor.areaCode', { actor: { ...base.actor, areaCode: '431102002' } }],
    ['action', { action: 'application.viewed' }],
    ['applicationId', { applicationId: null }],
    ['detail (a nested value)', { detail: { ...base.detail, nested: { b: 3, a: [1, 'x', null] } } }],
    ['detail (an added key)', { detail: { ...base.detail, extra: true } }],
    ['detail (number vs string)', { detail: { ...base.detail, members: '4' } }],
    ['ip', { ip: null }],
    ['prevHash', { prevHash: GENESIS_HASH }],
  ])('changes when %s changes', (_field, change) => {
    expect(auditEntryHash({ ...base, ...change })).not.toBe(auditEntryHash(base));
  });

  it('starts every chain from 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });
});
