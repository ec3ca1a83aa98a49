import { ApplicationStatus, type ApplicationView } from '@app/applications';
import { checkSignedRecord, replayDecisionRecord, type SignedDecisionRecord } from '@app/decisions';
import { type Recommendation, type RuleId } from '@app/eligibility';
import { generateIdNumber } from '@app/privacy';
import { householdBody } from './support/households';
import { Platform, waitFor, type UserKey } from './support/platform-harness';

/*
 * SPEC 6 through the real pipeline: households whose persons are pinned in the mocked departments, submitted over
 * HTTP, verified by a real worker; the recommendation and the signed decision record are asserted. Expected figures
 * come from the seeded demonstration parameters (urban standard 650 yuan, rural 450, EDGE × 1.5, TEKUN × 1.3,
 * assets 24 months (EDGE 36), one dwelling, enterprise capital limit 200 000 yuan).
 */

type Programme = 'DIBAO' | 'EDGE' | 'TEKUN';
type Profile = Record<string, unknown>;

const URBAN = 65_000;

interface Case {
  name: string;
  programme: Programme;
  residence: 'URBAN' | 'RURAL';
  age: number;
  declaredWageFen: number;
  hasAbleSupporter?: boolean;
  /** The applicant's answers on top of a clean profile (alive, one dwelling, small deposits). */
  profile?: Profile;
  outcome: Recommendation['outcome'];
  monthlyBenefitFen: number;
  /** The rule the case is about and its result; every other rule must PASS. */
  rule?: [RuleId, 'PASS' | 'FAIL' | 'REVIEW'];
  alternativeProgramme?: 'DIBAO' | 'EDGE' | null;
}

const baseline: Record<Programme, Omit<Case, 'name' | 'outcome' | 'monthlyBenefitFen'>> = {
  // 200 yuan declared, below the urban standard: (650 − 200) × 1 = 450 yuan.
  DIBAO: { programme: 'DIBAO', residence: 'URBAN', age: 40, declaredWageFen: 20_000 },
  // 500 yuan: above the rural standard (450) and below the EDGE line ⌊1.5 × 450⌋ = 675 yuan.
  EDGE: { programme: 'EDGE', residence: 'RURAL', age: 40, declaredWageFen: 50_000 },
  // Aged 70, no income: round-half-up(1.3 × 650) × 1 = 845 yuan.
  TEKUN: { programme: 'TEKUN', residence: 'URBAN', age: 70, declaredWageFen: 0 },
};

const eligibleAmount: Record<Programme, number> = {
  DIBAO: URBAN - 20_000,
  EDGE: 0,
  TEKUN: Math.round((13 * URBAN) / 10 / 100) * 100,
};

/** Verified wage that fails each programme's INCOME rule without qualifying for an alternative. */
const failingWage: Record<Programme, number> = { DIBAO: 120_000, EDGE: 80_000, TEKUN: 70_000 };

function failing(programme: Programme): Case[] {
  const base = baseline[programme];
  const fail = (name: string, rule: RuleId, profile: Profile): Case => ({
    ...base,
    name: `${programme}: ${name}`,
    profile,
    outcome: 'INELIGIBLE',
    monthlyBenefitFen: 0,
    rule: [rule, 'FAIL'],
  });
  const review = (name: string, rule: RuleId, profile: Profile): Case => ({
    ...base,
    name: `${programme}: ${name}`,
    profile,
    outcome: 'NEEDS_REVIEW',
    monthlyBenefitFen: 0,
    rule: [rule, 'REVIEW'],
  });
  return [
    {
      ...base,
      name: `${programme}: every rule passes`,
      outcome: 'ELIGIBLE',
      monthlyBenefitFen: eligibleAmount[programme],
      alternativeProgramme: null,
    },
    fail('a wage found above the line fails INCOME', 'INCOME', {
      employment: [{ employer: '永州某公司', monthlyWageFen: failingWage[programme] }],
    }),
    fail('deposits of 20 000 yuan fail FINANCIAL_ASSETS', 'FINANCIAL_ASSETS', {
      banking: { depositsFen: 2_000_000, securitiesFen: 0, wealthProductsFen: 0 },
    }),
    fail('a registered car fails VEHICLES', 'VEHICLES', {
      vehicles: [{ plate: '湘M12345', type: 'CAR', disabilityMobility: false }],
    }),
    fail('two dwellings fail DWELLINGS', 'DWELLINGS', {
      properties: [
        { certificateNo: '湘(2018)零陵区不动产权第0000001号', type: 'DWELLING', areaSqm: 80 },
        { certificateNo: '湘(2020)零陵区不动产权第0000002号', type: 'DWELLING', areaSqm: 60 },
      ],
    }),
    fail('an active company of 300 000 yuan fails ENTERPRISE', 'ENTERPRISE', {
      businesses: [
        {
          name: '永州某某有限公司',
          kind: 'ENTERPRISE',
          role: 'LEGAL_REP',
          registeredCapitalFen: 30_000_000,
          status: 'ACTIVE',
        },
      ],
    }),
    review('public payroll needs review', 'PUBLIC_PAYROLL', { publicPayroll: true }),
    review('assistance already received needs review', 'ALREADY_ASSISTED', {
      receivingAssistance: [{ programme: 'DIBAO', areaCode: '431103' }],
    }),
  ];
}

