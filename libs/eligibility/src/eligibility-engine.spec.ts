import {
  declaredAssets,
  declaredIncome,
  facts,
  household,
  member,
  memberFacts,
  params,
} from './eligibility.fixture';
import {
  evaluate,
  OUTCOMES,
  RULE_IDS,
  RULE_RESULTS,
  YONGZHOU_DEMO_PARAMETERS,
  type BusinessFact,
  type Disability,
  type HouseholdInput,
  type HouseholdMember,
  type MemberFacts,
  type PolicyParameters,
  type Recommendation,
  type RuleId,
  type VerifiedFacts,
} from './index';

function ruleOf(recommendation: Recommendation, id: RuleId) {
  const found = recommendation.rules.find((rule) => rule.id === id);
  if (found === undefined) throw new Error(`rule ${id} missing`);
  return found;
}

/** One counted member (m1) with these declarations and these facts on top of "nothing found". */
function one(
  overrides: Partial<HouseholdMember> = {},
  found: Partial<Omit<MemberFacts, 'memberId'>> = {},
  householdOverrides: Partial<HouseholdInput> = {},
): [HouseholdInput, VerifiedFacts] {
  return [household([member('m1', overrides)], householdOverrides), facts([memberFacts('m1', found)])];
}

const wage = (wageFen: number) => ({ declaredMonthlyIncome: declaredIncome({ wageFen }) });
const deposits = (depositsFen: number) => ({ declaredAssets: declaredAssets({ depositsFen }) });

describe('contract strings', () => {
  it('exports the rule ids, results and outcomes of SPEC 6.3', () => {
    expect(RULE_IDS).toEqual([
      'INCOME',
      'FINANCIAL_ASSETS',
      'VEHICLES',
      'DWELLINGS',
      'ENTERPRISE',
      'PUBLIC_PAYROLL',
      'ALREADY_ASSISTED',
      'NO_LABOUR_CAPACITY',
      'NO_ABLE_SUPPORTER',
      'DATA_COMPLETE',
    ]);
    expect(RULE_RESULTS).toEqual(['PASS', 'FAIL', 'REVIEW']);
    expect(OUTCOMES).toEqual(['ELIGIBLE', 'INELIGIBLE', 'NEEDS_REVIEW']);
  });

  it('seeds the demonstration parameters of SPEC 6.1, frozen', () => {
    expect(YONGZHOU_DEMO_PARAMETERS).toEqual({
      version: '00000000-0000-4000-8000-431100260101',
      dibaoStandardUrbanFen: 65000,
      dibaoStandardRuralFen: 45000,
      edgeMultiplier: 1.5,
      tekunMultiplier: 1.3,
      financialAssetMonths: 24,
      edgeFinancialAssetMonths: 36,
      maxDwellings: 1,
      enterpriseCapitalLimitFen: 20000000,
      incomeToleranceFen: 10000,
      incomeTolerancePct: 10,
    });
    expect(Object.isFrozen(YONGZHOU_DEMO_PARAMETERS)).toBe(true);
  });
});

