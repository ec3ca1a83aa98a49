import {
  declaredAssets,
  declaredIncome,
  facts,
  household,
  member,
  memberFacts,
  noAnswers,
  params,
} from './eligibility.fixture';
import { assess } from './index';
import { type MemberFacts } from './verified-facts.types';

describe('assess: counted members (SPEC 6.2)', () => {
  it.each([
    ['co-resident, no exclusion, alive', {}, memberFacts('m2'), null],
    ['not co-resident', { coResident: false }, memberFacts('m2'), 'NOT_CO_RESIDENT'],
    ['in prison', { exclusion: 'PRISON' as const }, memberFacts('m2'), 'PRISON'],
    [
      'in compulsory drug rehabilitation',
      { exclusion: 'DRUG_REHAB' as const },
      memberFacts('m2'),
      'DRUG_REHAB',
    ],
    ['declared missing', { exclusion: 'MISSING' as const }, memberFacts('m2'), 'MISSING'],
    ['religious, away 3 years', { exclusion: 'RELIGIOUS_3Y' as const }, memberFacts('m2'), 'RELIGIOUS_3Y'],
    [
      'reported deceased by HUKOU',
      {},
      memberFacts('m2', { hukou: { found: true, deceased: true, deathDate: '2026-10-01' } }),
      'DECEASED',
    ],
    [
      'not co-resident and deceased (the first reason is reported)',
      { coResident: false },
      memberFacts('m2', { hukou: { found: true, deceased: true, deathDate: null } }),
      'NOT_CO_RESIDENT',
    ],
    ['without any HUKOU answer', {}, noAnswers('m2'), null],
    [
      'not found by HUKOU (still counted)',
      {},
      memberFacts('m2', { hukou: { found: false, deceased: false, deathDate: null } }),
      null,
    ],
  ])('a member %s', (_label, overrides, secondFacts, reason) => {
    const second = member('m2', {
      relation: 'SPOUSE',
      ...overrides,
      declaredMonthlyIncome: declaredIncome({ wageFen: 50000 }),
    });
    const result = assess(
      household([member('m1'), second]),
      facts([memberFacts('m1'), secondFacts]),
      params(),
    );
    if (reason === null) {
      expect(result.n).toBe(2);
      expect(result.notCounted).toEqual([]);
      expect(result.householdIncomeFen).toBe(50000);
      expect(result.perCapitaFen).toBe(25000);
    } else {
      expect(result.n).toBe(1);
      expect(result.notCounted).toEqual([{ memberId: 'm2', reason }]);
      expect(result.householdIncomeFen).toBe(0);
      expect(result.members.map((m) => m.memberId)).toEqual(['m1']);
    }
  });

  it('reports n = 0 with zero per-capita income when nobody is counted', () => {
    const result = assess(household([member('m1', { coResident: false })]), facts(), params());
    expect(result).toMatchObject({ n: 0, householdIncomeFen: 0, perCapitaFen: 0, standardFen: 65000 });
  });

  it.each([
    ['URBAN' as const, 65000],
    ['RURAL' as const, 45000],
  ])('takes the %s standard', (residence, standardFen) => {
    expect(assess(household([member('m1')], { residence }), facts(), params()).standardFen).toBe(standardFen);
  });
});

describe('assess: verified and assessed wage', () => {
  const employments = (...wages: number[]) => ({
    socialSecurity: {
      employments: wages.map((monthlyWageFen) => ({ monthlyWageFen })),
      pensions: [],
      unemploymentBenefitMonthlyFen: 0,
    },
  });
  it.each<[string, Partial<MemberFacts>, number, number, string | null, number]>([
    ['nothing found', {}, 0, 0, null, 0],
    ['no source answered', noAnswers('m1'), 0, 0, null, 0],
    ['the largest employment wage', employments(100000, 300000), 0, 300000, 'SOCIAL_SECURITY', 300000],
    [
      'the housing-fund base when larger',
      { ...employments(200000), housingFund: { baseFen: 250000 } },
      0,
      250000,
      'HOUSING_FUND',
      250000,
    ],
    // 3 600 011 ÷ 12 = 300 000.9… → 300 000
    [
      'annual taxable wage ÷ 12 rounded down',
      { ...employments(200000), tax: { annualTaxableWageFen: 3600011 } },
      0,
      300000,
      'TAX',
      300000,
    ],
    [
      'the first source on a tie',
      { ...employments(300000), housingFund: { baseFen: 300000 }, tax: { annualTaxableWageFen: 3600000 } },
      0,
      300000,
      'SOCIAL_SECURITY',
      300000,
    ],
    ['the declared wage when larger', employments(300000), 400000, 300000, 'SOCIAL_SECURITY', 400000],
  ])('%s', (_label, found, declaredWage, verified, source, assessed) => {
    const result = assess(
      household([member('m1', { declaredMonthlyIncome: declaredIncome({ wageFen: declaredWage }) })]),
      facts([{ ...memberFacts('m1'), ...found, memberId: 'm1' }]),
      params(),
    );
    const [m1] = result.members;
    expect(m1?.verifiedIncome.wageFen).toBe(verified);
    expect(m1?.verifiedIncome.wageSource).toBe(source);
    expect(m1?.assessedIncome.wageFen).toBe(assessed);
    expect(result.householdIncomeFen).toBe(assessed);
  });
});

