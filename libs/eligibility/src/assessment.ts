import { type Exclusion, type HouseholdInput, type HouseholdMember } from './household.types';
import { standardFor, type PolicyParameters } from './policy-parameters';
import { floorDiv } from './money';
import { type MemberFacts, type VerifiedFacts } from './verified-facts.types';

/** Monthly income by category, integer fen. */
export interface IncomeBreakdown {
  readonly wageFen: number;
  readonly businessFen: number;
  readonly propertyFen: number;
  readonly transferFen: number;
  readonly totalFen: number;
}

/** Income found in the sources; business and property income are declared only (no source reports them). */
export interface VerifiedIncome {
  readonly wageFen: number;
  /** The source that reported the wage used, or null when no source reported a wage above 0. */
  readonly wageSource: 'SOCIAL_SECURITY' | 'HOUSING_FUND' | 'TAX' | null;
  /** Pensions (RESIDENT net of the central basic pension) plus unemployment benefit. */
  readonly transferFen: number;
}

/** Declared, verified and assessed figures of one counted member (SPEC 5.4, 6.2). */
export interface MemberAssessment {
  readonly memberId: string;
  readonly declaredIncome: IncomeBreakdown;
  readonly verifiedIncome: VerifiedIncome;
  readonly assessedIncome: IncomeBreakdown;
  readonly declaredFinancialAssetsFen: number;
  readonly verifiedFinancialAssetsFen: number;
  readonly assessedFinancialAssetsFen: number;
  readonly declaredVehicles: number;
  /** Registered motor vehicles other than disability mobility vehicles. */
  readonly verifiedVehicles: number;
  readonly declaredDwellings: number;
  /** Distinct DWELLING certificate numbers registered to the member. */
  readonly verifiedDwellingCertificates: readonly string[];
  /** ACTIVE registrations of kind ENTERPRISE in which the member is legal representative or shareholder. */
  readonly activeEnterprises: number;
}

export type NotCountedReason = 'NOT_CO_RESIDENT' | Exclusion | 'DECEASED';

export interface NotCountedMember {
  readonly memberId: string;
  readonly reason: NotCountedReason;
}

/** The assessment of SPEC 6.2: household figures over counted members, with the per-member breakdown. */
export interface HouseholdAssessment {
  readonly n: number;
  readonly householdIncomeFen: number;
  /** ⌊household income ÷ n⌋; 0 when n = 0 (the recommendation is then NEEDS_REVIEW). */
  readonly perCapitaFen: number;
  readonly standardFen: number;
  readonly financialAssetsFen: number;
  /** max(Σ declared, Σ verified non-mobility vehicles), over counted members. */
  readonly vehicles: number;
  readonly declaredVehicles: number;
  readonly verifiedVehicles: number;
  /** max(Σ declared, distinct verified DWELLING certificates), over counted members. */
  readonly dwellings: number;
  readonly declaredDwellings: number;
  readonly verifiedDwellings: number;
  readonly activeEnterprises: number;
  /** Counted members in household order. */
  readonly members: readonly MemberAssessment[];
  readonly notCounted: readonly NotCountedMember[];
}