const CASES: Case[] = [
  ...failing('DIBAO'),
  ...failing('EDGE'),
  ...failing('TEKUN'),
  {
    ...baseline.TEKUN,
    name: 'TEKUN: an able adult fails NO_LABOUR_CAPACITY',
    age: 40,
    outcome: 'INELIGIBLE',
    monthlyBenefitFen: 0,
    rule: ['NO_LABOUR_CAPACITY', 'FAIL'],
  },
  {
    ...baseline.TEKUN,
    name: 'TEKUN: an adult with a verified grade-2 intellectual disability passes NO_LABOUR_CAPACITY',
    age: 40,
    profile: { disability: { category: 'INTELLECTUAL', grade: 2 } },
    outcome: 'ELIGIBLE',
    monthlyBenefitFen: eligibleAmount.TEKUN,
    rule: ['NO_LABOUR_CAPACITY', 'PASS'],
  },
  {
    ...baseline.TEKUN,
    name: 'TEKUN: an able supporter fails NO_ABLE_SUPPORTER',
    hasAbleSupporter: true,
    outcome: 'INELIGIBLE',
    monthlyBenefitFen: 0,
    rule: ['NO_ABLE_SUPPORTER', 'FAIL'],
  },
  {
    ...baseline.DIBAO,
    name: 'DIBAO failing only INCOME within the EDGE line: alternative EDGE',
    // 800 yuan found: above 650, below ⌊1.5 × 650⌋ = 975.
    profile: { employment: [{ employer: '永州某公司', monthlyWageFen: 80_000 }] },
    outcome: 'INELIGIBLE',
    monthlyBenefitFen: 0,
    rule: ['INCOME', 'FAIL'],
    alternativeProgramme: 'EDGE',
  },
  {
    ...baseline.EDGE,
    name: 'EDGE below the dibao standard: alternative DIBAO',
    declaredWageFen: 30_000,
    outcome: 'ELIGIBLE',
    monthlyBenefitFen: 0,
    alternativeProgramme: 'DIBAO',
  },
];