describe('evaluate: rule trace shape', () => {
  it.each([
    [
      'DIBAO' as const,
      [
        'INCOME',
        'FINANCIAL_ASSETS',
        'VEHICLES',
        'DWELLINGS',
        'ENTERPRISE',
        'PUBLIC_PAYROLL',
        'ALREADY_ASSISTED',
        'DATA_COMPLETE',
      ],
    ],
    [
      'EDGE' as const,
      [
        'INCOME',
        'FINANCIAL_ASSETS',
        'VEHICLES',
        'DWELLINGS',
        'ENTERPRISE',
        'PUBLIC_PAYROLL',
        'ALREADY_ASSISTED',
        'DATA_COMPLETE',
      ],
    ],
    [
      'TEKUN' as const,
      [
        'INCOME',
        'FINANCIAL_ASSETS',
        'VEHICLES',
        'DWELLINGS',
        'ENTERPRISE',
        'PUBLIC_PAYROLL',
        'ALREADY_ASSISTED',
        'NO_LABOUR_CAPACITY',
        'NO_ABLE_SUPPORTER',
        'DATA_COMPLETE',
      ],
    ],
  ])('%s lists its rules in SPEC 6.3 order, each with a detail and a legal basis', (programme, ids) => {
    const recommendation = evaluate(...one({ ageOnCreation: 70 }, {}, { programme }), params());
    expect(recommendation.rules.map((rule) => rule.id)).toEqual(ids);
    for (const rule of recommendation.rules) {
      expect(rule.detail.length).toBeGreaterThan(10);
      expect(rule.legalBasis).toMatch(/《.+》.*第.+条/);
    }
    expect(recommendation.policyVersion).toBe(YONGZHOU_DEMO_PARAMETERS.version);
  });

  it('returns exactly the recommendation view of SPEC 6.4 for a clean DIBAO household', () => {
    // 3 counted members, household income 156 000 fen: per capita 52 000 < 65 000.
    const members = [
      member('m1', wage(156000)),
      member('m2', { relation: 'SPOUSE', declaredAssets: declaredAssets({ dwellings: 1 }) }),
      member('m3', { relation: 'CHILD', ageOnCreation: 9 }),
    ];
    const recommendation = evaluate(
      household(members),
      facts(members.map((m) => memberFacts(m.memberId))),
      params(),
    );
    expect(Object.keys(recommendation)).toEqual([
      'programme',
      'outcome',
      'monthlyBenefitFen',
      'alternativeProgramme',
      'rules',
      'assessment',
      'policyVersion',
    ]);
    expect(recommendation).toMatchObject({
      programme: 'DIBAO',
      outcome: 'ELIGIBLE',
      monthlyBenefitFen: 39000, // (65 000 − 52 000) × 3
      alternativeProgramme: null,
      assessment: {
        n: 3,
        householdIncomeFen: 156000,
        perCapitaFen: 52000,
        standardFen: 65000,
        financialAssetsFen: 0,
        vehicles: 0,
        dwellings: 1,
      },
    });
    expect(Object.keys(recommendation.assessment)).toEqual([
      'n',
      'householdIncomeFen',
      'perCapitaFen',
      'standardFen',
      'financialAssetsFen',
      'vehicles',
      'dwellings',
    ]);
    expect(ruleOf(recommendation, 'INCOME')).toEqual({
      id: 'INCOME',
      result: 'PASS',
      detail:
        'per-capita income 520.00 yuan < standard 650.00 yuan (household income 1560.00 yuan ÷ 3 counted members, rounded down)',
      legalBasis: expect.stringContaining('《社会救助暂行办法》(国务院令第649号)第九条') as string,
    });
    expect(ruleOf(recommendation, 'FINANCIAL_ASSETS').detail).toBe(
      'financial assets 0.00 yuan ≤ limit 46800.00 yuan (24 months × standard 650.00 yuan × 3 counted members)',
    );
    expect(recommendation.rules.every((rule) => rule.result === 'PASS')).toBe(true);
  });

  it('cites the seeded set as demonstration parameters and a loaded set by its version only', () => {
    const [h, f] = one();
    const demo = evaluate(h, f, params());
    const loaded = evaluate(h, f, params({ version: '431100/2027-01-01' }));
    expect(ruleOf(demo, 'INCOME').legalBasis).toContain('demonstration parameters');
    expect(ruleOf(loaded, 'INCOME').legalBasis).not.toContain('demonstration');
    expect(ruleOf(loaded, 'INCOME').legalBasis).toContain('policy version 431100/2027-01-01');
    expect(loaded.policyVersion).toBe('431100/2027-01-01');
  });
});

describe('evaluate: INCOME (strictly below)', () => {
  it.each<
    [
      string,
      HouseholdInput['programme'],
      HouseholdInput['residence'],
      Partial<PolicyParameters>,
      number,
      'PASS' | 'FAIL',
    ]
  >([
    ['DIBAO one fen below the standard', 'DIBAO', 'URBAN', {}, 64999, 'PASS'],
    ['DIBAO equal to the standard', 'DIBAO', 'URBAN', {}, 65000, 'FAIL'],
    ['DIBAO rural one fen below', 'DIBAO', 'RURAL', {}, 44999, 'PASS'],
    ['DIBAO rural equal', 'DIBAO', 'RURAL', {}, 45000, 'FAIL'],
    ['TEKUN one fen below', 'TEKUN', 'URBAN', {}, 64999, 'PASS'],
    ['TEKUN equal', 'TEKUN', 'URBAN', {}, 65000, 'FAIL'],
    ['EDGE one fen below ⌊1.5 × 65 000⌋ = 97 500', 'EDGE', 'URBAN', {}, 97499, 'PASS'],
    ['EDGE equal to 97 500', 'EDGE', 'URBAN', {}, 97500, 'FAIL'],
    // ⌊1.5 × 45 001⌋ = ⌊67 501.5⌋ = 67 501: flooring, not rounding.
    [
      'EDGE one fen below the floored limit',
      'EDGE',
      'RURAL',
      { dibaoStandardRuralFen: 45001 },
      67500,
      'PASS',
    ],
    ['EDGE equal to the floored limit', 'EDGE', 'RURAL', { dibaoStandardRuralFen: 45001 }, 67501, 'FAIL'],
    // ⌊1.3 × 65 000⌋ = 84 500 with a different multiplier, still exact.
    ['EDGE with multiplier 1.3, one fen below', 'EDGE', 'URBAN', { edgeMultiplier: 1.3 }, 84499, 'PASS'],
    ['EDGE with multiplier 1.3, equal', 'EDGE', 'URBAN', { edgeMultiplier: 1.3 }, 84500, 'FAIL'],
  ])('%s → %s', (_label, programme, residence, overrides, perCapita, result) => {
    const recommendation = evaluate(
      ...one({ ...wage(perCapita), ageOnCreation: 70 }, {}, { programme, residence }),
      params(overrides),
    );
    expect(ruleOf(recommendation, 'INCOME').result).toBe(result);
    expect(recommendation.outcome).toBe(result === 'PASS' ? 'ELIGIBLE' : 'INELIGIBLE');
  });

  it('explains the EDGE limit with its figures', () => {
    const recommendation = evaluate(
      ...one(wage(67501), {}, { programme: 'EDGE', residence: 'RURAL' }),
      params({ dibaoStandardRuralFen: 45001 }),
    );
    expect(ruleOf(recommendation, 'INCOME').detail).toBe(
      'per-capita income 675.01 yuan ≥ edge limit 675.01 yuan = ⌊1.5 × standard 450.01 yuan⌋ (household income 675.01 yuan ÷ 1 counted member, rounded down)',
    );
  });
});

