import { randomUUID } from 'node:crypto';
import { loadEventContract, type EventContract } from '@app/testing';
import { EVENT_TYPES } from './event.types';

function decided(
  data: Record<string, unknown> = {},
  envelope: Record<string, unknown> = {},
): Record<string, unknown> {
  const applicationId = randomUUID();
  return {
    specversion: '1.0',
    id: randomUUID(),
    type: 'application.decided',
    source: '/hev/431102',
    subject: applicationId,
    time: '2026-11-23T08:00:00.000Z',
    datacontenttype: 'application/json',
    // The shape of an Ed25519 signature (64 bytes, base64); the contract checks shape, the consumer the key.
    hevsignature: `${'A'.repeat(86)}==`,
    data: {
      applicationId,
      number: '431102001-2026-000042',
      programme: 'DIBAO',
      status: 'APPROVED',
      townshipCode: '431102001',
      countyCode: '431102',
      decision: 'APPROVE',
      monthlyBenefitFen: 28000,
      effectiveMonth: '2026-12',
      ...data,
    },
    ...envelope,
  };
}

describe('the AsyncAPI event contract (docs/asyncapi.yaml)', () => {
  let contract: EventContract;

  beforeAll(async () => {
    contract = await loadEventContract();
  });

  it('declares exactly the event types of SPEC 7.2', () => {
    expect([...contract.types].sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('accepts a well-formed envelope', () => {
    expect(contract.problems(decided())).toEqual([]);
    expect(
      contract.problems(
        decided({ decision: 'REJECT', status: 'REJECTED', monthlyBenefitFen: null, effectiveMonth: null }),
      ),
    ).toEqual([]);
  });

  it.each([
    ['an unknown type', decided({}, { type: 'application.created' }), /no message for event type/],
    ['no type at all', { data: {} }, /no message for event type/],
    ['no signature', decided({}, { hevsignature: undefined }), /hevsignature/],
    ['a signature that is not base64 of 64 bytes', decided({}, { hevsignature: 'c2lnbmVk' }), /hevsignature/],
    ['another spec version', decided({}, { specversion: '0.3' }), /specversion/],
    ['a source that is not /hev/<6 digits>', decided({}, { source: '/hev/431102001' }), /source/],
    ['an id that is not a uuid', decided({}, { id: 'evt-1' }), /\/id/],
    ['a time without zone', decided({}, { time: '2026-11-23 08:00' }), /\/time/],
    ['an unknown envelope field', decided({}, { traceid: 'x' }), /additional properties/],
    ['an application event without subject', decided({}, { subject: undefined }), /subject/],
    ['a decision without amount', decided({ monthlyBenefitFen: undefined }), /monthlyBenefitFen/],
    ['an approval with a null amount', decided({ monthlyBenefitFen: null }), /monthlyBenefitFen/],
    ['a fractional amount of fen', decided({ monthlyBenefitFen: 280.5 }), /monthlyBenefitFen/],
    ['a malformed effective month', decided({ effectiveMonth: '2026-13' }), /effectiveMonth/],
    ['an unknown programme', decided({ programme: 'BASIC' }), /programme/],
    ['a village code as township', decided({ townshipCode: '431102001001' }), /townshipCode/],
  ])('rejects %s', (_label, envelope, problem) => {
    const problems = contract.problems(JSON.parse(JSON.stringify(envelope)));
    expect(problems.join('\n')).toMatch(problem);
  });

  it('requires the notice period and how it ended on application.public-notice-ended', () => {
    const base = decided();
    const ended = {
      ...base,
      type: 'application.public-notice-ended',
      data: {
        ...(base.data as Record<string, unknown>),
        status: 'VERIFIED',
        startedAt: '2026-11-23T08:00:00.000Z',
        endsAt: '2026-11-30T08:00:00.000Z',
        endedAt: '2026-11-24T09:00:00.000Z',
        endReason: 'OBJECTION',
      },
    };
    expect(contract.problems(ended)).toEqual([]);
    const { endReason: _reason, ...withoutReason } = ended.data;
    expect(contract.problems({ ...ended, data: withoutReason }).join('\n')).toMatch(/endReason/);
    expect(contract.problems({ ...ended, data: { ...ended.data, endReason: 'LOST' } }).join('\n')).toMatch(
      /endReason/,
    );
  });

  it('rejects an intake rejection that names an application or lists no errors', () => {
    const rejected = {
      specversion: '1.0',
      id: randomUUID(),
      type: 'application.intake-rejected',
      source: '/hev/431100',
      time: '2026-11-23T08:00:00.000Z',
      datacontenttype: 'application/json',
      hevsignature: `${'B'.repeat(86)}==`,
      data: {
        idempotencyKey: 'k-1',
        errors: [{ path: 'programme', message: 'must be one of DIBAO, EDGE, TEKUN' }],
      },
    };
    expect(contract.problems(rejected)).toEqual([]);
    expect(
      contract.problems({ ...rejected, data: { ...rejected.data, applicationId: randomUUID() } }),
    ).not.toEqual([]);
    expect(contract.problems({ ...rejected, data: { ...rejected.data, errors: [] } })).not.toEqual([]);
    expect(
      contract.problems({ ...rejected, data: { idempotencyKey: 'k-1', errors: [{ path: 'x' }] } }),
    ).not.toEqual([]);
    // SPEC 7.1: at most 50 errors.
    const many = Array.from({ length: 51 }, (_, i) => ({ path: `members[${i}]`, message: 'bad' }));
    expect(contract.problems({ ...rejected, data: { ...rejected.data, errors: many } })).not.toEqual([]);
  });
});
