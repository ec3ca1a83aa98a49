import {
  assess,
  evaluate,
  findDiscrepancies,
  SOURCE_CODES,
  type HouseholdInput,
  type PolicyParameters,
  type Recommendation,
  type SourceCode,
  type VerifiedFacts,
} from '@app/eligibility';
import { type CheckRow, isSourceCode } from './engine-input';
import {
  type MemberReport,
  type ReportCheckStatus,
  type VerificationReportBody,
} from './verification-report.types';

export interface ReportInput {
  runId: string;
  applicationId: string;
  number: string;
  generatedAt: Date;
  household: HouseholdInput;
  facts: VerifiedFacts;
  params: PolicyParameters;
  checks: readonly CheckRow[];
}

export interface BuiltReport {
  runStatus: 'COMPLETE' | 'INCOMPLETE';
  report: VerificationReportBody;
  recommendation: Recommendation;
}

/**
 * The verification report of SPEC 5.4 and the recommendation of SPEC 6.3–6.4, from the run's final checks and the
 * facts they found. Pure: the same input always gives the same output. A run is INCOMPLETE when a counted member's
 * check FAILED or was never made for want of authorisation; the recommendation then says NEEDS_REVIEW (rule
 * DATA_COMPLETE) — a household is never denied because a department was unavailable.
 */
export function buildReport(input: ReportInput): BuiltReport {
  const { household, facts, params, checks } = input;
  const assessment = assess(household, facts, params);
  const recommendation = evaluate(household, facts, params);
  const discrepancies = findDiscrepancies(household, facts, params);

  const statusOf = new Map(checks.map((c) => [`${c.memberId}|${c.source}`, c.status]));
  const factsOf = new Map(facts.members.map((m) => [m.memberId, m]));
  const memberOf = new Map(household.members.map((m) => [m.memberId, m]));

  const members: MemberReport[] = assessment.members.map((a) => {
    const member = memberOf.get(a.memberId);
    const banking = factsOf.get(a.memberId)?.banking ?? null;
    const checksOfMember = Object.fromEntries(
      SOURCE_CODES.map((source) => [source, statusOf.get(`${a.memberId}|${source}`) ?? 'NOT_AUTHORIZED']),
    ) as Record<SourceCode, ReportCheckStatus>;
    return {
      memberId: a.memberId,
      relation: member?.relation ?? 'OTHER',
      declared: {
        income: a.declaredIncome,
        excludedIncomeFen: member?.declaredMonthlyIncome.excludedFen ?? 0,
        assets: {
          depositsFen: member?.declaredAssets.depositsFen ?? 0,
          securitiesFen: member?.declaredAssets.securitiesFen ?? 0,
          financialAssetsFen: a.declaredFinancialAssetsFen,
          vehicles: a.declaredVehicles,
          dwellings: a.declaredDwellings,
        },
      },
      verified: {
        income: { ...a.verifiedIncome, businessFen: null, propertyFen: null },
        assets: {
          depositsFen: banking?.depositsFen ?? 0,
          securitiesFen: banking?.securitiesFen ?? 0,
          wealthProductsFen: banking?.wealthProductsFen ?? 0,
          financialAssetsFen: a.verifiedFinancialAssetsFen,
          vehicles: a.verifiedVehicles,
          dwellings: a.verifiedDwellingCertificates.length,
          activeEnterprises: a.activeEnterprises,
        },
        checks: checksOfMember,
      },
      assessed: { income: a.assessedIncome, financialAssetsFen: a.assessedFinancialAssetsFen },
    };
  });

  const missingSources = SOURCE_CODES.filter((source) =>
    checks.some((c) => c.source === source && c.status === 'FAILED'),
  );
  const unverified = [
    ...new Set(checks.filter((c) => c.status === 'NOT_AUTHORIZED').map((c) => c.memberId)),
  ].map((memberId) => ({ memberId, reason: 'NOT_AUTHORIZED' as const }));
  const incomplete = checks.some(
    (c) => isSourceCode(c.source) && (c.status === 'FAILED' || c.status === 'NOT_AUTHORIZED'),
  );
  const runStatus = incomplete ? 'INCOMPLETE' : 'COMPLETE';

  return {
    runStatus,
    recommendation,
    report: {
      runId: input.runId,
      applicationId: input.applicationId,
      number: input.number,
      programme: household.programme,
      residence: household.residence,
      runStatus,
      generatedAt: input.generatedAt.toISOString(),
      policyVersion: params.version,
      members,
      notCounted: assessment.notCounted.map((m) => ({ memberId: m.memberId, reason: m.reason })),
      household: {
        countedMembers: assessment.n,
        assessedMonthlyIncomeFen: assessment.householdIncomeFen,
        perCapitaMonthlyIncomeFen: assessment.perCapitaFen,
        financialAssetsFen: assessment.financialAssetsFen,
        vehicles: assessment.vehicles,
        dwellings: assessment.dwellings,
        activeEnterprises: assessment.activeEnterprises,
        standardFen: assessment.standardFen,
      },
      discrepancies,
      missingSources,
      unverifiedMembers: unverified,
    },
  };
}