describe('evaluate: FINANCIAL_ASSETS (at most the limit)', () => {
  it.each<[string, HouseholdInput['programme'], number, 'PASS' | 'FAIL']>([
    ['DIBAO at 24 × 65 000', 'DIBAO', 1560000, 'PASS'],
    ['DIBAO one fen over', 'DIBAO', 1560001, 'FAIL'],
    ['TEKUN at 24 × 65 000', 'TEKUN', 1560000, 'PASS'],
    ['TEKUN one fen over', 'TEKUN', 1560001, 'FAIL'],
    ['EDGE at 36 × 65 000', 'EDGE', 2340000, 'PASS'],
    ['EDGE one fen over', 'EDGE', 2340001, 'FAIL'],
  ])('%s → %s', (_label, programme, assets, result) => {
    const recommendation = evaluate(
      ...one({ ...deposits(assets), ageOnCreation: 70 }, {}, { programme }),
      params(),
    );
    expect(ruleOf(recommendation, 'FINANCIAL_ASSETS').result).toBe(result);
  });

  it('scales the limit with n and counts verified wealth products', () => {
    const members = [member('m1'), member('m2', { relation: 'SPOUSE' })];
    const found = [
      memberFacts('m1', { banking: { depositsFen: 3000000, securitiesFen: 0, wealthProductsFen: 120000 } }),
      memberFacts('m2'),
    ];
    // limit 24 × 65 000 × 2 = 3 120 000; assets 3 120 000 pass, one fen more fails.
    expect(ruleOf(evaluate(household(members), facts(found), params()), 'FINANCIAL_ASSETS').result).toBe(
      'PASS',
    );
    const more = [
      memberFacts('m1', { banking: { depositsFen: 3000000, securitiesFen: 1, wealthProductsFen: 120000 } }),
      memberFacts('m2'),
    ];
    const failing = ruleOf(evaluate(household(members), facts(more), params()), 'FINANCIAL_ASSETS');
    expect(failing.result).toBe('FAIL');
    expect(failing.detail).toBe(
      'financial assets 31200.01 yuan > limit 31200.00 yuan (24 months × standard 650.00 yuan × 2 counted members)',
    );
  });
});

describe('evaluate: VEHICLES and DWELLINGS', () => {
  it.each<[string, Partial<HouseholdMember>, Partial<MemberFacts>, 'PASS' | 'FAIL']>([
    ['no vehicle', {}, {}, 'PASS'],
    ['a disability mobility vehicle', {}, { vehicles: [{ disabilityMobility: true }] }, 'PASS'],
    ['a registered car', {}, { vehicles: [{ disabilityMobility: false }] }, 'FAIL'],
    ['a declared vehicle', { declaredAssets: declaredAssets({ vehicles: 1 }) }, {}, 'FAIL'],
  ])('VEHICLES with %s → %s', (_label, declared, found, result) => {
    expect(ruleOf(evaluate(...one(declared, found), params()), 'VEHICLES').result).toBe(result);
  });

  it('explains the vehicle count', () => {
    const rule = ruleOf(
      evaluate(
        ...one({}, { vehicles: [{ disabilityMobility: false }, { disabilityMobility: true }] }),
        params(),
      ),
      'VEHICLES',
    );
    expect(rule.detail).toBe(
      '1 motor vehicle (declared 0, registered 1 excluding disability mobility vehicles); none allowed',
    );
  });

  it.each<
    [string, Partial<HouseholdMember>, Partial<MemberFacts>, Partial<PolicyParameters>, 'PASS' | 'FAIL']
  >([
    ['one declared dwelling', { declaredAssets: declaredAssets({ dwellings: 1 }) }, {}, {}, 'PASS'],
    ['two declared dwellings', { declaredAssets: declaredAssets({ dwellings: 2 }) }, {}, {}, 'FAIL'],
    [
      'two registered dwellings',
      {},
      {
        realEstate: [
          { certificateNo: 'C1', type: 'DWELLING' },
          { certificateNo: 'C2', type: 'DWELLING' },
        ],
      },
      {},
      'FAIL',
    ],
    [
      'a dwelling and a shop',
      {},
      {
        realEstate: [
          { certificateNo: 'C1', type: 'DWELLING' },
          { certificateNo: 'C2', type: 'COMMERCIAL' },
        ],
      },
      {},
      'PASS',
    ],
    [
      'two dwellings where the city allows two',
      { declaredAssets: declaredAssets({ dwellings: 2 }) },
      {},
      { maxDwellings: 2 },
      'PASS',
    ],
  ])('DWELLINGS with %s → %s', (_label, declared, found, overrides, result) => {
    expect(ruleOf(evaluate(...one(declared, found), params(overrides)), 'DWELLINGS').result).toBe(result);
  });
});

