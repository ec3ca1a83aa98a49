import {
  type BusinessFact,
  type HouseholdInput,
  type PolicyParameters,
  type Programme,
  type RuleId,
  type VerifiedFacts,
} from '@app/eligibility';
// The engine's own spec builders (allowed for libs/testing by a dependency-cruiser exception).
import {
  declaredAssets,
  declaredIncome,
  facts,
  household,
  member,
  memberFacts,
  noAnswers,
  params,
} from '../../eligibility/src/eligibility.fixture';

/** A member every source answered "nothing found" for (the engine's own fixture, for the workflow fixtures too). */
export { memberFacts as nothingFoundFacts };

/**
 * Households built from the eligibility engine's fixtures that, between them, make every rule of SPEC 6.3 PASS and
 * fail (FAIL, or REVIEW for the rules that never fail) for each programme it belongs to. Member ids are `m1`, `m2`…;
 * `createVerifiedApplication` maps them to the real members it creates.
 */
export interface EligibilityCase {
  name: string;
  household: HouseholdInput;
  facts: VerifiedFacts;
  params: PolicyParameters;
  /** The rule this case is about and the result it must give (PASS cases list none). */
  expects?: { rule: RuleId; result: 'PASS' | 'FAIL' | 'REVIEW' };
}

const ACTIVE_ENTERPRISE: BusinessFact = {
  kind: 'ENTERPRISE',
  role: 'LEGAL_REP',
  registeredCapitalFen: 30_000_000,
  status: 'ACTIVE',
};

function single(
  programme: Programme,
  name: string,
  options: {
    member?: Parameters<typeof member>[1];
    found?: Parameters<typeof memberFacts>[1];
    household?: Partial<Omit<HouseholdInput, 'members'>>;
    failedSources?: VerifiedFacts['failedSources'];
    noAnswer?: boolean;
    expects?: EligibilityCase['expects'];
  } = {},
): EligibilityCase {
  // TEKUN needs an applicant without labour capacity for its other rules to be the deciding ones.
  const age = programme === 'TEKUN' ? 70 : 40;
  return {
    name: `${programme}: ${name}`,
    household: household([member('m1', { ageOnCreation: age, ...options.member })], {
      programme,
      ...options.household,
    }),
    facts: facts(
      [options.noAnswer ? noAnswers('m1') : memberFacts('m1', options.found)],
      options.failedSources ?? [],
    ),
    params: params(),
    expects: options.expects,
  };
}

function forProgramme(programme: Programme): EligibilityCase[] {
  const incomeFail = programme === 'EDGE' ? 100_000 : 70_000; // EDGE limit ⌊1.5 × 65 000⌋ = 97 500
  const cases: EligibilityCase[] = [
    single(programme, 'eligible, every rule passes', {
      member: { declaredAssets: declaredAssets({ dwellings: 1 }) },
    }),
    single(programme, 'INCOME fails', {
      member: { declaredMonthlyIncome: declaredIncome({ wageFen: incomeFail }) },
      expects: { rule: 'INCOME', result: 'FAIL' },
    }),
    single(programme, 'FINANCIAL_ASSETS fails', {
      member: { declaredAssets: declaredAssets({ depositsFen: 3_000_000 }) },
      expects: { rule: 'FINANCIAL_ASSETS', result: 'FAIL' },
    }),
    single(programme, 'VEHICLES fails on a verified car', {
      found: { vehicles: [{ disabilityMobility: false }] },
      expects: { rule: 'VEHICLES', result: 'FAIL' },
    }),
    single(programme, 'DWELLINGS fails on two homes', {
      member: { declaredAssets: declaredAssets({ dwellings: 2 }) },
      expects: { rule: 'DWELLINGS', result: 'FAIL' },
    }),
    single(programme, 'ENTERPRISE fails on an active company', {
      found: { businesses: [ACTIVE_ENTERPRISE] },
      expects: { rule: 'ENTERPRISE', result: 'FAIL' },
    }),
    single(programme, 'PUBLIC_PAYROLL needs review', {
      found: { publicPayroll: true },
      expects: { rule: 'PUBLIC_PAYROLL', result: 'REVIEW' },
    }),
    single(programme, 'ALREADY_ASSISTED needs review', {
      found: { civilAffairs: { receivingAssistance: [{ programme: 'DIBAO', areaCode: '431102' }] } },
      expects: { rule: 'ALREADY_ASSISTED', result: 'REVIEW' },
    }),
    single(programme, 'DATA_COMPLETE needs review when a source failed', {
      noAnswer: true,
      failedSources: ['BANKING'],
      expects: { rule: 'DATA_COMPLETE', result: 'REVIEW' },
    }),
  ];
  if (programme === 'TEKUN') {
    cases.push(
      single(programme, 'NO_LABOUR_CAPACITY fails for an able adult', {
        member: { ageOnCreation: 40 },
        expects: { rule: 'NO_LABOUR_CAPACITY', result: 'FAIL' },
      }),
      single(programme, 'NO_LABOUR_CAPACITY passes on a verified disability', {
        member: { ageOnCreation: 40 },
        found: { disability: { category: 'INTELLECTUAL', grade: 2 } },
        expects: { rule: 'NO_LABOUR_CAPACITY', result: 'PASS' },
      }),
      single(programme, 'NO_LABOUR_CAPACITY needs review on a declared disability only', {
        member: { ageOnCreation: 40, declaredDisability: { category: 'MENTAL', grade: 1 } },
        expects: { rule: 'NO_LABOUR_CAPACITY', result: 'REVIEW' },
      }),
      single(programme, 'NO_ABLE_SUPPORTER fails', {
        household: { hasAbleSupporter: true },
        expects: { rule: 'NO_ABLE_SUPPORTER', result: 'FAIL' },
      }),
    );
  }
  return cases;
}

/** Every case: each programme's rules passing and failing, plus both alternative-programme directions. */
export function eligibilityCases(): EligibilityCase[] {
  return [
    ...forProgramme('DIBAO'),
    ...forProgramme('EDGE'),
    ...forProgramme('TEKUN'),
    {
      name: 'DIBAO failing only INCOME but within the EDGE tests: alternative EDGE',
      household: household([member('m1', { declaredMonthlyIncome: declaredIncome({ wageFen: 80_000 }) })]),
      facts: facts([memberFacts('m1')]),
      params: params(),
    },
    {
      name: 'EDGE below the DIBAO standard: alternative DIBAO',
      household: household(
        [
          member('m1', { declaredMonthlyIncome: declaredIncome({ wageFen: 50_000 }) }),
          member('m2', { relation: 'SPOUSE', ageOnCreation: 38 }),
        ],
        { programme: 'EDGE', residence: 'RURAL' },
      ),
      facts: facts([memberFacts('m1'), memberFacts('m2')]),
      params: params(),
    },
  ];
}
