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
import {
  findDiscrepancies,
  toleranceFen,
  type DiscrepancyCode,
  type HouseholdMember,
  type MemberFacts,
  type PolicyParameters,
} from './index';

function findingsFor(
  declared: Partial<HouseholdMember>,
  found: Partial<Omit<MemberFacts, 'memberId'>>,
  overrides: Partial<PolicyParameters> = {},
) {
  return findDiscrepancies(
    household([member('m1', declared)]),
    facts([memberFacts('m1', found)]),
    params(overrides),
  );
}

const codes = (
  declared: Partial<HouseholdMember>,
  found: Partial<Omit<MemberFacts, 'memberId'>>,
  overrides: Partial<PolicyParameters> = {},
) => findingsFor(declared, found, overrides).map((d) => d.code);

const employment = (monthlyWageFen: number) => ({
  socialSecurity: { employments: [{ monthlyWageFen }], pensions: [], unemploymentBenefitMonthlyFen: 0 },
});

describe('toleranceFen: max(incomeToleranceFen, incomeTolerancePct % of declared)', () => {
  it.each([
    [0, {}, 10000],
    [100000, {}, 10000],
    [100001, {}, 10000],
    [200000, {}, 20000],
    [200009, {}, 20000],
    [200000, { incomeTolerancePct: 7.5 }, 15000],
    [200000, { incomeToleranceFen: 0, incomeTolerancePct: 0 }, 0],
  ])('declared %i fen with %p → %i fen', (declaredFen, overrides, expected) => {
    expect(toleranceFen(declaredFen, params(overrides))).toBe(expected);
  });
});

describe('findDiscrepancies: income beyond the tolerance', () => {
  it.each<[string, number, Partial<MemberFacts>, DiscrepancyCode[]]>([
    ['found exceeds declared by exactly 100 yuan', 0, employment(10000), []],
    ['found exceeds declared by 100.01 yuan', 0, employment(10001), ['UNDECLARED_WAGE']],
    ['found exceeds 2000 yuan declared by exactly 10 %', 200000, employment(220000), []],
    ['found exceeds 2000 yuan declared by 10 % plus 1 fen', 200000, employment(220001), ['UNDECLARED_WAGE']],
    ['found is below declared', 200000, employment(100000), []],
    ['no wage found', 0, {}, []],
  ])('%s → %p', (_label, declaredWage, found, expected) => {
    expect(codes({ declaredMonthlyIncome: declaredIncome({ wageFen: declaredWage }) }, found)).toEqual(
      expected,
    );
  });

  it.each([
    ['SOCIAL_SECURITY', employment(300000)],
    ['HOUSING_FUND', { housingFund: { baseFen: 300000 } }],
    ['TAX', { tax: { annualTaxableWageFen: 3600000 } }],
  ] as const)('names %s as the source of the wage', (source, found) => {
    expect(findingsFor({}, found)).toEqual([
      {
        memberId: 'm1',
        code: 'UNDECLARED_WAGE',
        source,
        declaredFen: 0,
        foundFen: 300000,
        detail: `monthly wage: found 3000.00 yuan (${source}), declared 0.00 yuan; the difference 3000.00 yuan exceeds the tolerance 100.00 yuan`,
      },
    ]);
  });

  it.each<[string, number, Partial<MemberFacts>, DiscrepancyCode[]]>([
    // 25 000 − 14 300 = 10 700 found against 700 declared: 10 000 over, not more.
    [
      'a resident pension net of its central base, within the tolerance',
      700,
      {
        socialSecurity: {
          employments: [],
          pensions: [{ type: 'RESIDENT', monthlyFen: 25000, centralBaseFen: 14300 }],
          unemploymentBenefitMonthlyFen: 0,
        },
      },
      [],
    ],
    [
      'the same pension, undeclared',
      0,
      {
        socialSecurity: {
          employments: [],
          pensions: [{ type: 'RESIDENT', monthlyFen: 25000, centralBaseFen: 14300 }],
          unemploymentBenefitMonthlyFen: 0,
        },
      },
      ['UNDECLARED_PENSION'],
    ],
    [
      'an undeclared unemployment benefit',
      0,
      { socialSecurity: { employments: [], pensions: [], unemploymentBenefitMonthlyFen: 150000 } },
      ['UNDECLARED_PENSION'],
    ],
    ['no SOCIAL_SECURITY answer', 0, { socialSecurity: null }, []],
  ])('%s → %p', (_label, declaredTransfer, found, expected) => {
    expect(
      codes({ declaredMonthlyIncome: declaredIncome({ transferFen: declaredTransfer }) }, found),
    ).toEqual(expected);
  });

  it('reports the pension figures', () => {
    const [finding] = findingsFor(
      {},
      {
        socialSecurity: {
          employments: [],
          pensions: [{ type: 'EMPLOYEE', monthlyFen: 300000, centralBaseFen: 0 }],
          unemploymentBenefitMonthlyFen: 0,
        },
      },
    );
    expect(finding).toMatchObject({
      code: 'UNDECLARED_PENSION',
      source: 'SOCIAL_SECURITY',
      declaredFen: 0,
      foundFen: 300000,
    });
  });
});