describe('evaluate: ENTERPRISE', () => {
  const business = (overrides: Partial<BusinessFact>): BusinessFact => ({
    kind: 'ENTERPRISE',
    role: 'SHAREHOLDER',
    registeredCapitalFen: 20000000,
    status: 'ACTIVE',
    ...overrides,
  });
  it.each<[string, BusinessFact[], 'PASS' | 'FAIL']>([
    ['no registration', [], 'PASS'],
    ['a shareholding with capital exactly at the limit', [business({})], 'FAIL'],
    ['a legal representative at the limit', [business({ role: 'LEGAL_REP' })], 'FAIL'],
    ['capital one fen below the limit', [business({ registeredCapitalFen: 19999999 })], 'PASS'],
    [
      'a REVOKED enterprise far above the limit',
      [business({ status: 'REVOKED', registeredCapitalFen: 900000000 })],
      'PASS',
    ],
    [
      'an INDIVIDUAL business far above the limit',
      [business({ kind: 'INDIVIDUAL', registeredCapitalFen: 900000000 })],
      'PASS',
    ],
  ])('%s → %s', (_label, businesses, result) => {
    const recommendation = evaluate(...one({}, { businesses }), params());
    expect(ruleOf(recommendation, 'ENTERPRISE').result).toBe(result);
  });

  it('names the member and the capital, and ignores members who are not counted', () => {
    const members = [member('m1'), member('m2', { relation: 'CHILD', coResident: false })];
    const found = [
      memberFacts('m1', { businesses: [business({})] }),
      memberFacts('m2', { businesses: [business({ registeredCapitalFen: 1e9 })] }),
    ];
    expect(ruleOf(evaluate(household(members), facts(found), params()), 'ENTERPRISE').detail).toBe(
      'member m1 is SHAREHOLDER of an active enterprise with registered capital 200000.00 yuan (limit 200000.00 yuan)',
    );
    expect(
      ruleOf(evaluate(household(members), facts([memberFacts('m1'), found[1]!]), params()), 'ENTERPRISE')
        .result,
    ).toBe('PASS');
  });
});

describe('evaluate: REVIEW rules', () => {
  it.each<[string, Partial<MemberFacts>, RuleId, string]>([
    [
      'on public payroll',
      { publicPayroll: true },
      'PUBLIC_PAYROLL',
      "on public-sector payroll (财政供养): member m1; the county must review the household's wage income",
    ],
    [
      'already assisted',
      { civilAffairs: { receivingAssistance: [{ programme: 'DIBAO', areaCode: '431103' }] } },
      'ALREADY_ASSISTED',
      'member m1 receives DIBAO in area 431103',
    ],
  ])('a member %s → REVIEW, NEEDS_REVIEW, amount 0', (_label, found, id, detail) => {
    const recommendation = evaluate(...one(wage(10000), found), params());
    expect(ruleOf(recommendation, id)).toMatchObject({ result: 'REVIEW', detail });
    expect(recommendation).toMatchObject({ outcome: 'NEEDS_REVIEW', monthlyBenefitFen: 0 });
  });

  it('a failed source → DATA_COMPLETE REVIEW, NEEDS_REVIEW with amount 0', () => {
    const [h] = one(wage(10000));
    const recommendation = evaluate(
      h,
      facts([memberFacts('m1', { banking: null, tax: null })], ['TAX', 'BANKING', 'TAX']),
      params(),
    );
    expect(ruleOf(recommendation, 'DATA_COMPLETE')).toMatchObject({
      result: 'REVIEW',
      detail: 'data-source checks FAILED: TAX, BANKING; re-verify before deciding',
    });
    expect(recommendation).toMatchObject({ outcome: 'NEEDS_REVIEW', monthlyBenefitFen: 0 });
  });

  it('a FAIL outweighs a REVIEW', () => {
    const [h] = one({ ...wage(65000) });
    const recommendation = evaluate(h, facts([memberFacts('m1', { publicPayroll: true })]), params());
    expect(ruleOf(recommendation, 'PUBLIC_PAYROLL')).toMatchObject({ result: 'REVIEW' });
    expect(recommendation).toMatchObject({ outcome: 'INELIGIBLE', monthlyBenefitFen: 0 });
  });

  it('incomplete data outweighs a FAIL: never denied because a department was unavailable (SPEC 5.3)', () => {
    const [h] = one({ ...wage(65000) });
    const recommendation = evaluate(h, facts([memberFacts('m1')], ['HUKOU']), params());
    expect(ruleOf(recommendation, 'INCOME')).toMatchObject({ result: 'FAIL' });
    expect(recommendation).toMatchObject({ outcome: 'NEEDS_REVIEW', monthlyBenefitFen: 0 });
  });
});

