import { assessMember, notCountedReason, pairMembersWithFacts, type MemberAssessment } from './assessment';
import { type HouseholdInput, type HouseholdMember } from './household.types';
import { assertValidEligibilityInput } from './input-validation';
import { decimalRatio, formatYuan, multiplyFloor } from './money';
import { type PolicyParameters } from './policy-parameters';
import { DISCREPANCY_CODES, type Discrepancy } from './recommendation.types';
import { type MemberFacts, type SourceCode, type VerifiedFacts } from './verified-facts.types';

/*
 * Declared-versus-found differences of the verification report (SPEC 5.4). Definitions where SPEC 5.4 names a
 * code only:
 * - UNDECLARED_WAGE     verified wage (SOCIAL_SECURITY, HOUSING_FUND or TAX, whichever gave the figure used)
 *                       exceeds declared wage beyond the tolerance.
 * - UNDECLARED_PENSION  verified transfer income (pensions net of the central basic pension, plus unemployment
 *                       benefit; SOCIAL_SECURITY) exceeds declared transfer income beyond the tolerance.
 * - UNDECLARED_DEPOSITS verified deposits + securities + wealth products (BANKING) exceed declared deposits +
 *                       securities beyond the same tolerance (balances move with interest and spending).
 * - UNDECLARED_VEHICLE  more registered non-mobility vehicles (VEHICLE) than the member declared.
 * - UNDECLARED_PROPERTY more distinct DWELLING certificates (REAL_ESTATE) than the member declared dwellings; and,
 *                       separately, any COMMERCIAL/OTHER property while no property income is declared (the form
 *                       has no count for such property, so its rent is what could be missing).
 * - UNDECLARED_BUSINESS an ACTIVE registration of either kind (MARKET_REGULATION) while no business income is
 *                       declared.
 * - MEMBER_DECEASED, PERSON_NOT_FOUND (HUKOU), PUBLIC_PAYROLL, ALREADY_ASSISTED (CIVIL_AFFAIRS): as reported.
 * Identity findings (HUKOU) are raised for every member with facts, deceased ones included; the others only for
 * counted members, whose income and assets are the household's. Order: household order, then the code order of
 * SPEC 5.4.
 */

/** Found exceeds declared by more than max(incomeToleranceFen, incomeTolerancePct % of declared) (SPEC 5.4). */
export function toleranceFen(declaredFen: number, params: PolicyParameters): number {
  const pct = decimalRatio(params.incomeTolerancePct);
  const percentOfDeclared = multiplyFloor({ ...pct, denominator: pct.denominator * 100n }, declaredFen);
  // For whole fen, "excess > declared × pct / 100" and "excess > ⌊declared × pct / 100⌋" are the same test.
  return Math.max(params.incomeToleranceFen, percentOfDeclared);
}

function amountDiscrepancy(
  member: HouseholdMember,
  code: 'UNDECLARED_WAGE' | 'UNDECLARED_PENSION' | 'UNDECLARED_DEPOSITS',
  source: SourceCode,
  what: string,
  declaredFen: number,
  foundFen: number,
  params: PolicyParameters,
): Discrepancy | null {
  const tolerance = toleranceFen(declaredFen, params);
  if (foundFen - declaredFen <= tolerance) return null;
  return {
    memberId: member.memberId,
    code,
    source,
    declaredFen,
    foundFen,
    detail: `${what}: found ${formatYuan(foundFen)} yuan (${source}), declared ${formatYuan(declaredFen)} yuan; the difference ${formatYuan(foundFen - declaredFen)} yuan exceeds the tolerance ${formatYuan(tolerance)} yuan`,
  };
}

