import { facts, household, member, memberFacts, params } from './eligibility.fixture';
import {
  assess,
  EligibilityInputError,
  evaluate,
  findDiscrepancies,
  validateEligibilityInput,
  type HouseholdInput,
  type PolicyParameters,
  type VerifiedFacts,
} from './index';

type Input = { household: HouseholdInput; facts: VerifiedFacts; params: PolicyParameters };

function validInput(): Input {
  return {
    household: household([
      member('m1', { declaredDisability: { category: 'PHYSICAL', grade: 2 } }),
      member('m2', { relation: 'SPOUSE', exclusion: 'MISSING' }),
    ]),
    facts: facts(
      [
        memberFacts('m1', {
          hukou: { found: true, deceased: true, deathDate: '2024-02-29' },
          vehicles: [{ disabilityMobility: false }],
          socialSecurity: {
            employments: [{ monthlyWageFen: 1 }],
            pensions: [{ type: 'RESIDENT', monthlyFen: 2, centralBaseFen: 1 }],
            unemploymentBenefitMonthlyFen: 0,
          },
          realEstate: [{ certificateNo: 'C1', type: 'DWELLING' }],
          businesses: [{ kind: 'ENTERPRISE', role: 'LEGAL_REP', registeredCapitalFen: 1, status: 'REVOKED' }],
          civilAffairs: { receivingAssistance: [{ programme: 'DIBAO', areaCode: '431102' }] },
          disability: { category: 'VISUAL', grade: 1 },
          publicPayroll: null,
        }),
      ],
      ['BANKING'],
    ),
    params: params(),
  };
}

/** Sets `path` (dot and [index] segments) inside a deep copy of the valid input. */
function withValue(path: string, value: unknown): Input {
  const input = JSON.parse(JSON.stringify(validInput())) as Record<string, unknown>;
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  const last = keys.pop()!;
  let target = input;
  for (const key of keys) target = target[key] as Record<string, unknown>;
  target[last] = value;
  return input as unknown as Input;
}

const problemsOf = (input: Input) => validateEligibilityInput(input.household, input.facts, input.params);