describe('evaluate: NO_LABOUR_CAPACITY and NO_ABLE_SUPPORTER (TEKUN)', () => {
  const tekun = { programme: 'TEKUN' as const };
  const disability = (category: Disability['category'], grade: Disability['grade']): Disability => ({
    category,
    grade,
  });
  it.each<[string, Partial<HouseholdMember>, Partial<MemberFacts>, 'PASS' | 'FAIL' | 'REVIEW']>([
    ['aged 17', { ageOnCreation: 17 }, {}, 'PASS'],
    ['aged 18', { ageOnCreation: 18 }, {}, 'FAIL'],
    ['aged 59', { ageOnCreation: 59 }, {}, 'FAIL'],
    ['aged 60', { ageOnCreation: 60 }, {}, 'PASS'],
    ['aged 0', { ageOnCreation: 0 }, {}, 'PASS'],
    ['verified INTELLECTUAL grade 3', {}, { disability: disability('INTELLECTUAL', 3) }, 'PASS'],
    ['verified INTELLECTUAL grade 4', {}, { disability: disability('INTELLECTUAL', 4) }, 'FAIL'],
    ['verified MENTAL grade 3', {}, { disability: disability('MENTAL', 3) }, 'PASS'],
    ['verified MENTAL grade 4', {}, { disability: disability('MENTAL', 4) }, 'FAIL'],
    ['verified PHYSICAL grade 2', {}, { disability: disability('PHYSICAL', 2) }, 'PASS'],
    ['verified PHYSICAL grade 3', {}, { disability: disability('PHYSICAL', 3) }, 'FAIL'],
    ['verified VISUAL grade 1', {}, { disability: disability('VISUAL', 1) }, 'PASS'],
    ['verified VISUAL grade 2', {}, { disability: disability('VISUAL', 2) }, 'FAIL'],
    ['verified HEARING grade 1', {}, { disability: disability('HEARING', 1) }, 'FAIL'],
    ['verified SPEECH grade 1', {}, { disability: disability('SPEECH', 1) }, 'FAIL'],
    ['verified MULTIPLE grade 1', {}, { disability: disability('MULTIPLE', 1) }, 'FAIL'],
    [
      'a qualifying disability only declared',
      { declaredDisability: disability('PHYSICAL', 1) },
      {},
      'REVIEW',
    ],
    [
      'a qualifying disability declared, a lesser one verified',
      { declaredDisability: disability('PHYSICAL', 1) },
      { disability: disability('PHYSICAL', 3) },
      'REVIEW',
    ],
    ['a non-qualifying disability declared', { declaredDisability: disability('HEARING', 1) }, {}, 'FAIL'],
    [
      'a qualifying disability declared and verified',
      { declaredDisability: disability('MENTAL', 2) },
      { disability: disability('MENTAL', 2) },
      'PASS',
    ],
  ])('one member %s → %s', (_label, overrides, found, result) => {
    const recommendation = evaluate(...one(overrides, found, tekun), params());
    expect(ruleOf(recommendation, 'NO_LABOUR_CAPACITY').result).toBe(result);
    const outcome = { PASS: 'ELIGIBLE', FAIL: 'INELIGIBLE', REVIEW: 'NEEDS_REVIEW' }[result];
    expect(recommendation.outcome).toBe(outcome);
    expect(recommendation.monthlyBenefitFen).toBe(result === 'PASS' ? 84500 : 0);
  });

  it.each<[string, number[], (Disability | null)[], 'PASS' | 'FAIL' | 'REVIEW', string]>([
    [
      'an elderly couple',
      [72, 60],
      [null, null],
      'PASS',
      'no labour capacity: member m1 aged 72 (60 or over); member m2 aged 60 (60 or over)',
    ],
    [
      'a grandparent and a declared-only disabled adult',
      [70, 30],
      [null, { category: 'PHYSICAL', grade: 1 }],
      'REVIEW',
      'qualifying disability only declared: member m2 aged 30 declares a PHYSICAL grade 1 disability not verified (no DISABILITY certificate)',
    ],
    [
      'a declared-only disabled adult and an able adult',
      [45, 30],
      [null, { category: 'PHYSICAL', grade: 1 }],
      'FAIL',
      'labour capacity: member m1 aged 45 without a qualifying disability (no DISABILITY certificate)',
    ],
  ])('%s → %s', (_label, ages, declared, result, detail) => {
    const members = ages.map((ageOnCreation, i) =>
      member(`m${i + 1}`, {
        relation: i === 0 ? 'SELF' : 'SPOUSE',
        ageOnCreation,
        declaredDisability: declared[i] ?? null,
      }),
    );
    const recommendation = evaluate(
      household(members, tekun),
      facts(members.map((m) => memberFacts(m.memberId))),
      params(),
    );
    expect(ruleOf(recommendation, 'NO_LABOUR_CAPACITY')).toMatchObject({ result, detail });
  });

  it('explains a verified disability and a non-qualifying certificate', () => {
    const verified = evaluate(...one({}, { disability: { category: 'VISUAL', grade: 1 } }, tekun), params());
    expect(ruleOf(verified, 'NO_LABOUR_CAPACITY').detail).toBe(
      'no labour capacity: member m1 aged 40 with a verified VISUAL grade 1 disability',
    );
    const lesser = evaluate(...one({}, { disability: { category: 'PHYSICAL', grade: 4 } }, tekun), params());
    expect(ruleOf(lesser, 'NO_LABOUR_CAPACITY').detail).toBe(
      'labour capacity: member m1 aged 40 without a qualifying disability (DISABILITY certificate PHYSICAL grade 4)',
    );
  });

  it.each([
    [false, 'PASS', 'ELIGIBLE'],
    [true, 'FAIL', 'INELIGIBLE'],
  ])('hasAbleSupporter %p → NO_ABLE_SUPPORTER %s', (hasAbleSupporter, result, outcome) => {
    const recommendation = evaluate(
      ...one({ ageOnCreation: 80 }, {}, { ...tekun, hasAbleSupporter }),
      params(),
    );
    expect(ruleOf(recommendation, 'NO_ABLE_SUPPORTER').result).toBe(result);
    expect(recommendation.outcome).toBe(outcome);
  });

  it('ignores hasAbleSupporter outside TEKUN', () => {
    expect(evaluate(...one({}, {}, { hasAbleSupporter: true }), params()).outcome).toBe('ELIGIBLE');
  });
});

