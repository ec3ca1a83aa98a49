import {
  SOURCE_CODES,
  type DisabilityCategory,
  type DisabilityGrade,
  type HouseholdInput,
  type MemberFacts,
  type SourceCode,
  type VerifiedFacts,
} from '@app/eligibility';
import { type FactsBySource } from '../connectors/source-records.types';
import { type ReportCheckStatus } from './verification-report.types';

/** A member of the application as the pipeline reads it (no name, no ID number). */
export interface HouseholdMemberRow {
  id: string;
  relation: HouseholdInput['members'][number]['relation'];
  coResident: boolean;
  exclusion: HouseholdInput['members'][number]['exclusion'];
  age: number;
  /** As stored; the grade is 1–4 (intake validates it, the engine re-checks it). */
  disability: { category: DisabilityCategory; grade: number } | null;
  declaredIncome: HouseholdInput['members'][number]['declaredMonthlyIncome'];
  declaredAssets: HouseholdInput['members'][number]['declaredAssets'];
}

export interface HouseholdRow {
  programme: HouseholdInput['programme'];
  residence: HouseholdInput['residence'];
  hasAbleSupporter: boolean;
  createdOn: string;
}

export interface CheckRow {
  source: string;
  memberId: string;
  status: ReportCheckStatus;
}

export interface ResultRow {
  source: string;
  memberId: string;
  facts: unknown;
}

/** The engine's household (SPEC 6.2): plain data, no names or ID numbers, as the decision record stores it. */
export function toHouseholdInput(app: HouseholdRow, members: readonly HouseholdMemberRow[]): HouseholdInput {
  return {
    programme: app.programme,
    residence: app.residence,
    hasAbleSupporter: app.hasAbleSupporter,
    createdOn: app.createdOn,
    members: members.map((m) => ({
      memberId: m.id,
      relation: m.relation,
      coResident: m.coResident,
      exclusion: m.exclusion,
      ageOnCreation: m.age,
      declaredDisability: m.disability
        ? { category: m.disability.category, grade: m.disability.grade as DisabilityGrade }
        : null,
      declaredMonthlyIncome: {
        wageFen: m.declaredIncome.wageFen,
        businessFen: m.declaredIncome.businessFen,
        propertyFen: m.declaredIncome.propertyFen,
        transferFen: m.declaredIncome.transferFen,
        excludedFen: m.declaredIncome.excludedFen,
      },
      declaredAssets: {
        depositsFen: m.declaredAssets.depositsFen,
        securitiesFen: m.declaredAssets.securitiesFen,
        vehicles: m.declaredAssets.vehicles,
        dwellings: m.declaredAssets.dwellings,
      },
    })),
  };
}

type MutableFacts = { -readonly [K in keyof MemberFacts]: MemberFacts[K] };

function emptyFacts(memberId: string): MutableFacts {
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

/** Copies exactly the engine's fields of a stored record, so descriptive fields never reach the rules. */
function assign(target: MutableFacts, source: SourceCode, stored: unknown): void {
  switch (source) {
    case 'HUKOU': {
      const f = stored as FactsBySource['HUKOU'];
      target.hukou = { found: f.found, deceased: f.deceased, deathDate: f.deathDate };
      return;
    }
    case 'VEHICLE':
      target.vehicles = (stored as FactsBySource['VEHICLE']).map((v) => ({
        disabilityMobility: v.disabilityMobility,
      }));
      return;
    case 'SOCIAL_SECURITY': {
      const f = stored as FactsBySource['SOCIAL_SECURITY'];
      target.socialSecurity = {
        employments: f.employments.map((e) => ({ monthlyWageFen: e.monthlyWageFen })),
        pensions: f.pensions.map((p) => ({
          type: p.type,
          monthlyFen: p.monthlyFen,
          centralBaseFen: p.centralBaseFen,
        })),
        unemploymentBenefitMonthlyFen: f.unemploymentBenefitMonthlyFen,
      };
      return;
    }
    case 'REAL_ESTATE':
      target.realEstate = (stored as FactsBySource['REAL_ESTATE']).map((p) => ({
        certificateNo: p.certificateNo,
        type: p.type,
      }));
      return;
    case 'MARKET_REGULATION':
      target.businesses = (stored as FactsBySource['MARKET_REGULATION']).map((b) => ({
        kind: b.kind,
        role: b.role,
        registeredCapitalFen: b.registeredCapitalFen,
        status: b.status,
      }));
      return;
    case 'TAX':
      target.tax = { annualTaxableWageFen: (stored as FactsBySource['TAX']).annualTaxableWageFen };
      return;
    case 'HOUSING_FUND':
      target.housingFund = { baseFen: (stored as FactsBySource['HOUSING_FUND']).baseFen };
      return;
    case 'BANKING': {
      const f = stored as FactsBySource['BANKING'];
      target.banking = {
        depositsFen: f.depositsFen,
        securitiesFen: f.securitiesFen,
        wealthProductsFen: f.wealthProductsFen,
      };
      return;
    }
    case 'CIVIL_AFFAIRS':
      target.civilAffairs = {
        receivingAssistance: (stored as FactsBySource['CIVIL_AFFAIRS']).receivingAssistance.map((a) => ({
          programme: a.programme,
          areaCode: a.areaCode,
        })),
      };
      return;
    case 'DISABILITY': {
      const f = stored as FactsBySource['DISABILITY'];
      target.disability = f ? { category: f.category, grade: f.grade } : null;
      return;
    }
    case 'PUBLIC_PAYROLL':
      target.publicPayroll = stored as FactsBySource['PUBLIC_PAYROLL'];
      return;
    default: {
      const unknown: never = source;
      throw new Error(`Unknown source ${String(unknown)}`);
    }
  }
}

export function isSourceCode(value: string): value is SourceCode {
  return (SOURCE_CODES as readonly string[]).includes(value);
}

/**
 * The engine's facts (SPEC 6.2) from a run's checks and results: one entry per member with at least one answer;
 * `failedSources` are the sources that could not answer for a counted member — FAILED, or never asked for want of
 * an authorisation — so the DATA_COMPLETE rule sends the case to review instead of deciding on missing data.
 */
export function toVerifiedFacts(checks: readonly CheckRow[], results: readonly ResultRow[]): VerifiedFacts {
  const byMember = new Map<string, MutableFacts>();
  for (const result of results) {
    if (!isSourceCode(result.source)) continue;
    let facts = byMember.get(result.memberId);
    if (!facts) {
      facts = emptyFacts(result.memberId);
      byMember.set(result.memberId, facts);
    }
    assign(facts, result.source, result.facts);
  }
  const failed = new Set(
    checks
      .filter((c) => c.status === 'FAILED' || c.status === 'NOT_AUTHORIZED')
      .map((c) => c.source)
      .filter(isSourceCode),
  );
  return {
    members: [...byMember.values()],
    failedSources: SOURCE_CODES.filter((s) => failed.has(s)),
  };
}
