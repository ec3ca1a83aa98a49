import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  ApplicationRepository,
  ApplicationStatus,
  VerificationRunStatus,
  type Application,
  type ApplicationMember,
  type Employment,
  type Programme,
  type Relation,
  type Residence,
} from '@app/applications';
import { countyOf } from '@app/areas';
import { AuditService } from '@app/audit';
import { todayInChina } from '@app/common';
import { DecisionRecordsService, type SourceResponseInput } from '@app/decisions';
import {
  evaluate,
  SOURCE_CODES,
  YONGZHOU_DEMO_PARAMETERS,
  type HouseholdInput,
  type MemberFacts,
  type PolicyParameters,
  type Recommendation,
  type SourceCode,
  type VerifiedFacts,
} from '@app/eligibility';
import { maskIdNumber, PiiCipher, generateIdNumber, sexOf } from '@app/privacy';
import { nothingFoundFacts } from './eligibility-cases';

/** Resolves providers of a running Nest application (the API of the e2e harness, or an integration context). */
export interface ProviderSource {
  get<T>(token: abstract new (...args: never[]) => T): T;
}

export interface FixtureActor {
  id: string;
  username: string;
}

export interface VerifiedApplicationOptions {
  /** Who created the application (and recorded its authorisations). */
  createdBy: FixtureActor;
  townshipCode?: string;
  /** Household and facts with placeholder member ids (`m1`…), mapped onto the members created. */
  household?: HouseholdInput;
  facts?: VerifiedFacts;
  params?: PolicyParameters;
  staffRelative?: boolean;
  createdAt?: Date;
}

export interface VerifiedApplication {
  applicationId: string;
  number: string;
  runId: string;
  memberIds: string[];
  recommendation: Recommendation;
  recordId: string;
}

const DEFAULT_HOUSEHOLD: HouseholdInput = {
  programme: 'DIBAO',
  residence: 'URBAN',
  hasAbleSupporter: false,
  createdOn: '2026-11-20',
  members: [
    {
      memberId: 'm1',
      relation: 'SELF',
      coResident: true,
      exclusion: null,
      ageOnCreation: 46,
      declaredDisability: null,
      declaredMonthlyIncome: {
        wageFen: 20_000,
        businessFen: 0,
        propertyFen: 0,
        transferFen: 0,
        excludedFen: 0,
      },
      declaredAssets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, dwellings: 1 },
    },
    {
      memberId: 'm2',
      relation: 'CHILD',
      coResident: true,
      exclusion: null,
      ageOnCreation: 12,
      declaredDisability: null,
      declaredMonthlyIncome: { wageFen: 0, businessFen: 0, propertyFen: 0, transferFen: 0, excludedFen: 0 },
      declaredAssets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, dwellings: 0 },
    },
  ],
};

/** What every source answered when it found nothing: the facts of a clean household. */
export function nothingFound(memberId: string): MemberFacts {
  return nothingFoundFacts(memberId);
}

const FACT_OF: Record<SourceCode, keyof Omit<MemberFacts, 'memberId'>> = {
  HUKOU: 'hukou',
  VEHICLE: 'vehicles',
  SOCIAL_SECURITY: 'socialSecurity',
  REAL_ESTATE: 'realEstate',
  MARKET_REGULATION: 'businesses',
  TAX: 'tax',
  HOUSING_FUND: 'housingFund',
  BANKING: 'banking',
  CIVIL_AFFAIRS: 'civilAffairs',
  DISABILITY: 'disability',
  PUBLIC_PAYROLL: 'publicPayroll',
};

/** One source response per member and source, as a verification run would have stored them. */
export function sourceResponsesOf(facts: VerifiedFacts): SourceResponseInput[] {
  return facts.members.flatMap((m) =>
    SOURCE_CODES.map((source) => {
      const failed = facts.failedSources.includes(source) && m[FACT_OF[source]] === null;
      return {
        source,
        memberId: m.memberId,
        status: failed ? 'FAILED' : 'SUCCEEDED',
        response: failed ? null : m[FACT_OF[source]],
      };
    }),
  );
}

/**
 * Brings an application straight to VERIFIED by direct inserts through the repositories: the application and its
 * members, a COMPLETE verification run, the `application.created` audit entry, and the decision record of the
 * recommendation the rules engine gives for the household and facts handed in. For workflow tests that must not
 * depend on the verification pipeline.
 */