describe('findDiscrepancies: assets, property and business', () => {
  const banking = (depositsFen: number, securitiesFen = 0, wealthProductsFen = 0) => ({
    banking: { depositsFen, securitiesFen, wealthProductsFen },
  });
  it.each<[string, Partial<HouseholdMember>, Partial<MemberFacts>, DiscrepancyCode[]]>([
    [
      'balances within the tolerance',
      { declaredAssets: declaredAssets({ depositsFen: 100000 }) },
      banking(110000),
      [],
    ],
    [
      'undeclared wealth products',
      { declaredAssets: declaredAssets({ depositsFen: 100000 }) },
      banking(100000, 0, 10001),
      ['UNDECLARED_DEPOSITS'],
    ],
    [
      'declared securities counted against found securities',
      { declaredAssets: declaredAssets({ depositsFen: 100000, securitiesFen: 500000 }) },
      banking(100000, 500000),
      [],
    ],
    ['an undeclared car', {}, { vehicles: [{ disabilityMobility: false }] }, ['UNDECLARED_VEHICLE']],
    [
      'a declared car',
      { declaredAssets: declaredAssets({ vehicles: 1 }) },
      { vehicles: [{ disabilityMobility: false }] },
      [],
    ],
    ['a disability mobility vehicle', {}, { vehicles: [{ disabilityMobility: true }] }, []],
    [
      'an undeclared dwelling',
      {},
      { realEstate: [{ certificateNo: 'C1', type: 'DWELLING' }] },
      ['UNDECLARED_PROPERTY'],
    ],
    [
      'a declared dwelling',
      { declaredAssets: declaredAssets({ dwellings: 1 }) },
      { realEstate: [{ certificateNo: 'C1', type: 'DWELLING' }] },
      [],
    ],
    [
      'a shop and no property income',
      {},
      { realEstate: [{ certificateNo: 'C2', type: 'COMMERCIAL' }] },
      ['UNDECLARED_PROPERTY'],
    ],
    [
      'a shop with declared property income',
      { declaredMonthlyIncome: declaredIncome({ propertyFen: 80000 }) },
      { realEstate: [{ certificateNo: 'C2', type: 'OTHER' }] },
      [],
    ],
    [
      'an undeclared dwelling and shop',
      {},
      {
        realEstate: [
          { certificateNo: 'C2', type: 'COMMERCIAL' },
          { certificateNo: 'C1', type: 'DWELLING' },
        ],
      },
      ['UNDECLARED_PROPERTY', 'UNDECLARED_PROPERTY'],
    ],
    [
      'an active individual business and no business income',
      {},
      { businesses: [{ kind: 'INDIVIDUAL', role: 'LEGAL_REP', registeredCapitalFen: 0, status: 'ACTIVE' }] },
      ['UNDECLARED_BUSINESS'],
    ],
    [
      'an active enterprise with declared business income',
      { declaredMonthlyIncome: declaredIncome({ businessFen: 50000 }) },
      {
        businesses: [{ kind: 'ENTERPRISE', role: 'SHAREHOLDER', registeredCapitalFen: 1, status: 'ACTIVE' }],
      },
      [],
    ],
    [
      'a revoked enterprise',
      {},
      {
        businesses: [{ kind: 'ENTERPRISE', role: 'SHAREHOLDER', registeredCapitalFen: 1, status: 'REVOKED' }],
      },
      [],
    ],
  ])('%s → %p', (_label, declared, found, expected) => {
    expect(codes(declared, found)).toEqual(expected);
  });

  it('describes count findings without fen fields', () => {
    const findings = findingsFor(
      {},
      {
        vehicles: [{ disabilityMobility: false }],
        realEstate: [
          { certificateNo: 'C1', type: 'DWELLING' },
          { certificateNo: 'C2', type: 'COMMERCIAL' },
        ],
        businesses: [{ kind: 'INDIVIDUAL', role: 'LEGAL_REP', registeredCapitalFen: 0, status: 'ACTIVE' }],
      },
    );
    expect(findings).toEqual([
      {
        memberId: 'm1',
        code: 'UNDECLARED_VEHICLE',
        source: 'VEHICLE',
        detail: 'VEHICLE reports 1 motor vehicle(s) other than disability mobility vehicles; 0 declared',
      },
      {
        memberId: 'm1',
        code: 'UNDECLARED_PROPERTY',
        source: 'REAL_ESTATE',
        detail: 'REAL_ESTATE reports 1 dwelling certificate(s); 0 dwelling(s) declared',
      },
      {
        memberId: 'm1',
        code: 'UNDECLARED_PROPERTY',
        source: 'REAL_ESTATE',
        detail: 'REAL_ESTATE reports 1 commercial or other propert(ies) while no property income is declared',
      },
      {
        memberId: 'm1',
        code: 'UNDECLARED_BUSINESS',
        source: 'MARKET_REGULATION',
        detail:
          'MARKET_REGULATION reports 1 active registration(s) (INDIVIDUAL LEGAL_REP) while no business income is declared',
      },
    ]);
  });
});