describe('evaluate: benefit (SPEC 6.4)', () => {
  it.each<
    [
      string,
      HouseholdInput['programme'],
      HouseholdInput['residence'],
      Partial<PolicyParameters>,
      number,
      number,
    ]
  >([
    ['DIBAO gap of 12.50 yuan rounds up to 13 yuan', 'DIBAO', 'URBAN', {}, 63750, 1300],
    ['DIBAO gap of 12.49 yuan rounds down to 12 yuan', 'DIBAO', 'URBAN', {}, 63751, 1200],
    ['DIBAO gap of 1 fen rounds down to 0', 'DIBAO', 'URBAN', {}, 64999, 0],
    ['DIBAO with no income pays the standard', 'DIBAO', 'URBAN', {}, 0, 65000],
    ['DIBAO rural', 'DIBAO', 'RURAL', {}, 10000, 35000],
    ['EDGE pays no cash', 'EDGE', 'URBAN', {}, 0, 0],
    ['TEKUN 1.3 × 650 yuan', 'TEKUN', 'URBAN', {}, 0, 84500],
    [
      'TEKUN 1.3 × 445.00 yuan = 578.50 yuan rounds up',
      'TEKUN',
      'RURAL',
      { dibaoStandardRuralFen: 44500 },
      0,
      57900,
    ],
    [
      'TEKUN 1.3 × 444.99 yuan = 578.487 yuan rounds down',
      'TEKUN',
      'RURAL',
      { dibaoStandardRuralFen: 44499 },
      0,
      57800,
    ],
    ['TEKUN does not depend on income below the standard', 'TEKUN', 'URBAN', {}, 60000, 84500],
  ])('%s', (_label, programme, residence, overrides, income, amount) => {
    const recommendation = evaluate(
      ...one({ ...wage(income), ageOnCreation: 75 }, {}, { programme, residence }),
      params(overrides),
    );
    expect(recommendation.outcome).toBe('ELIGIBLE');
    expect(recommendation.monthlyBenefitFen).toBe(amount);
  });

  it('DIBAO rounds the household gap, after flooring per-capita income', () => {
    // 156 001 ÷ 3 = 52 000.33 → 52 000; (65 000 − 52 000) × 3 = 39 000.
    const members = [
      member('m1', wage(156001)),
      member('m2', { relation: 'SPOUSE' }),
      member('m3', { relation: 'CHILD' }),
    ];
    const recommendation = evaluate(household(members), facts(), params());
    expect(recommendation.monthlyBenefitFen).toBe(39000);
    // 3 × (65 000 − 64 983) = 51 fen → 1 yuan.
    const close = [
      member('m1', wage(194949)),
      member('m2', { relation: 'SPOUSE' }),
      member('m3', { relation: 'CHILD' }),
    ];
    expect(evaluate(household(close), facts(), params()).monthlyBenefitFen).toBe(100);
  });

  it('TEKUN pays per counted member', () => {
    const members = [
      member('m1', { ageOnCreation: 75 }),
      member('m2', { relation: 'SPOUSE', ageOnCreation: 61 }),
    ];
    const recommendation = evaluate(household(members, { programme: 'TEKUN' }), facts(), params());
    expect(recommendation).toMatchObject({ outcome: 'ELIGIBLE', monthlyBenefitFen: 169000 });
  });

  it.each([
    ['INELIGIBLE', { ...wage(65000) }],
    [
      'NEEDS_REVIEW',
      { ...wage(0), declaredDisability: { category: 'PHYSICAL' as const, grade: 1 as const } },
    ],
  ])('%s pays 0', (outcome, overrides) => {
    const recommendation = evaluate(...one(overrides, {}, { programme: 'TEKUN' }), params());
    expect(recommendation).toMatchObject({ outcome, monthlyBenefitFen: 0 });
  });
});