export async function createVerifiedApplication(
  app: ProviderSource,
  options: VerifiedApplicationOptions,
): Promise<VerifiedApplication> {
  const dataSource = app.get(DataSource);
  const repository = app.get(ApplicationRepository);
  const audit = app.get(AuditService);
  const cipher = app.get(PiiCipher);
  const decisions = app.get(DecisionRecordsService);

  const template = options.household ?? DEFAULT_HOUSEHOLD;
  const townshipCode = options.townshipCode ?? '431102001';
  const createdAt = options.createdAt ?? new Date();
  const createdOn = todayInChina(createdAt);
  const id = randomUUID();
  const runId = randomUUID();
  const ids = new Map(template.members.map((m) => [m.memberId, randomUUID()] as const));
  const realId = (placeholder: string): string => ids.get(placeholder) ?? placeholder;

  const household: HouseholdInput = {
    ...template,
    createdOn,
    members: template.members.map((m) => ({ ...m, memberId: realId(m.memberId) })),
  };
  const facts: VerifiedFacts = {
    members: (
      options.facts ?? { members: template.members.map((m) => nothingFound(m.memberId)) }
    ).members.map((m) => ({ ...m, memberId: realId(m.memberId) })),
    failedSources: options.facts?.failedSources ?? [],
  };
  const params = options.params ?? YONGZHOU_DEMO_PARAMETERS;
  const recommendation = evaluate(household, facts, params);

  const members: ApplicationMember[] = household.members.map((m, position) => {
    const idNumber = idNumberFor(m.ageOnCreation, createdOn);
    return {
      id: m.memberId,
      applicationId: id,
      position,
      name: `测试${position + 1}`,
      idNumberEnc: cipher.encrypt(idNumber),
      idBlindIndex: cipher.blindIndex(idNumber),
      idNumberMasked: maskIdNumber(idNumber),
      birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
      sex: sexOf(idNumber),
      age: m.ageOnCreation,
      relation: m.relation as Relation,
      coResident: m.coResident,
      exclusion: m.exclusion as ApplicationMember['exclusion'],
      disability: m.declaredDisability as ApplicationMember['disability'],
      employment: 'UNEMPLOYED' as Employment,
      declaredIncome: { ...m.declaredMonthlyIncome },
      declaredAssets: { ...m.declaredAssets },
      authorization: {
        signedAt: createdOn,
        signer: (m.ageOnCreation < 18 ? 'GUARDIAN' : 'SELF') as never,
        documentRef: `AUTH-${position + 1}`,
        recordedBy: options.createdBy.id,
        recordedAt: createdAt.toISOString(),
      },
      counted: m.coResident && m.exclusion === null,
    };
  });

  let result: VerifiedApplication | undefined;
  await dataSource.transaction(async (tx) => {
    const unnumbered: Omit<Application, 'number'> = {
      id,
      programme: household.programme as Programme,
      status: ApplicationStatus.VERIFIED,
      townshipCode,
      countyCode: countyOf(townshipCode) ?? townshipCode.slice(0, 6),
      residence: household.residence as Residence,
      address: '零陵区朝阳街道测试路1号',
      applicantName: members[0]?.name ?? '',
      hasAbleSupporter: household.hasAbleSupporter,
      staffRelative: options.staffRelative ?? false,
      createdBy: options.createdBy.id,
      createdOn,
      createdAt,
      updatedAt: createdAt,
      version: 1,
      currentRunId: runId,
      recommendationOutcome: recommendation.outcome,
      recommendationBenefitFen: recommendation.monthlyBenefitFen,
    };
    await repository.insertMembers(tx, members);
    const application: Application = {
      ...unnumbered,
      number: await repository.insertNumbered(tx, unnumbered),
    };
    for (const m of members.filter((x) => x.counted))
      await tx.query(
        `INSERT INTO open_application_persons (id_blind_index, application_id, member_id) VALUES ($1, $2, $3)`,
        [m.idBlindIndex, id, m.id],
      );
    await repository.insertRun(tx, {
      id: runId,
      applicationId: id,
      status: VerificationRunStatus.COMPLETE,
      startedAt: createdAt,
      completedAt: new Date(),
      pass: 0,
      reconciledAt: null,
    });
    await audit.append(tx, {
      action: 'application.created',
      actor: {
        userId: options.createdBy.id,
        username: options.createdBy.username,
        role: 'STATION_OPERATOR',
        areaCode: townshipCode,
      },
      areaCode: townshipCode,
      applicationId: id,
      detail: { number: application.number, fixture: true },
    });
    const recorded = await decisions.recordRecommendation(tx, {
      applicationId: id,
      applicationNumber: application.number,
      runId,
      household,
      sources: sourceResponsesOf(facts),
      facts,
      policy: { ...params, areaCode: '431100', effectiveFrom: '2026-01-01', legalBasis: 'fixture' },
      recommendation,
    });
    result = {
      applicationId: id,
      number: application.number,
      runId,
      memberIds: members.map((m) => m.id),
      recommendation,
      recordId: recorded.recordId,
    };
  });
  if (!result) throw new Error('the fixture transaction returned nothing');
  return result;
}

/** A valid ID number of someone `age` years old on `on`, unique enough for one test run. */
function idNumberFor(age: number, on: string): string {
  const year = Number(on.slice(0, 4)) - age;
  // Born on a day of January no later than `on`'s month-day, so the age on `on` is exactly `age`.
  const latestDay = on.slice(5) >= '01-28' ? 28 : 1;
  const day = String(randomInt(1, latestDay + 1)).padStart(2, '0');
  return generateIdNumber(`${year}-01-${day}`, randomInt(0, 1000));
}