describe('assess: transfer income', () => {
  it.each([
    // The central basic pension inside a resident pension is excluded income: 25 000 − 14 300.
    [
      'a resident pension net of its central base',
      [{ type: 'RESIDENT' as const, monthlyFen: 25000, centralBaseFen: 14300 }],
      0,
      0,
      10700,
      10700,
    ],
    [
      'an employee pension in full',
      [{ type: 'EMPLOYEE' as const, monthlyFen: 300000, centralBaseFen: 14300 }],
      0,
      0,
      300000,
      300000,
    ],
    [
      'a central base above the pension as zero',
      [{ type: 'RESIDENT' as const, monthlyFen: 10000, centralBaseFen: 14300 }],
      0,
      0,
      0,
      0,
    ],
    [
      'pensions plus unemployment benefit',
      [
        { type: 'RESIDENT' as const, monthlyFen: 25000, centralBaseFen: 14300 },
        { type: 'EMPLOYEE' as const, monthlyFen: 100000, centralBaseFen: 0 },
      ],
      150000,
      0,
      260700,
      260700,
    ],
    [
      'the declared transfer when larger',
      [{ type: 'RESIDENT' as const, monthlyFen: 25000, centralBaseFen: 14300 }],
      0,
      20000,
      10700,
      20000,
    ],
  ])('counts %s', (_label, pensions, unemploymentBenefitMonthlyFen, declaredTransfer, verified, assessed) => {
    const result = assess(
      household([member('m1', { declaredMonthlyIncome: declaredIncome({ transferFen: declaredTransfer }) })]),
      facts([
        memberFacts('m1', { socialSecurity: { employments: [], pensions, unemploymentBenefitMonthlyFen } }),
      ]),
      params(),
    );
    expect(result.members[0]?.verifiedIncome.transferFen).toBe(verified);
    expect(result.members[0]?.assessedIncome.transferFen).toBe(assessed);
    expect(result.householdIncomeFen).toBe(assessed);
  });

  it('counts declared business and property income, never excluded income', () => {
    const applicant = member('m1', {
      declaredMonthlyIncome: declaredIncome({
        wageFen: 1000,
        businessFen: 2000,
        propertyFen: 3000,
        transferFen: 4000,
        excludedFen: 999999,
      }),
    });
    const result = assess(household([applicant]), facts([memberFacts('m1')]), params());
    expect(result.members[0]?.declaredIncome).toEqual({
      wageFen: 1000,
      businessFen: 2000,
      propertyFen: 3000,
      transferFen: 4000,
      totalFen: 10000,
    });
    expect(result.members[0]?.assessedIncome.totalFen).toBe(10000);
    expect(result.householdIncomeFen).toBe(10000);
  });

  it('rounds per-capita income down', () => {
    const members = [
      member('m1', { declaredMonthlyIncome: declaredIncome({ wageFen: 100001 }) }),
      member('m2', { relation: 'SPOUSE' }),
      member('m3', { relation: 'CHILD', ageOnCreation: 10 }),
    ];
    const result = assess(household(members), facts(), params());
    // 100 001 ÷ 3 = 33 333.67 → 33 333
    expect(result).toMatchObject({ n: 3, householdIncomeFen: 100001, perCapitaFen: 33333 });
  });
});