describe('evaluate: alternativeProgramme', () => {
  it.each<
    [
      string,
      HouseholdInput['programme'],
      number,
      number,
      Partial<MemberFacts>,
      Partial<PolicyParameters>,
      'DIBAO' | 'EDGE' | null,
      string,
    ]
  >([
    ['EDGE applicant below the dibao standard', 'EDGE', 60000, 0, {}, {}, 'DIBAO', 'ELIGIBLE'],
    [
      'EDGE applicant one fen below the standard, assets at the DIBAO limit',
      'EDGE',
      64999,
      1560000,
      {},
      {},
      'DIBAO',
      'ELIGIBLE',
    ],
    ['EDGE applicant at the dibao standard', 'EDGE', 65000, 0, {}, {}, null, 'ELIGIBLE'],
    [
      'EDGE applicant whose assets exceed the DIBAO limit only',
      'EDGE',
      60000,
      1560001,
      {},
      {},
      null,
      'ELIGIBLE',
    ],
    [
      'EDGE applicant with a car',
      'EDGE',
      60000,
      0,
      { vehicles: [{ disabilityMobility: false }] },
      {},
      null,
      'INELIGIBLE',
    ],
    [
      'EDGE applicant failing a stricter EDGE asset test but passing DIBAO',
      'EDGE',
      60000,
      1000000,
      {},
      { edgeFinancialAssetMonths: 12 },
      'DIBAO',
      'INELIGIBLE',
    ],
    [
      'DIBAO applicant failing only INCOME, below the edge limit',
      'DIBAO',
      70000,
      0,
      {},
      {},
      'EDGE',
      'INELIGIBLE',
    ],
    ['DIBAO applicant at the edge limit', 'DIBAO', 97500, 0, {}, {}, null, 'INELIGIBLE'],
    ['DIBAO applicant one fen below the edge limit', 'DIBAO', 97499, 0, {}, {}, 'EDGE', 'INELIGIBLE'],
    [
      'DIBAO applicant failing INCOME and VEHICLES',
      'DIBAO',
      70000,
      0,
      { vehicles: [{ disabilityMobility: false }] },
      {},
      null,
      'INELIGIBLE',
    ],
    [
      'DIBAO applicant failing only VEHICLES',
      'DIBAO',
      60000,
      0,
      { vehicles: [{ disabilityMobility: false }] },
      {},
      null,
      'INELIGIBLE',
    ],
    [
      'DIBAO applicant failing INCOME, with a REVIEW',
      'DIBAO',
      70000,
      0,
      { publicPayroll: true },
      {},
      'EDGE',
      'INELIGIBLE',
    ],
    [
      'DIBAO applicant failing INCOME whose assets fail a stricter EDGE test',
      'DIBAO',
      70000,
      1000000,
      {},
      { edgeFinancialAssetMonths: 12 },
      null,
      'INELIGIBLE',
    ],
    ['eligible DIBAO applicant', 'DIBAO', 60000, 0, {}, {}, null, 'ELIGIBLE'],
    ['TEKUN applicant failing INCOME', 'TEKUN', 70000, 0, {}, {}, null, 'INELIGIBLE'],
  ])('%s → %p', (_label, programme, income, assets, found, overrides, alternative, outcome) => {
    const recommendation = evaluate(
      ...one({ ...wage(income), ...deposits(assets), ageOnCreation: 70 }, found, { programme }),
      params(overrides),
    );
    expect(recommendation.alternativeProgramme).toBe(alternative);
    expect(recommendation.outcome).toBe(outcome);
  });
});