/** A household member with the facts found for it (null when no source reported on it). */
export interface MemberWithFacts {
  readonly member: HouseholdMember;
  readonly facts: MemberFacts | null;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function incomeBreakdown(wageFen: number, businessFen: number, propertyFen: number, transferFen: number) {
  return {
    wageFen,
    businessFen,
    propertyFen,
    transferFen,
    totalFen: wageFen + businessFen + propertyFen + transferFen,
  };
}

/** Pairs every household member with its facts; facts for members not in the household are ignored. */
export function pairMembersWithFacts(household: HouseholdInput, facts: VerifiedFacts): MemberWithFacts[] {
  const byId = new Map(facts.members.map((entry) => [entry.memberId, entry]));
  return household.members.map((member) => ({ member, facts: byId.get(member.memberId) ?? null }));
}

/** Why a member is not counted, or null when it is (SPEC 6.2; 《最低生活保障审核确认办法》第七条). */
export function notCountedReason(entry: MemberWithFacts): NotCountedReason | null {
  if (!entry.member.coResident) return 'NOT_CO_RESIDENT';
  if (entry.member.exclusion !== null) return entry.member.exclusion;
  if (entry.facts?.hukou?.deceased === true) return 'DECEASED';
  return null;
}

/** Verified wage = max(largest employment wage, housing-fund base, ⌊annual taxable wage ÷ 12⌋) (SPEC 6.2). */
function verifiedWage(facts: MemberFacts | null): Pick<VerifiedIncome, 'wageFen' | 'wageSource'> {
  const candidates: [VerifiedIncome['wageSource'], number][] = [
    [
      'SOCIAL_SECURITY',
      Math.max(0, ...(facts?.socialSecurity?.employments ?? []).map((e) => e.monthlyWageFen)),
    ],
    ['HOUSING_FUND', facts?.housingFund?.baseFen ?? 0],
    ['TAX', floorDiv(facts?.tax?.annualTaxableWageFen ?? 0, 12)],
  ];
  // The first source with the largest figure wins a tie, so the reported source is deterministic.
  return candidates.reduce<Pick<VerifiedIncome, 'wageFen' | 'wageSource'>>(
    (best, [source, wageFen]) => (wageFen > best.wageFen ? { wageFen, wageSource: source } : best),
    { wageFen: 0, wageSource: null },
  );
}

/** Pensions and unemployment benefit; the central basic pension is excluded (《最低生活保障审核确认办法》第十三条). */
function verifiedTransfer(facts: MemberFacts | null): number {
  const socialSecurity = facts?.socialSecurity;
  if (!socialSecurity) return 0;
  const pensions = socialSecurity.pensions.map((pension) =>
    // A central base above the pension itself is a data error; it must not turn into negative income.
    pension.type === 'RESIDENT'
      ? Math.max(0, pension.monthlyFen - pension.centralBaseFen)
      : pension.monthlyFen,
  );
  return sum(pensions) + socialSecurity.unemploymentBenefitMonthlyFen;
}

function distinctDwellingCertificates(facts: MemberFacts | null): string[] {
  const dwellings = (facts?.realEstate ?? []).filter((property) => property.type === 'DWELLING');
  return [...new Set(dwellings.map((property) => property.certificateNo))];
}

/** Counted members with their facts, and the others with the reason, both in household order. */
export function partitionMembers(
  household: HouseholdInput,
  facts: VerifiedFacts,
): { counted: MemberWithFacts[]; notCounted: NotCountedMember[] } {
  const counted: MemberWithFacts[] = [];
  const notCounted: NotCountedMember[] = [];
  for (const entry of pairMembersWithFacts(household, facts)) {
    const reason = notCountedReason(entry);
    if (reason === null) counted.push(entry);
    else notCounted.push({ memberId: entry.member.memberId, reason });
  }
  return { counted, notCounted };
}

export function assessMember({ member, facts }: MemberWithFacts): MemberAssessment {
  const declared = member.declaredMonthlyIncome;
  const wage = verifiedWage(facts);
  const transferFen = verifiedTransfer(facts);
  const banking = facts?.banking;
  const declaredFinancialAssetsFen = member.declaredAssets.depositsFen + member.declaredAssets.securitiesFen;
  const verifiedFinancialAssetsFen =
    (banking?.depositsFen ?? 0) + (banking?.securitiesFen ?? 0) + (banking?.wealthProductsFen ?? 0);
  return {
    memberId: member.memberId,
    // excludedFen is recorded but never income (《最低生活保障审核确认办法》第十三条第二款).
    declaredIncome: incomeBreakdown(
      declared.wageFen,
      declared.businessFen,
      declared.propertyFen,
      declared.transferFen,
    ),
    verifiedIncome: { ...wage, transferFen },
    assessedIncome: incomeBreakdown(
      Math.max(declared.wageFen, wage.wageFen),
      declared.businessFen,
      declared.propertyFen,
      Math.max(declared.transferFen, transferFen),
    ),
    declaredFinancialAssetsFen,
    verifiedFinancialAssetsFen,
    assessedFinancialAssetsFen: Math.max(declaredFinancialAssetsFen, verifiedFinancialAssetsFen),
    declaredVehicles: member.declaredAssets.vehicles,
    verifiedVehicles: (facts?.vehicles ?? []).filter((vehicle) => !vehicle.disabilityMobility).length,
    declaredDwellings: member.declaredAssets.dwellings,
    verifiedDwellingCertificates: distinctDwellingCertificates(facts),
    activeEnterprises: (facts?.businesses ?? []).filter(
      (b) => b.kind === 'ENTERPRISE' && b.status === 'ACTIVE',
    ).length,
  };
}

/**
 * SPEC 6.2 over already validated input. Declared vehicles and dwellings are summed over COUNTED members only,
 * like every other figure: a non-counted member's property is not family property (《最低生活保障审核确认办法》
 * 第七条、第十四条), and only counted members are ever checked, so the verified side covers the same people.
 */
export function assessHousehold(
  household: HouseholdInput,
  facts: VerifiedFacts,
  params: PolicyParameters,
): HouseholdAssessment {
  const { counted, notCounted } = partitionMembers(household, facts);
  const members = counted.map(assessMember);
  const n = members.length;
  const householdIncomeFen = sum(members.map((m) => m.assessedIncome.totalFen));
  const declaredVehicles = sum(members.map((m) => m.declaredVehicles));
  const verifiedVehicles = sum(members.map((m) => m.verifiedVehicles));
  const declaredDwellings = sum(members.map((m) => m.declaredDwellings));
  // A dwelling co-owned by two members carries one certificate number and is one dwelling.
  const verifiedDwellings = new Set(members.flatMap((m) => m.verifiedDwellingCertificates)).size;
  return {
    n,
    householdIncomeFen,
    perCapitaFen: n === 0 ? 0 : floorDiv(householdIncomeFen, n),
    standardFen: standardFor(params, household.residence),
    financialAssetsFen: sum(members.map((m) => m.assessedFinancialAssetsFen)),
    vehicles: Math.max(declaredVehicles, verifiedVehicles),
    declaredVehicles,
    verifiedVehicles,
    dwellings: Math.max(declaredDwellings, verifiedDwellings),
    declaredDwellings,
    verifiedDwellings,
    activeEnterprises: sum(members.map((m) => m.activeEnterprises)),
    members,
    notCounted,
  };
}