describe('assess: assets', () => {
  it('takes per member the larger of declared and verified financial assets, over counted members only', () => {
    const members = [
      member('m1', { declaredAssets: declaredAssets({ depositsFen: 100000, securitiesFen: 50000 }) }),
      member('m2', { relation: 'SPOUSE', declaredAssets: declaredAssets({ depositsFen: 10000 }) }),
      member('m3', {
        relation: 'CHILD',
        coResident: false,
        declaredAssets: declaredAssets({ depositsFen: 9000000 }),
      }),
    ];
    const found = [
      memberFacts('m1', { banking: { depositsFen: 120000, securitiesFen: 0, wealthProductsFen: 20000 } }),
      memberFacts('m2', { banking: { depositsFen: 50000, securitiesFen: 30000, wealthProductsFen: 20000 } }),
      memberFacts('m3', { banking: { depositsFen: 9000000, securitiesFen: 0, wealthProductsFen: 0 } }),
    ];
    const result = assess(household(members), facts(found), params());
    expect(
      result.members.map((m) => [
        m.declaredFinancialAssetsFen,
        m.verifiedFinancialAssetsFen,
        m.assessedFinancialAssetsFen,
      ]),
    ).toEqual([
      [150000, 140000, 150000],
      [10000, 100000, 100000],
    ]);
    expect(result.financialAssetsFen).toBe(250000);
  });

  it.each([
    ['declared only', [1, 0], [[], []], 1],
    [
      'registered non-mobility vehicles',
      [0, 0],
      [[{ disabilityMobility: false }], [{ disabilityMobility: false }]],
      2,
    ],
    ['disability mobility vehicles not at all', [0, 0], [[{ disabilityMobility: true }], []], 0],
    [
      'the larger of Σ declared and Σ registered',
      [1, 1],
      [[{ disabilityMobility: false }], [{ disabilityMobility: true }]],
      2,
    ],
  ])('counts vehicles: %s', (_label, declared, registered, expected) => {
    const members = [
      member('m1', { declaredAssets: declaredAssets({ vehicles: declared[0] }) }),
      member('m2', { relation: 'SPOUSE', declaredAssets: declaredAssets({ vehicles: declared[1] }) }),
      // A non-counted member's vehicle is not the family's.
      member('m3', {
        relation: 'CHILD',
        exclusion: 'PRISON',
        declaredAssets: declaredAssets({ vehicles: 3 }),
      }),
    ];
    const found = [
      memberFacts('m1', { vehicles: registered[0] }),
      memberFacts('m2', { vehicles: registered[1] }),
    ];
    expect(assess(household(members), facts(found), params()).vehicles).toBe(expected);
  });

  it.each([
    [
      'one dwelling co-owned by two members',
      [
        [{ certificateNo: 'C1', type: 'DWELLING' as const }],
        [{ certificateNo: 'C1', type: 'DWELLING' as const }],
      ],
      0,
      1,
    ],
    [
      'the same certificate reported twice',
      [
        [
          { certificateNo: 'C1', type: 'DWELLING' as const },
          { certificateNo: 'C1', type: 'DWELLING' as const },
        ],
        [],
      ],
      0,
      1,
    ],
    [
      'two distinct dwellings',
      [
        [{ certificateNo: 'C1', type: 'DWELLING' as const }],
        [{ certificateNo: 'C2', type: 'DWELLING' as const }],
      ],
      0,
      2,
    ],
    [
      'commercial and other property not at all',
      [
        [{ certificateNo: 'C3', type: 'COMMERCIAL' as const }],
        [{ certificateNo: 'C4', type: 'OTHER' as const }],
      ],
      0,
      0,
    ],
    [
      'the larger of Σ declared and the registered count',
      [[{ certificateNo: 'C1', type: 'DWELLING' as const }], []],
      1,
      2,
    ],
  ])('counts dwellings: %s', (_label, registered, declaredEach, expected) => {
    const members = [
      member('m1', { declaredAssets: declaredAssets({ dwellings: declaredEach }) }),
      member('m2', { relation: 'SPOUSE', declaredAssets: declaredAssets({ dwellings: declaredEach }) }),
    ];
    const found = [
      memberFacts('m1', { realEstate: registered[0] }),
      memberFacts('m2', { realEstate: registered[1] }),
    ];
    expect(assess(household(members), facts(found), params()).dwellings).toBe(expected);
  });

  it('counts active enterprise registrations of counted members', () => {
    const found = memberFacts('m1', {
      businesses: [
        { kind: 'ENTERPRISE', role: 'SHAREHOLDER', registeredCapitalFen: 100, status: 'ACTIVE' },
        { kind: 'ENTERPRISE', role: 'LEGAL_REP', registeredCapitalFen: 100, status: 'REVOKED' },
        { kind: 'INDIVIDUAL', role: 'LEGAL_REP', registeredCapitalFen: 0, status: 'ACTIVE' },
      ],
    });
    const result = assess(household([member('m1')]), facts([found]), params());
    expect(result.activeEnterprises).toBe(1);
    expect(result.members[0]?.activeEnterprises).toBe(1);
  });

  it('ignores facts about people who are not household members', () => {
    const stranger = memberFacts('stranger', {
      banking: { depositsFen: 9000000, securitiesFen: 0, wealthProductsFen: 0 },
    });
    const result = assess(household([member('m1')]), facts([stranger]), params());
    expect(result.financialAssetsFen).toBe(0);
    expect(result.members[0]?.verifiedIncome).toEqual({ wageFen: 0, wageSource: null, transferFen: 0 });
  });
});
