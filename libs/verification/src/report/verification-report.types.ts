import {
  type Discrepancy,
  type IncomeBreakdown,
  type NotCountedReason,
  type Programme,
  type Residence,
  type SourceCode,
  type VerifiedIncome,
} from '@app/eligibility';

/** A check state of SPEC 5.3, as the report lists it per member and source. */
export type ReportCheckStatus =
  'PENDING' | 'SUCCEEDED' | 'NO_RECORD' | 'FAILED' | 'NOT_AUTHORIZED' | 'CANCELLED';

/** Declared against verified against assessed figures of one counted member (SPEC 5.4, 6.2). Monthly, integer fen. */
export interface MemberReport {
  memberId: string;
  relation: string;
  declared: {
    income: IncomeBreakdown;
    /** Declared income that is never counted (e.g. assistance payments). */
    excludedIncomeFen: number;
    assets: {
      depositsFen: number;
      securitiesFen: number;
      financialAssetsFen: number;
      vehicles: number;
      dwellings: number;
    };
  };
  verified: {
    /** Business and property income are declared only: no source reports them (null). */
    income: VerifiedIncome & { businessFen: null; propertyFen: null };
    assets: {
      depositsFen: number;
      securitiesFen: number;
      wealthProductsFen: number;
      financialAssetsFen: number;
      /** Registered motor vehicles other than disability mobility vehicles. */
      vehicles: number;
      /** Distinct DWELLING certificates. */
      dwellings: number;
      activeEnterprises: number;
    };
    /** How each source's check of this member ended. */
    checks: Record<SourceCode, ReportCheckStatus>;
  };
  assessed: {
    income: IncomeBreakdown;
    financialAssetsFen: number;
  };
}

/** The household figures of SPEC 5.4, over counted members (SPEC 6.2). */
export interface HouseholdReport {
  countedMembers: number;
  assessedMonthlyIncomeFen: number;
  perCapitaMonthlyIncomeFen: number;
  financialAssetsFen: number;
  vehicles: number;
  dwellings: number;
  activeEnterprises: number;
  /** The monthly dibao standard the figures are compared with (SPEC 6.1). */
  standardFen: number;
}

/** The verification report (核对报告) of SPEC 5.4, stored as written at the end of the run. */
export interface VerificationReportBody {
  runId: string;
  applicationId: string;
  number: string;
  programme: Programme;
  residence: Residence;
  runStatus: 'COMPLETE' | 'INCOMPLETE';
  generatedAt: string;
  policyVersion: string;
  members: MemberReport[];
  /** Members not counted (SPEC 6.2) and why: not co-resident, an exclusion, or deceased according to HUKOU. */
  notCounted: { memberId: string; reason: NotCountedReason }[];
  household: HouseholdReport;
  discrepancies: Discrepancy[];
  /** Sources with at least one check that ended FAILED (SPEC 5.4). */
  missingSources: SourceCode[];
  /** Counted members no source was asked about, for want of a valid authorisation. */
  unverifiedMembers: { memberId: string; reason: 'NOT_AUTHORIZED' }[];
}