describe('evaluate: no counted member (n = 0)', () => {
  it.each<[string, HouseholdInput['programme'], boolean]>([
    ['DIBAO', 'DIBAO', false],
    ['EDGE', 'EDGE', false],
    ['TEKUN', 'TEKUN', false],
    ['TEKUN with an able supporter (a FAIL does not decide an empty household)', 'TEKUN', true],
  ])('%s → NEEDS_REVIEW with amount 0', (_label, programme, hasAbleSupporter) => {
    const members = [
      member('m1', { coResident: false }),
      member('m2', { relation: 'SPOUSE', exclusion: 'MISSING' }),
      member('m3', { relation: 'CHILD' }),
    ];
    const found = [memberFacts('m3', { hukou: { found: true, deceased: true, deathDate: '2026-11-01' } })];
    const recommendation = evaluate(
      household(members, { programme, hasAbleSupporter }),
      facts(found),
      params(),
    );
    expect(recommendation).toMatchObject({
      outcome: 'NEEDS_REVIEW',
      monthlyBenefitFen: 0,
      alternativeProgramme: null,
      assessment: { n: 0, householdIncomeFen: 0, perCapitaFen: 0 },
    });
    const reviewed = recommendation.rules.filter((rule) => rule.result === 'REVIEW').map((rule) => rule.id);
    expect(reviewed).toEqual(
      programme === 'TEKUN'
        ? ['INCOME', 'FINANCIAL_ASSETS', 'NO_LABOUR_CAPACITY']
        : ['INCOME', 'FINANCIAL_ASSETS'],
    );
    expect(ruleOf(recommendation, 'INCOME').detail).toMatch(/^no counted household member/);
  });
});

describe('evaluate: determinism (decision-record replay, SPEC 6.5)', () => {
  const members = [
    member('m1', { ...wage(30000), declaredAssets: declaredAssets({ dwellings: 1, depositsFen: 50000 }) }),
    member('m2', {
      relation: 'SPOUSE',
      ageOnCreation: 62,
      declaredDisability: { category: 'MENTAL', grade: 2 },
    }),
    member('m3', { relation: 'CHILD', coResident: false }),
  ];
  const found = [
    memberFacts('m1', {
      socialSecurity: {
        employments: [{ monthlyWageFen: 45000 }],
        pensions: [],
        unemploymentBenefitMonthlyFen: 0,
      },
      realEstate: [{ certificateNo: '湘(2020)零陵区不动产权第0001234号', type: 'DWELLING' }],
      businesses: [{ kind: 'INDIVIDUAL', role: 'LEGAL_REP', registeredCapitalFen: 0, status: 'ACTIVE' }],
    }),
    memberFacts('m2', {
      socialSecurity: {
        employments: [],
        pensions: [{ type: 'RESIDENT', monthlyFen: 25000, centralBaseFen: 14300 }],
        unemploymentBenefitMonthlyFen: 0,
      },
    }),
  ];

  it.each(['DIBAO', 'EDGE', 'TEKUN'] as const)(
    '%s: the same input gives a deep-equal output, also replayed from JSON',
    (programme) => {
      const input: [HouseholdInput, VerifiedFacts, PolicyParameters] = [
        household(members, { programme }),
        facts(found, ['CIVIL_AFFAIRS']),
        params(),
      ];
      const first = evaluate(...input);
      const replayed = JSON.parse(JSON.stringify(input)) as typeof input;
      expect(evaluate(...replayed)).toStrictEqual(first);
      expect(evaluate(...input)).toStrictEqual(first);
      // Plain JSON data: nothing lost or changed by a round trip through a stored record.
      expect(JSON.parse(JSON.stringify(first))).toStrictEqual(first);
    },
  );

  it('does not modify its input', () => {
    const input: [HouseholdInput, VerifiedFacts, PolicyParameters] = [
      household(members),
      facts(found, ['TAX']),
      params(),
    ];
    const before = JSON.stringify(input);
    evaluate(...input);
    expect(JSON.stringify(input)).toBe(before);
  });
});
