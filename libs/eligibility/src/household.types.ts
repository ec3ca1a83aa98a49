/*
 * The household as the engine sees it (SPEC 3.1, 6.2): plain JSON data, stored verbatim in the decision record
 * (SPEC 6.5) and replayed later. No names and no ID numbers: the caller derives `ageOnCreation` from the ID number.
 * Enumerations are string-literal unions rather than TypeScript enums, so the other libs' enums with the same
 * contract strings are assignable to them and a record parsed back from JSON type-checks without casts.
 */

export const PROGRAMMES = ['DIBAO', 'EDGE', 'TEKUN'] as const;
export type Programme = (typeof PROGRAMMES)[number];

export const RESIDENCES = ['URBAN', 'RURAL'] as const;
export type Residence = (typeof RESIDENCES)[number];

export const RELATIONS = [
  'SELF',
  'SPOUSE',
  'CHILD',
  'PARENT',
  'SIBLING',
  'GRANDPARENT',
  'GRANDCHILD',
  'CHILD_IN_LAW',
  'OTHER',
] as const;
export type Relation = (typeof RELATIONS)[number];

/** Members so marked are not counted (《最低生活保障审核确认办法》第七条第二款). */
export const EXCLUSIONS = ['PRISON', 'DRUG_REHAB', 'MISSING', 'RELIGIOUS_3Y'] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];

export const DISABILITY_CATEGORIES = [
  'PHYSICAL',
  'VISUAL',
  'HEARING',
  'SPEECH',
  'INTELLECTUAL',
  'MENTAL',
  'MULTIPLE',
] as const;
export type DisabilityCategory = (typeof DISABILITY_CATEGORIES)[number];

export const DISABILITY_GRADES = [1, 2, 3, 4] as const;
export type DisabilityGrade = (typeof DISABILITY_GRADES)[number];

/** A disability as on the 残疾人证: category and grade 1 (most severe) to 4. */
export interface Disability {
  readonly category: DisabilityCategory;
  readonly grade: DisabilityGrade;
}

/** Declared monthly income by category, integer fen. `excludedFen` is recorded but never counted as income. */
export interface DeclaredMonthlyIncome {
  readonly wageFen: number;
  readonly businessFen: number;
  readonly propertyFen: number;
  readonly transferFen: number;
  readonly excludedFen: number;
}

/** Declared assets: balances in integer fen, vehicles and dwellings as counts. */
export interface DeclaredAssets {
  readonly depositsFen: number;
  readonly securitiesFen: number;
  readonly vehicles: number;
  readonly dwellings: number;
}

export interface HouseholdMember {
  /** The platform's member id (a UUID); never a name or an ID number. */
  readonly memberId: string;
  readonly relation: Relation;
  readonly coResident: boolean;
  readonly exclusion: Exclusion | null;
  /** Whole years at the application's creation date, computed by the caller from the ID number. */
  readonly ageOnCreation: number;
  readonly declaredDisability: Disability | null;
  readonly declaredMonthlyIncome: DeclaredMonthlyIncome;
  readonly declaredAssets: DeclaredAssets;
}

export interface HouseholdInput {
  readonly programme: Programme;
  readonly residence: Residence;
  readonly hasAbleSupporter: boolean;
  /** The application's creation date, `YYYY-MM-DD`. */
  readonly createdOn: string;
  readonly members: readonly HouseholdMember[];
}
