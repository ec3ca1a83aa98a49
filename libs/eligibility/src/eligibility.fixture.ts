import {
  type DeclaredAssets,
  type DeclaredMonthlyIncome,
  type HouseholdInput,
  type HouseholdMember,
} from './household.types';
import { YONGZHOU_DEMO_PARAMETERS, type PolicyParameters } from './policy-parameters';
import { type MemberFacts, type SourceCode, type VerifiedFacts } from './verified-facts.types';

/* Builders for the engine's specs: a valid baseline that each table row overrides. Not part of the public API. */

export function declaredIncome(overrides: Partial<DeclaredMonthlyIncome> = {}): DeclaredMonthlyIncome {
  return { wageFen: 0, businessFen: 0, propertyFen: 0, transferFen: 0, excludedFen: 0, ...overrides };
}

export function declaredAssets(overrides: Partial<DeclaredAssets> = {}): DeclaredAssets {
  return { depositsFen: 0, securitiesFen: 0, vehicles: 0, dwellings: 0, ...overrides };
}

export function member(memberId: string, overrides: Partial<HouseholdMember> = {}): HouseholdMember {
  return {
    memberId,
    relation: 'SELF',
    coResident: true,
    exclusion: null,
    ageOnCreation: 40,
    declaredDisability: null,
    declaredMonthlyIncome: declaredIncome(),
    declaredAssets: declaredAssets(),
    ...overrides,
  };
}

export function household(
  members: readonly HouseholdMember[],
  overrides: Partial<Omit<HouseholdInput, 'members'>> = {},
): HouseholdInput {
  return {
    programme: 'DIBAO',
    residence: 'URBAN',
    hasAbleSupporter: false,
    createdOn: '2026-11-20',
    members,
    ...overrides,
  };
}

/** A member every source answered "nothing found" for, with the given answers on top. */
export function memberFacts(
  memberId: string,
  overrides: Partial<Omit<MemberFacts, 'memberId'>> = {},
): MemberFacts {
  return {
    memberId,
    hukou: { found: true, deceased: false, deathDate: null },
    vehicles: [],
    socialSecurity: { employments: [], pensions: [], unemploymentBenefitMonthlyFen: 0 },
    realEstate: [],
    businesses: [],
    tax: { annualTaxableWageFen: 0 },
    housingFund: { baseFen: 0 },
    banking: { depositsFen: 0, securitiesFen: 0, wealthProductsFen: 0 },
    civilAffairs: { receivingAssistance: [] },
    disability: null,
    publicPayroll: false,
    ...overrides,
  };
}

/** A member no source answered for. */
export function noAnswers(memberId: string): MemberFacts {
  return {
    memberId,
    hukou: null,
    vehicles: null,
    socialSecurity: null,
    realEstate: null,
    businesses: null,
    tax: null,
    housingFund: null,
    banking: null,
    civilAffairs: null,
    disability: null,
    publicPayroll: null,
  };
}

export function facts(
  members: readonly MemberFacts[] = [],
  failedSources: readonly SourceCode[] = [],
): VerifiedFacts {
  return { members, failedSources };
}

export function params(overrides: Partial<PolicyParameters> = {}): PolicyParameters {
  return { ...YONGZHOU_DEMO_PARAMETERS, ...overrides };
}