describe('eligibility through the real pipeline and mocked departments (SPEC 6)', () => {
  let platform: Platform;
  let tokens: Record<UserKey, string>;
  let publicKey: { kty: 'OKP'; crv: 'Ed25519'; x: string };
  const submitted = new Map<string, string>();

  function idOf(index: number, age: number): string {
    // Born in March: on the creation date (after March 2026) the applicant is exactly `age`.
    const year = 2026 - age;
    return generateIdNumber(`${year}-03-${String(1 + (index % 28)).padStart(2, '0')}`, 300 + index, '431102');
  }

  function cleanProfile(extra: Profile = {}): Profile {
    return {
      alive: true,
      hukouAreaCode: '431102',
      properties: [{ certificateNo: '湘(2015)零陵区不动产权第0009999号', type: 'DWELLING', areaSqm: 70 }],
      banking: { depositsFen: 100_000, securitiesFen: 0, wealthProductsFen: 0 },
      publicPayroll: false,
      receivingAssistance: [],
      ...extra,
    };
  }

  async function submit(index: number, c: Case): Promise<string> {
    const idNumber = idOf(index, c.age);
    await platform.mock.pin(idNumber, cleanProfile(c.profile));
    const body = householdBody(
      [
        {
          idNumber,
          employment: c.declaredWageFen > 0 ? 'EMPLOYED' : 'UNEMPLOYED',
          wageFen: c.declaredWageFen,
          depositsFen: 100_000,
          dwellings: 1,
        },
      ],
      { programme: c.programme, residence: c.residence },
    );
    const created = await platform.http.call<ApplicationView>('POST', '/api/v1/applications', {
      token: tokens.operator,
      body: { ...body, hasAbleSupporter: c.hasAbleSupporter ?? false },
    });
    if (created.status !== 201)
      throw new Error(`${c.name}: create answered ${created.status} ${JSON.stringify(created.body)}`);
    return created.body.id;
  }

  async function verified(id: string): Promise<ApplicationView> {
    return waitFor(
      async () => {
        const view = await platform.http.call<ApplicationView>('GET', `/api/v1/applications/${id}`, {
          token: tokens.operator,
        });
        return view.body.status === ApplicationStatus.VERIFIED ? view.body : undefined;
      },
      `application ${id} to be VERIFIED`,
      60_000,
    );
  }

  async function recordOf(id: string): Promise<SignedDecisionRecord> {
    const reply = await platform.http.call<SignedDecisionRecord>(
      'GET',
      `/api/v1/applications/${id}/decision-record`,
      {
        token: tokens.approver,
      },
    );
    expect(reply.status).toBe(200);
    return reply.body;
  }

  beforeAll(async () => {
    platform = await Platform.start({
      env: { SOURCE_ATTEMPTS: '2', SOURCE_BACKOFF_MS: '20', SOURCE_BACKOFF_MAX_MS: '50' },
    });
    await platform.startWorker();
    tokens = await platform.createUsers();
    await platform.mock.allHealthy();
    const keys = await platform.http.call<{ keys: { x: string }[] }>('GET', '/api/v1/keys');
    publicKey = { kty: 'OKP', crv: 'Ed25519', x: keys.body.keys[0]!.x };
    for (const [index, c] of CASES.entries()) submitted.set(c.name, await submit(index, c));
  }, 180_000);

  afterAll(async () => {
    await platform?.close();
  });

  it('covers at least twelve cases, every programme, every rule passing and not passing', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(12);
    expect(new Set(CASES.map((c) => c.programme))).toEqual(new Set(['DIBAO', 'EDGE', 'TEKUN']));
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const id = submitted.get(c.name)!;
    const view = await verified(id);
    const run = await platform.http.call<{ status: string; recommendation: Recommendation }>(
      'GET',
      `/api/v1/applications/${id}/verification`,
      { token: tokens.operator },
    );
    expect(run.status).toBe(200);
    const recommendation = run.body.recommendation;
    expect(recommendation).toMatchObject({
      programme: c.programme,
      outcome: c.outcome,
      monthlyBenefitFen: c.monthlyBenefitFen,
    });
    expect(view.recommendation).toEqual({ outcome: c.outcome, monthlyBenefitFen: c.monthlyBenefitFen });
    if (c.alternativeProgramme !== undefined)
      expect(recommendation.alternativeProgramme).toBe(c.alternativeProgramme);
    const others = recommendation.rules.filter((r) => r.id !== c.rule?.[0]);
    expect(others.filter((r) => r.result !== 'PASS')).toEqual([]);
    if (c.rule) expect(recommendation.rules.find((r) => r.id === c.rule![0])?.result).toBe(c.rule[1]);

    // The signed decision record holds what the engine saw, replays to the same result, and verifies with the key.
    const record = await recordOf(id);
    expect(record.record.runId).toBeDefined();
    expect(record.record.recommendation).toEqual(recommendation);
    const replay = replayDecisionRecord(record.record);
    expect(replay.reproduced).toBe(true);
    expect(replay.replayed.outcome).toBe(c.outcome);
    expect(replay.replayed.monthlyBenefitFen).toBe(c.monthlyBenefitFen);
    expect(checkSignedRecord(record, publicKey)).toEqual({ hashValid: true, signatureValid: true });
    expect(
      record.record.sources.filter((s) => s.status === 'SUCCEEDED' || s.status === 'NO_RECORD'),
    ).toHaveLength(11);
  });

  it('recommends NEEDS_REVIEW, never a denial, when a department is unavailable', async () => {
    await platform.mock.behave('BANKING', { down: true });
    try {
      const c: Case = {
        ...baseline.DIBAO,
        name: 'DIBAO with BANKING down',
        outcome: 'NEEDS_REVIEW',
        monthlyBenefitFen: 0,
        rule: ['DATA_COMPLETE', 'REVIEW'],
      };
      const id = await submit(CASES.length, c);
      await verified(id);
      const run = await platform.http.call<{
        status: string;
        recommendation: Recommendation;
        report: { missingSources: string[] };
      }>('GET', `/api/v1/applications/${id}/verification`, { token: tokens.operator });
      expect(run.body.status).toBe('INCOMPLETE');
      expect(run.body.report.missingSources).toEqual(['BANKING']);
      expect(run.body.recommendation).toMatchObject({ outcome: 'NEEDS_REVIEW', monthlyBenefitFen: 0 });
      expect(run.body.recommendation.rules.find((r) => r.id === 'DATA_COMPLETE')?.result).toBe('REVIEW');
      expect(run.body.recommendation.rules.filter((r) => r.result === 'FAIL')).toEqual([]);
      const record = await recordOf(id);
      expect(record.record.sources.find((s) => s.source === 'BANKING')).toMatchObject({
        status: 'FAILED',
        response: null,
      });
      expect(replayDecisionRecord(record.record).reproduced).toBe(true);
    } finally {
      await platform.mock.behave('BANKING', { down: false });
    }
  }, 90_000);
});
