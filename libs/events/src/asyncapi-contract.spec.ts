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

describe('the AsyncAPI contract of dynamic management (SPEC 11)', () => {
  let contract: EventContract;

  beforeAll(async () => {
    contract = await loadEventContract();
  });

  const beneficiaryId = randomUUID();
  const reviewId = randomUUID();
  const base = {
    beneficiaryId,
    applicationId: randomUUID(),
    number: '431102001-2026-000042',
    programme: 'DIBAO',
    status: 'ACTIVE',
    townshipCode: '431102001',
    countyCode: '431102',
    monthlyBenefitFen: 110000,
  };
  function envelope(type: string, data: Record<string, unknown>, subject: string | null = beneficiaryId) {
    return {
      specversion: '1.0',
      id: randomUUID(),
      type,
      source: '/hev/431102',
      ...(subject === null ? {} : { subject }),
      time: '2026-12-03T08:00:00.000Z',
      datacontenttype: 'application/json',
      // SPEC 7.2 as signed by the security work: every event carries its Ed25519 signature (base64 of 64 bytes).
      hevsignature: `${'C'.repeat(86)}==`,
      data,
    };
  }
  const valid: [string, Record<string, unknown>][] = [
    [
      'beneficiary.enrolled',
      { ...base, since: '2027-01', reviewCategory: 'HALF_YEARLY', nextReviewDueOn: '2027-07-01' },
    ],
    [
      'beneficiary.review-opened',
      {
        ...base,
        status: 'UNDER_REVIEW',
        reviewId,
        reason: 'PERIODIC',
        reviewStatus: 'VERIFYING',
        batchId: null,
        reviewDueOn: '2027-07-01',
      },
    ],
    [
      'beneficiary.reviewed',
      { ...base, reviewId, reason: 'PERIODIC', result: 'UNCHANGED', batchId: randomUUID() },
    ],
    [
      'beneficiary.changed',
      {
        ...base,
        monthlyBenefitFen: 50000,
        change: 'DECREASE',
        fromFen: 110000,
        toFen: 50000,
        effectiveMonth: '2027-01',
        reviewId,
      },
    ],
    [
      'beneficiary.changed',
      {
        ...base,
        status: 'GRADUAL_EXIT',
        change: 'GRADUAL_EXIT',
        fromFen: 110000,
        toFen: 110000,
        effectiveMonth: '2027-01',
        untilMonth: '2027-06',
        reviewId,
      },
    ],
    [
      'beneficiary.stopped',
      {
        ...base,
        status: 'STOPPED',
        monthlyBenefitFen: 0,
        stoppedFrom: '2027-07',
        cause: 'STOPPED',
        reviewId: null,
      },
    ],
    [
      'beneficiary.life-event-matched',
      {
        ...base,
        lifeEventId: randomUUID(),
        type: 'DEATH',
        occurredOn: '2026-11-30',
        memberId: randomUUID(),
        reviewId,
      },
    ],
  ];

  it.each(valid)('accepts a well-formed %s', (type, data) => {
    expect(contract.problems(envelope(type, data))).toEqual([]);
  });

  it('accepts a completed review batch, whose subject is the batch', () => {
    const batchId = randomUUID();
    const data = {
      batchId,
      areaCode: '431102',
      total: 300,
      unchanged: 280,
      awaitingDecision: 15,
      closed: 284,
      failed: 1,
      startedAt: '2026-12-03T08:00:00.000Z',
      completedAt: '2026-12-03T08:05:00.000Z',
    };
    expect(contract.problems(envelope('review-batch.completed', data, batchId))).toEqual([]);
    expect(
      contract.problems(envelope('review-batch.completed', { ...data, total: -1 }, batchId)).join('\n'),
    ).toMatch(/total/);
    expect(contract.problems(envelope('review-batch.completed', data, null)).join('\n')).toMatch(/subject/);
  });

  it.each([
    [
      'a change without effective month',
      'beneficiary.changed',
      { ...valid[3]![1], effectiveMonth: undefined },
      /effectiveMonth/,
    ],
    ['an unknown change', 'beneficiary.changed', { ...valid[3]![1], change: 'HALVE' }, /change/],
    ['a fractional amount', 'beneficiary.changed', { ...valid[3]![1], toFen: 500.5 }, /toFen/],
    ['an unknown review result', 'beneficiary.reviewed', { ...valid[2]![1], result: 'MAYBE' }, /result/],
    [
      'an unknown beneficiary status',
      'beneficiary.enrolled',
      { ...valid[0]![1], status: 'PAUSED' },
      /status/,
    ],
    [
      'a stop that does not say STOPPED',
      'beneficiary.stopped',
      { ...valid[5]![1], status: 'ACTIVE' },
      /status/,
    ],
    [
      'a life event of an unknown type',
      'beneficiary.life-event-matched',
      { ...valid[6]![1], type: 'MARRIAGE' },
      /type/,
    ],
    [
      'an event without the beneficiary id',
      'beneficiary.enrolled',
      { ...valid[0]![1], beneficiaryId: undefined },
      /beneficiaryId/,
    ],
  ] as const)('rejects %s', (_label, type, data, problem) => {
    const problems = contract.problems(JSON.parse(JSON.stringify(envelope(type, data))));
    expect(problems.join('\n')).toMatch(problem);
  });
});
