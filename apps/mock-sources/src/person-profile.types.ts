/**
 * What the mocked departments know about one person (the body of `PUT /admin/persons/{idNumber}`, SPEC 5.2).
 * Every department answers from this one shape; a field left out (or null) means "no record" in that department.
 */

export const VEHICLE_TYPES = ['CAR', 'MOTORCYCLE', 'TRUCK', 'BUS', 'OTHER'] as const;
export type VehicleType = (typeof VEHICLE_TYPES)[number];
export const PENSION_TYPES = ['EMPLOYEE', 'RESIDENT'] as const;
export type PensionType = (typeof PENSION_TYPES)[number];
export const PROPERTY_TYPES = ['DWELLING', 'COMMERCIAL', 'OTHER'] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];
export const BUSINESS_KINDS = ['ENTERPRISE', 'INDIVIDUAL'] as const;
export type BusinessKind = (typeof BUSINESS_KINDS)[number];
export const BUSINESS_ROLES = ['LEGAL_REP', 'SHAREHOLDER'] as const;
export type BusinessRole = (typeof BUSINESS_ROLES)[number];
export const BUSINESS_STATUSES = ['ACTIVE', 'REVOKED'] as const;
export type BusinessStatus = (typeof BUSINESS_STATUSES)[number];
export const MARITAL_STATUSES = ['UNMARRIED', 'MARRIED', 'DIVORCED', 'WIDOWED'] as const;
export type MaritalStatus = (typeof MARITAL_STATUSES)[number];
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

export interface ProfileVehicle {
  plate: string;
  type: VehicleType;
  disabilityMobility: boolean;
  /** `YYYY-MM-DD`; derived from the plate when left out. */
  registeredOn?: string;
}

export interface ProfileEmployment {
  employer: string;
  monthlyWageFen: number;
}

export interface ProfilePension {
  type: PensionType;
  monthlyFen: number;
  centralBaseFen: number;
}

export interface ProfileProperty {
  certificateNo: string;
  type: PropertyType;
  areaSqm: number;
  /** `YYYY-MM-DD`; derived from the certificate number when left out. */
  registeredOn?: string;
}

export interface ProfileBusiness {
  name: string;
  kind: BusinessKind;
  role: BusinessRole;
  registeredCapitalFen: number;
  status: BusinessStatus;
}

export interface ProfileBanking {
  depositsFen: number;
  securitiesFen: number;
  wealthProductsFen: number;
}

export interface ProfileAssistance {
  programme: string;
  areaCode: string;
  /** `YYYY-MM-DD`, when known. */
  since?: string;
}

export interface ProfileDisability {
  category: DisabilityCategory;
  grade: number;
}

export interface PersonProfile {
  alive?: boolean | null;
  deathDate?: string | null;
  hukouAreaCode?: string | null;
  vehicles?: ProfileVehicle[] | null;
  employment?: ProfileEmployment[] | null;
  pensions?: ProfilePension[] | null;
  unemploymentBenefitMonthlyFen?: number | null;
  properties?: ProfileProperty[] | null;
  businesses?: ProfileBusiness[] | null;
  annualTaxableWageFen?: number | null;
  housingFundBaseFen?: number | null;
  banking?: ProfileBanking | null;
  maritalStatus?: MaritalStatus | null;
  receivingAssistance?: ProfileAssistance[] | null;
  disability?: ProfileDisability | null;
  publicPayroll?: boolean | null;
  /**
   * Test-only: the bank's inquiry fails for this one customer (`rspCode` 100500 in the batch answer) while the
   * others of the batch are answered (issue 12: a per-person error affects only that person).
   */
  bankingInquiryFails?: boolean | null;
}
