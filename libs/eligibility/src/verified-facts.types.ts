import { type Disability } from './household.types';

/*
 * What the eleven data sources of SPEC 5.1 reported, normalised by the connectors to integer fen and counts.
 * Convention for every per-source field of `MemberFacts`: `null` means the engine has no answer from that source
 * for that member (the check FAILED, was not authorised or was never run); a source that answered "nothing found"
 * is an empty value instead (`[]`, zero amounts, `found: false`). The engine treats both as contributing nothing
 * to income or assets; a FAILED check is what `failedSources` (rule DATA_COMPLETE) is for.
 */

export const SOURCE_CODES = [
  'HUKOU',
  'VEHICLE',
  'SOCIAL_SECURITY',
  'REAL_ESTATE',
  'MARKET_REGULATION',
  'TAX',
  'HOUSING_FUND',
  'BANKING',
  'CIVIL_AFFAIRS',
  'DISABILITY',
  'PUBLIC_PAYROLL',
] as const;
export type SourceCode = (typeof SOURCE_CODES)[number];

/** HUKOU (公安 户籍). */
export interface HukouFact {
  readonly found: boolean;
  readonly deceased: boolean;
  /** `YYYY-MM-DD`, or null when alive or unknown. */
  readonly deathDate: string | null;
}

/** VEHICLE (公安 交管): one registered motor vehicle. */
export interface VehicleFact {
  /** A disability mobility vehicle (残疾人功能性补偿代步机动车) does not count as an asset. */
  readonly disabilityMobility: boolean;
}

export const PENSION_TYPES = ['EMPLOYEE', 'RESIDENT'] as const;
export type PensionType = (typeof PENSION_TYPES)[number];

export interface EmploymentFact {
  readonly monthlyWageFen: number;
}

export interface PensionFact {
  readonly type: PensionType;
  readonly monthlyFen: number;
  /** The centrally set basic pension (中央确定的基础养老金) inside a RESIDENT pension; excluded income. */
  readonly centralBaseFen: number;
}

/** SOCIAL_SECURITY (人社). */
export interface SocialSecurityFact {
  readonly employments: readonly EmploymentFact[];
  readonly pensions: readonly PensionFact[];
  readonly unemploymentBenefitMonthlyFen: number;
}

export const PROPERTY_TYPES = ['DWELLING', 'COMMERCIAL', 'OTHER'] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

/** REAL_ESTATE (不动产登记): one property right; co-owners each report the same certificate number. */
export interface PropertyFact {
  readonly certificateNo: string;
  readonly type: PropertyType;
}

export const BUSINESS_KINDS = ['ENTERPRISE', 'INDIVIDUAL'] as const;
export type BusinessKind = (typeof BUSINESS_KINDS)[number];
export const BUSINESS_ROLES = ['LEGAL_REP', 'SHAREHOLDER'] as const;
export type BusinessRole = (typeof BUSINESS_ROLES)[number];
export const BUSINESS_STATUSES = ['ACTIVE', 'REVOKED'] as const;
export type BusinessStatus = (typeof BUSINESS_STATUSES)[number];

/** MARKET_REGULATION (市场监管): one business registration the member holds a role in. */
export interface BusinessFact {
  readonly kind: BusinessKind;
  readonly role: BusinessRole;
  readonly registeredCapitalFen: number;
  readonly status: BusinessStatus;
}

/** TAX (税务): taxable wage income of the last 12 months. */
export interface TaxFact {
  readonly annualTaxableWageFen: number;
}

/** HOUSING_FUND (住房公积金): monthly contribution base. */
export interface HousingFundFact {
  readonly baseFen: number;
}

/** BANKING (银行业金融机构): balances across all reporting institutions. */
export interface BankingFact {
  readonly depositsFen: number;
  readonly securitiesFen: number;
  readonly wealthProductsFen: number;
}

export interface AssistanceFact {
  /** The programme code as civil affairs reports it (DIBAO, EDGE, TEKUN or another scheme's code). */
  readonly programme: string;
  readonly areaCode: string;
}

/** CIVIL_AFFAIRS (民政): assistance the member already receives. */
export interface CivilAffairsFact {
  readonly receivingAssistance: readonly AssistanceFact[];
}

export interface MemberFacts {
  readonly memberId: string;
  readonly hukou: HukouFact | null;
  readonly vehicles: readonly VehicleFact[] | null;
  readonly socialSecurity: SocialSecurityFact | null;
  readonly realEstate: readonly PropertyFact[] | null;
  readonly businesses: readonly BusinessFact[] | null;
  readonly tax: TaxFact | null;
  readonly housingFund: HousingFundFact | null;
  readonly banking: BankingFact | null;
  readonly civilAffairs: CivilAffairsFact | null;
  /** DISABILITY (残联): the certificate, or null when there is none or no answer. */
  readonly disability: Disability | null;
  /** PUBLIC_PAYROLL (编制/财政): on public-sector payroll (财政供养); null when no answer. */
  readonly publicPayroll: boolean | null;
}

export interface VerifiedFacts {
  /** One entry per member that was checked; a household member without an entry has no facts at all. */
  readonly members: readonly MemberFacts[];
  /** Sources with at least one check that ended FAILED (SPEC 5.3). */
  readonly failedSources: readonly SourceCode[];
}