describe('findDiscrepancies: status findings', () => {
  it.each<[string, Partial<MemberFacts>, DiscrepancyCode[]]>([
    ['on public payroll', { publicPayroll: true }, ['PUBLIC_PAYROLL']],
    [
      'already assisted',
      { civilAffairs: { receivingAssistance: [{ programme: 'TEKUN', areaCode: '431124' }] } },
      ['ALREADY_ASSISTED'],
    ],
    [
      'not found by HUKOU',
      { hukou: { found: false, deceased: false, deathDate: null } },
      ['PERSON_NOT_FOUND'],
    ],
    [
      'reported deceased',
      { hukou: { found: true, deceased: true, deathDate: '2026-10-01' } },
      ['MEMBER_DECEASED'],
    ],
    ['with no answers at all', { ...noAnswers('m1') }, []],
  ])('a member %s → %p', (_label, found, expected) => {
    expect(codes({}, found)).toEqual(expected);
  });

  it('reports a deceased member, with or without a death date, and nothing about its income', () => {
    const members = [
      member('m1'),
      member('m2', { relation: 'SPOUSE' }),
      member('m3', { relation: 'PARENT' }),
    ];
    const found = [
      memberFacts('m1'),
      memberFacts('m2', {
        hukou: { found: true, deceased: true, deathDate: '2026-10-01' },
        ...employment(500000),
        publicPayroll: true,
      }),
      memberFacts('m3', { hukou: { found: true, deceased: true, deathDate: null } }),
    ];
    expect(findDiscrepancies(household(members), facts(found), params())).toEqual([
      {
        memberId: 'm2',
        code: 'MEMBER_DECEASED',
        source: 'HUKOU',
        detail:
          'HUKOU reports the member deceased (death date 2026-10-01; application created 2026-11-20); the member is not counted',
      },
      {
        memberId: 'm3',
        code: 'MEMBER_DECEASED',
        source: 'HUKOU',
        detail:
          'HUKOU reports the member deceased (death date not reported; application created 2026-11-20); the member is not counted',
      },
    ]);
  });

  it('lists findings by member, then in the code order of SPEC 5.4', () => {
    const members = [member('m1'), member('m2', { relation: 'SPOUSE' }), member('m3', { relation: 'CHILD' })];
    const found = [
      memberFacts('m2', {
        hukou: { found: false, deceased: false, deathDate: null },
        civilAffairs: {
          receivingAssistance: [
            { programme: 'DIBAO', areaCode: '431102' },
            { programme: 'MEDICAL', areaCode: '431102' },
          ],
        },
        publicPayroll: true,
        banking: { depositsFen: 5000000, securitiesFen: 0, wealthProductsFen: 0 },
        ...employment(400000),
      }),
      memberFacts('m1', { vehicles: [{ disabilityMobility: false }] }),
    ];
    const findings = findDiscrepancies(household(members), facts(found), params());
    expect(findings.map((d) => `${d.memberId}:${d.code}`)).toEqual([
      'm1:UNDECLARED_VEHICLE',
      'm2:UNDECLARED_WAGE',
      'm2:UNDECLARED_DEPOSITS',
      'm2:PUBLIC_PAYROLL',
      'm2:ALREADY_ASSISTED',
      'm2:PERSON_NOT_FOUND',
    ]);
    expect(findings[4]?.detail).toBe(
      'CIVIL_AFFAIRS reports assistance already received: DIBAO in area 431102, MEDICAL in area 431102',
    );
  });

  it('skips findings other than identity for members who are not counted', () => {
    const members = [
      member('m1', { coResident: false }),
      member('m2', { relation: 'SPOUSE', exclusion: 'PRISON' }),
    ];
    const found = [
      memberFacts('m1', { publicPayroll: true, hukou: { found: false, deceased: false, deathDate: null } }),
      memberFacts('m2', { vehicles: [{ disabilityMobility: false }] }),
    ];
    expect(findDiscrepancies(household(members), facts(found), params()).map((d) => d.code)).toEqual([
      'PERSON_NOT_FOUND',
    ]);
  });
});