function countedDiscrepancies(
  member: HouseholdMember,
  facts: MemberFacts,
  assessed: MemberAssessment,
  params: PolicyParameters,
): (Discrepancy | null)[] {
  const id = member.memberId;
  const wage = assessed.verifiedIncome;
  const nonDwellings = new Set(
    (facts.realEstate ?? []).filter((p) => p.type !== 'DWELLING').map((p) => p.certificateNo),
  ).size;
  const activeBusinesses = (facts.businesses ?? []).filter((b) => b.status === 'ACTIVE');
  const assistance = facts.civilAffairs?.receivingAssistance ?? [];
  return [
    wage.wageSource === null
      ? null
      : amountDiscrepancy(
          member,
          'UNDECLARED_WAGE',
          wage.wageSource,
          'monthly wage',
          assessed.declaredIncome.wageFen,
          wage.wageFen,
          params,
        ),
    amountDiscrepancy(
      member,
      'UNDECLARED_PENSION',
      'SOCIAL_SECURITY',
      'monthly pension and unemployment benefit (central basic pension excluded) against declared transfer income',
      assessed.declaredIncome.transferFen,
      wage.transferFen,
      params,
    ),
    assessed.verifiedVehicles > assessed.declaredVehicles
      ? {
          memberId: id,
          code: 'UNDECLARED_VEHICLE',
          source: 'VEHICLE',
          detail: `VEHICLE reports ${assessed.verifiedVehicles} motor vehicle(s) other than disability mobility vehicles; ${assessed.declaredVehicles} declared`,
        }
      : null,
    assessed.verifiedDwellingCertificates.length > assessed.declaredDwellings
      ? {
          memberId: id,
          code: 'UNDECLARED_PROPERTY',
          source: 'REAL_ESTATE',
          detail: `REAL_ESTATE reports ${assessed.verifiedDwellingCertificates.length} dwelling certificate(s); ${assessed.declaredDwellings} dwelling(s) declared`,
        }
      : null,
    nonDwellings > 0 && member.declaredMonthlyIncome.propertyFen === 0
      ? {
          memberId: id,
          code: 'UNDECLARED_PROPERTY',
          source: 'REAL_ESTATE',
          detail: `REAL_ESTATE reports ${nonDwellings} commercial or other propert(ies) while no property income is declared`,
        }
      : null,
    amountDiscrepancy(
      member,
      'UNDECLARED_DEPOSITS',
      'BANKING',
      'deposits, securities and wealth products',
      assessed.declaredFinancialAssetsFen,
      assessed.verifiedFinancialAssetsFen,
      params,
    ),
    activeBusinesses.length > 0 && member.declaredMonthlyIncome.businessFen === 0
      ? {
          memberId: id,
          code: 'UNDECLARED_BUSINESS',
          source: 'MARKET_REGULATION',
          detail: `MARKET_REGULATION reports ${activeBusinesses.length} active registration(s) (${activeBusinesses.map((b) => `${b.kind} ${b.role}`).join(', ')}) while no business income is declared`,
        }
      : null,
    facts.publicPayroll === true
      ? {
          memberId: id,
          code: 'PUBLIC_PAYROLL',
          source: 'PUBLIC_PAYROLL',
          detail: 'PUBLIC_PAYROLL reports the member on public-sector payroll (财政供养)',
        }
      : null,
    assistance.length > 0
      ? {
          memberId: id,
          code: 'ALREADY_ASSISTED',
          source: 'CIVIL_AFFAIRS',
          detail: `CIVIL_AFFAIRS reports assistance already received: ${assistance.map((a) => `${a.programme} in area ${a.areaCode}`).join(', ')}`,
        }
      : null,
  ];
}

function identityDiscrepancies(
  household: HouseholdInput,
  member: HouseholdMember,
  facts: MemberFacts,
): (Discrepancy | null)[] {
  const hukou = facts.hukou;
  return [
    hukou?.deceased === true
      ? {
          memberId: member.memberId,
          code: 'MEMBER_DECEASED',
          source: 'HUKOU',
          detail: `HUKOU reports the member deceased (death date ${hukou.deathDate ?? 'not reported'}; application created ${household.createdOn}); the member is not counted`,
        }
      : null,
    hukou?.found === false
      ? {
          memberId: member.memberId,
          code: 'PERSON_NOT_FOUND',
          source: 'HUKOU',
          detail: 'HUKOU has no record of the member',
        }
      : null,
  ];
}

function byCode(a: Discrepancy, b: Discrepancy): number {
  return DISCREPANCY_CODES.indexOf(a.code) - DISCREPANCY_CODES.indexOf(b.code);
}

/** The discrepancies of SPEC 5.4 for every member the sources reported on. */
export function findDiscrepancies(
  household: HouseholdInput,
  facts: VerifiedFacts,
  params: PolicyParameters,
): Discrepancy[] {
  assertValidEligibilityInput(household, facts, params);
  return pairMembersWithFacts(household, facts).flatMap((entry) => {
    if (entry.facts === null) return [];
    const found = [
      ...identityDiscrepancies(household, entry.member, entry.facts),
      ...(notCountedReason(entry) === null
        ? countedDiscrepancies(entry.member, entry.facts, assessMember(entry), params)
        : []),
    ];
    // Array.prototype.sort is stable, so two UNDECLARED_PROPERTY findings keep their order.
    return found.filter((d): d is Discrepancy => d !== null).sort(byCode);
  });
}