describe('validateEligibilityInput', () => {
  it('accepts a valid input, including every optional shape', () => {
    expect(problemsOf(validInput())).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['household.programme', 'TEMP', 'must be one of DIBAO, EDGE, TEKUN'],
    ['household.residence', 'urban', 'must be one of URBAN, RURAL'],
    ['household.hasAbleSupporter', 'no', 'must be true or false'],
    ['household.createdOn', '2026-02-30', 'must be a real date written YYYY-MM-DD'],
    ['household.createdOn', '20261120', 'must be a real date written YYYY-MM-DD'],
    ['household.createdOn', 20261120, 'must be a real date written YYYY-MM-DD'],
    ['household.members', {}, 'must be an array'],
    ['household.members[0]', null, 'must be an object'],
    ['household.members[0].memberId', '', 'must be a non-empty string'],
    [
      'household.members[0].relation',
      'COUSIN',
      'must be one of SELF, SPOUSE, CHILD, PARENT, SIBLING, GRANDPARENT, GRANDCHILD, CHILD_IN_LAW, OTHER',
    ],
    ['household.members[0].coResident', 1, 'must be true or false'],
    ['household.members[0].exclusion', 'ABROAD', 'must be one of PRISON, DRUG_REHAB, MISSING, RELIGIOUS_3Y'],
    ['household.members[0].ageOnCreation', 17.5, 'must be an integer from 0 to 150'],
    ['household.members[0].ageOnCreation', -1, 'must be an integer from 0 to 150'],
    ['household.members[0].ageOnCreation', 151, 'must be an integer from 0 to 150'],
    ['household.members[0].declaredDisability.grade', 5, 'must be one of 1, 2, 3, 4'],
    [
      'household.members[0].declaredDisability.category',
      'BLIND',
      'must be one of PHYSICAL, VISUAL, HEARING, SPEECH, INTELLECTUAL, MENTAL, MULTIPLE',
    ],
    ['household.members[0].declaredMonthlyIncome', [], 'must be an object'],
    ['household.members[0].declaredMonthlyIncome.wageFen', 1.5, 'must be a non-negative integer of fen'],
    ['household.members[0].declaredMonthlyIncome.excludedFen', -1, 'must be a non-negative integer of fen'],
    [
      'household.members[0].declaredMonthlyIncome.transferFen',
      '100',
      'must be a non-negative integer of fen',
    ],
    ['household.members[0].declaredAssets.vehicles', 0.5, 'must be a non-negative integer'],
    ['household.members[0].declaredAssets.dwellings', -1, 'must be a non-negative integer'],
    [
      'facts.failedSources',
      ['BANK'],
      'must be one of HUKOU, VEHICLE, SOCIAL_SECURITY, REAL_ESTATE, MARKET_REGULATION, TAX, HOUSING_FUND, BANKING, CIVIL_AFFAIRS, DISABILITY, PUBLIC_PAYROLL',
    ],
    ['facts.members[0].hukou.deathDate', '2026-13-01', 'must be a real date written YYYY-MM-DD'],
    ['facts.members[0].vehicles', {}, 'must be an array'],
    ['facts.members[0].socialSecurity.pensions[0].type', 'PRIVATE', 'must be one of EMPLOYEE, RESIDENT'],
    [
      'facts.members[0].socialSecurity.employments[0].monthlyWageFen',
      9.99,
      'must be a non-negative integer of fen',
    ],
    ['facts.members[0].realEstate[0].certificateNo', '', 'must be a non-empty string'],
    ['facts.members[0].businesses[0].status', 'CLOSED', 'must be one of ACTIVE, REVOKED'],
    ['facts.members[0].banking.wealthProductsFen', Number.NaN, 'must be a non-negative integer of fen'],
    ['facts.members[0].tax.annualTaxableWageFen', 2 ** 53, 'must be a non-negative integer of fen'],
    ['facts.members[0].publicPayroll', 'yes', 'must be true or false'],
    ['params.version', '', 'must be a non-empty string'],
    ['params.dibaoStandardUrbanFen', 0, 'must be a positive integer of fen'],
    ['params.dibaoStandardRuralFen', 450.5, 'must be a positive integer of fen'],
    ['params.edgeMultiplier', 0, 'must be a positive decimal with at most 6 decimal places'],
    ['params.tekunMultiplier', 1.0000001, 'must be a positive decimal with at most 6 decimal places'],
    ['params.incomeTolerancePct', -10, 'must be a non-negative decimal with at most 6 decimal places'],
    ['params.financialAssetMonths', 24.5, 'must be a non-negative integer'],
  ])('%s = %p: %s', (path, value, message) => {
    // An invalid array item is reported at the item's own path.
    const expectedPath = Array.isArray(value) && value.length > 0 ? `${path}[0]` : path;
    expect(problemsOf(withValue(path, value))).toEqual([{ path: expectedPath, message }]);
  });

  it('reports duplicate member ids in the household and in the facts', () => {
    const input = validInput();
    const duplicated: Input = {
      ...input,
      household: { ...input.household, members: [...input.household.members, member('m1')] },
      facts: { ...input.facts, members: [...input.facts.members, memberFacts('m1')] },
    };
    expect(problemsOf(duplicated)).toEqual([
      { path: 'household.members[2].memberId', message: 'duplicates an earlier member' },
      { path: 'facts.members[1].memberId', message: 'duplicates an earlier member' },
    ]);
  });

  it('reports every problem at once and survives a missing top level', () => {
    const problems = validateEligibilityInput(
      null as unknown as HouseholdInput,
      {} as VerifiedFacts,
      params({ maxDwellings: -1 }),
    );
    expect(problems).toEqual([
      { path: 'household', message: 'must be an object' },
      { path: 'facts.members', message: 'must be an array' },
      { path: 'facts.failedSources', message: 'must be an array' },
      { path: 'params.maxDwellings', message: 'must be a non-negative integer' },
    ]);
  });

  it.each([
    ['evaluate', evaluate],
    ['assess', assess],
    ['findDiscrepancies', findDiscrepancies],
  ] as const)('%s refuses invalid input with every problem listed', (_name, entryPoint) => {
    const input = withValue('household.members[0].declaredMonthlyIncome.wageFen', 100.5);
    let error: unknown;
    try {
      entryPoint(input.household, input.facts, input.params);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EligibilityInputError);
    expect(error).toMatchObject({
      code: 'ELIGIBILITY_INPUT_INVALID',
      problems: [
        {
          path: 'household.members[0].declaredMonthlyIncome.wageFen',
          message: 'must be a non-negative integer of fen',
        },
      ],
      message:
        'Invalid eligibility input: household.members[0].declaredMonthlyIncome.wageFen: must be a non-negative integer of fen',
    });
  });
});
