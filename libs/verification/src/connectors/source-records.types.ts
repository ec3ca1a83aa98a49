import {
  type AssistanceFact,
  type BankingFact,
  type BusinessFact,
  type CivilAffairsFact,
  type Disability,
  type EmploymentFact,
  type HousingFundFact,
  type HukouFact,
  type PropertyFact,
  type SocialSecurityFact,
  type SourceCode,
  type TaxFact,
  type VehicleFact,
} from '@app/eligibility';

/*
 * What the connectors normalise each department's answer to: the fact types of @app/eligibility (so a record can go
 * straight into `MemberFacts`), plus the descriptive fields a verification officer reads in the raw-results view.
 * Money is integer fen; dates are ISO `YYYY-MM-DD` civil dates in China.
 */

export interface HukouRecord extends HukouFact {
  /** 户籍所在地 area code (GB/T 2260), when the registry gave one. */
  readonly hukouAreaCode: string | null;
}

export const VEHICLE_TYPES = ['CAR', 'BUS', 'TRUCK', 'MOTORCYCLE', 'OTHER'] as const;
export type VehicleType = (typeof VEHICLE_TYPES)[number];

export interface VehicleRecord extends VehicleFact {
  readonly plate: string;
  readonly type: VehicleType;
  readonly registeredOn: string;
}

export interface EmploymentRecord extends EmploymentFact {
  readonly employer: string;
}

export interface SocialSecurityRecord extends SocialSecurityFact {
  readonly employments: readonly EmploymentRecord[];
}

export interface PropertyRecord extends PropertyFact {
  readonly areaSqm: number;
  readonly registeredOn: string;
}

export interface BusinessRecord extends BusinessFact {
  readonly name: string;
}

export interface HousingFundRecord extends HousingFundFact {
  /** A suspended (封存) account has nobody paying into it: its base is reported as 0, it is no current wage. */
  readonly accountStatus: 'PAYING' | 'SUSPENDED';
}

export const MARITAL_STATUSES = ['UNMARRIED', 'MARRIED', 'WIDOWED', 'DIVORCED'] as const;
export type MaritalStatus = (typeof MARITAL_STATUSES)[number];

export interface AssistanceRecord extends AssistanceFact {
  /** Start of the payments, when civil affairs reported it. */
  readonly since: string | null;
}

export interface CivilAffairsRecord extends CivilAffairsFact {
  readonly maritalStatus: MaritalStatus | null;
  readonly receivingAssistance: readonly AssistanceRecord[];
}

/** Fails to compile when a source code has no fact type. */
type EverySource<T extends Record<SourceCode, unknown>> = T;

/** The normalised answer of each source for one person. */
export type FactsBySource = EverySource<{
  HUKOU: HukouRecord;
  VEHICLE: readonly VehicleRecord[];
  SOCIAL_SECURITY: SocialSecurityRecord;
  REAL_ESTATE: readonly PropertyRecord[];
  MARKET_REGULATION: readonly BusinessRecord[];
  TAX: TaxFact;
  HOUSING_FUND: HousingFundRecord;
  BANKING: BankingFact;
  CIVIL_AFFAIRS: CivilAffairsRecord;
  /** The disability certificate, or null when there is none. */
  DISABILITY: Disability | null;
  /** On public-sector payroll (财政供养). */
  PUBLIC_PAYROLL: boolean;
}>;

/**
 * The fact of a "no record" answer: the empty value of each source, as `MemberFacts` expects for a source that
 * answered but found nothing (`found: false`, empty lists, zero amounts).
 */
export const NO_RECORD_FACTS: { readonly [S in SourceCode]: FactsBySource[S] } = {
  HUKOU: { found: false, deceased: false, deathDate: null, hukouAreaCode: null },
  VEHICLE: [],
  SOCIAL_SECURITY: { employments: [], pensions: [], unemploymentBenefitMonthlyFen: 0 },
  REAL_ESTATE: [],
  MARKET_REGULATION: [],
  TAX: { annualTaxableWageFen: 0 },
  HOUSING_FUND: { baseFen: 0, accountStatus: 'SUSPENDED' },
  BANKING: { depositsFen: 0, securitiesFen: 0, wealthProductsFen: 0 },
  CIVIL_AFFAIRS: { maritalStatus: null, receivingAssistance: [] },
  DISABILITY: null,
  PUBLIC_PAYROLL: false,
};
