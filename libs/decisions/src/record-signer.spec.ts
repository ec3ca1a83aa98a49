import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { canonicalJson, sha256Hex } from '@app/common';
import { YONGZHOU_DEMO_PARAMETERS, evaluate } from '@app/eligibility';
import {
  checkSignedRecord,
  recordHashOf,
  replayDecisionRecord,
  responseHashOf,
} from './decision-record-replay';
import {
  DECISION_RECORD_SCHEMA,
  type DecisionRecordDocument,
  type SignedDecisionRecord,
} from './decision-record.types';
import { jwkThumbprint, RecordSigner, verifySignature } from './record-signer';

// RFC 8032 section 7.1, TEST 1: the seed, its public key and the signature of the empty message.
const RFC8032_SEED = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const RFC8032_PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const RFC8032_EMPTY_SIGNATURE =
  'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b';

function document(): DecisionRecordDocument {
  const household = {
    programme: 'DIBAO' as const,
    residence: 'URBAN' as const,
    hasAbleSupporter: false,
    createdOn: '2026-11-20',
    members: [
      {
        memberId: 'a8f1c2d0-0000-4000-8000-000000000001',
        relation: 'SELF' as const,
        coResident: true,
        exclusion: null,
        ageOnCreation: 46,
        declaredDisability: null,
        declaredMonthlyIncome: {
          wageFen: 20000,
          businessFen: 0,
          propertyFen: 0,
          transferFen: 0,
          excludedFen: 0,
        },
        declaredAssets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, dwellings: 1 },
      },
    ],
  };
  const facts = { members: [], failedSources: [] };
  const { version, ...values } = YONGZHOU_DEMO_PARAMETERS;
  return {
    schema: DECISION_RECORD_SCHEMA,
    recordId: 'b1b1b1b1-0000-4000-8000-000000000001',
    applicationId: 'c2c2c2c2-0000-4000-8000-000000000001',
    applicationNumber: '431102001-2026-000001',
    runId: 'd3d3d3d3-0000-4000-8000-000000000001',
    recordedAt: '2026-11-23T08:00:00.000Z',
    household,
    sources: [
      {
        source: 'BANKING',
        memberId: household.members[0]!.memberId,
        status: 'SUCCEEDED',
        response: { depositsFen: 1200, securitiesFen: 0, wealthProductsFen: 0 },
        sha256: responseHashOf({ depositsFen: 1200, securitiesFen: 0, wealthProductsFen: 0 }),
      },
    ],
    facts,
    policy: { version, areaCode: '431100', effectiveFrom: '2026-01-01', legalBasis: 'demo', values },
    recommendation: evaluate(household, facts, YONGZHOU_DEMO_PARAMETERS),
    decisions: [],
  };
}

function signed(signer: RecordSigner, record = document()): SignedDecisionRecord {
  return {
    record,
    recordHash: recordHashOf(record),
    signature: signer.sign(canonicalJson(record)),
    signatureAlgorithm: 'Ed25519',
    keyId: signer.keyId,
  };
}

describe('RecordSigner (Ed25519 from the SIGNING_KEY seed)', () => {
  const signer = new RecordSigner(Buffer.from(RFC8032_SEED, 'hex'));

  it('derives the RFC 8032 public key and signature from the seed', () => {
    expect(Buffer.from(signer.publicJwk().x, 'base64url').toString('hex')).toBe(RFC8032_PUBLIC);
    expect(Buffer.from(signer.sign(''), 'base64').toString('hex')).toBe(RFC8032_EMPTY_SIGNATURE);
  });

  it('publishes a JWK whose kid is its RFC 7638 thumbprint, and the same key as PEM', () => {
    const jwk = signer.publicJwk();
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    expect(jwk.kid).toBe(jwkThumbprint(jwk.x));
    expect(jwk.kid).toBe(signer.keyId);
    const fromPem = createPublicKey(signer.publicPem()).export({ format: 'jwk' });
    expect(fromPem.x).toBe(jwk.x);
  });

  it('refuses a seed that is not 32 bytes', () => {
    expect(() => new RecordSigner(Buffer.alloc(31))).toThrow(/32 bytes/);
  });
});

describe('checking a signed record with only the public key', () => {
  const signer = new RecordSigner(Buffer.from(RFC8032_SEED, 'hex'));
  const { x } = signer.publicJwk();
  const published = { kty: 'OKP' as const, crv: 'Ed25519' as const, x };

  it('accepts the record as signed, and its hash is the SHA-256 of its canonical JSON', () => {
    const record = signed(signer);
    expect(record.recordHash).toBe(sha256Hex(canonicalJson(record.record)));
    expect(checkSignedRecord(record, published)).toEqual({ hashValid: true, signatureValid: true });
  });

  it('detects a changed amount: hash and signature no longer match', () => {
    const record = signed(signer);
    const tampered = {
      ...record,
      record: {
        ...record.record,
        recommendation: { ...record.record.recommendation, monthlyBenefitFen: 99_900 },
      },
    };
    expect(checkSignedRecord(tampered, published)).toEqual({ hashValid: false, signatureValid: false });
  });

  it('detects a source response changed together with a recomputed record hash', () => {
    const record = signed(signer);
    const source = {
      ...record.record.sources[0]!,
      response: { depositsFen: 1, securitiesFen: 0, wealthProductsFen: 0 },
    };
    const changed = { ...record.record, sources: [source] };
    const forged = { ...record, record: changed, recordHash: recordHashOf(changed) };
    expect(checkSignedRecord(forged, published)).toEqual({ hashValid: false, signatureValid: false });
  });

  it('rejects a signature made with another key', () => {
    const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
    expect(
      verifySignature(
        { kty: 'OKP', crv: 'Ed25519', x: other.x! },
        canonicalJson(document()),
        signed(signer).signature,
      ),
    ).toBe(false);
  });
});

describe('replayDecisionRecord', () => {
  it('reproduces the stored recommendation, and notices one that the engine would not give', () => {
    const record = document();
    expect(replayDecisionRecord(record).reproduced).toBe(true);
    const wrong = { ...record, recommendation: { ...record.recommendation, monthlyBenefitFen: 1 } };
    const replay = replayDecisionRecord(wrong);
    expect(replay.reproduced).toBe(false);
    expect(replay.replayed.monthlyBenefitFen).toBe(record.recommendation.monthlyBenefitFen);
  });
});
