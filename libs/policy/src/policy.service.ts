import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { actorOf, Role, type AuthUser } from '@app/access';
import { Area, areaLevelOf, cityOf, countyOf, isWithinScope } from '@app/areas';
import { AuditService } from '@app/audit';
import { DomainError, ErrorCode, isRealDate, todayInChina, type FieldProblem } from '@app/common';
import { runInTransaction, type Tx } from '@app/database';
import { PolicyParameterVersion } from './policy-parameter-version.entity';
import { validatePolicyVersion } from './policy-version-validation';
import {
  toEffectivePolicy,
  toEffectivePolicyView,
  toPolicyVersionView,
  type EffectivePolicy,
  type EffectivePolicyView,
  type PolicyVersionView,
} from './policy-view';

const UNIQUE_AREA_DATE = 'uq_policy_parameter_versions_area_effective_from';

/** The areas whose versions may govern `areaCode`, most specific first: itself, its county, its city. */
export function governingAreas(areaCode: string): string[] {
  const path = [areaCode, countyOf(areaCode), cityOf(areaCode)];
  return path.filter((code, i): code is string => code !== null && path.indexOf(code) === i);
}

function lookupProblems(areaCode: string, on: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (areaLevelOf(areaCode) === null)
    problems.push({ path: 'areaCode', message: 'areaCode must be a 6-, 9- or 12-digit area code' });
  if (!isRealDate(on)) problems.push({ path: 'on', message: 'on must be a real date written YYYY-MM-DD' });
  return problems;
}

function violatesConstraint(error: unknown, constraint: string): boolean {
  const e = error as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const driverError = e.driverError ?? e;
  return driverError.code === '23505' && driverError.constraint === constraint;
}

/** Effective-dated policy parameters per area (SPEC 6.1): resolved by area and date, added as new versions only. */
@Injectable()
export class PolicyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * The set that applies to `areaCode` on `on` (YYYY-MM-DD): the most specific area on its path to the city that has
   * a version effective by then (county over city, SPEC 6.1), and within it the latest `effectiveFrom` not after `on`.
   */
  /** Inside a transaction pass `tx`: a second connection taken while holding one can exhaust the pool. */
  async effectiveFor(areaCode: string, on: string, tx?: Tx): Promise<EffectivePolicy> {
    const problems = lookupProblems(areaCode, on);
    if (problems.length > 0) throw DomainError.validation(problems);
    const path = governingAreas(areaCode);
    // One row per area on the path: its latest version not after `on`; the unique (area, date) index serves it.
    const latest = await (tx ?? this.dataSource.manager)
      .getRepository(PolicyParameterVersion)
      .createQueryBuilder('v')
      .distinctOn(['v.areaCode'])
      .where('v.areaCode IN (:...path)', { path })
      .andWhere('v.effectiveFrom <= :on', { on })
      .orderBy('v.areaCode')
      .addOrderBy('v.effectiveFrom', 'DESC')
      .getMany();
    for (const code of path) {
      const row = latest.find((v) => v.areaCode === code);
      if (row) return toEffectivePolicy(row);
    }
    throw DomainError.notFound('Policy parameters');
  }

  /**
   * `GET /api/v1/policy/parameters`: a caller reads the set of any area inside its scope and of its own ancestors,
   * since a township station works under its county's or city's set. `areaCode` defaults to the caller's area and
   * `on` to today in China.
   */
  async effectiveForCaller(
    caller: AuthUser,
    areaCode: string | undefined,
    on: string | undefined,
    ip?: string | null,
  ): Promise<EffectivePolicyView> {
    const target = areaCode ?? caller.areaCode;
    const date = on ?? todayInChina();
    const problems = lookupProblems(target, date);
    if (problems.length > 0) throw DomainError.validation(problems);
    if (!isWithinScope(target, caller.areaCode) && !isWithinScope(caller.areaCode, target))
      await this.deny(caller, target, ip);
    if (!(await this.areaExists(target))) throw DomainError.notFound('Area');
    return toEffectivePolicyView(await this.effectiveFor(target, date));
  }

  /**
   * `POST /api/v1/policy/parameters` (ADMIN): adds a version of a city's or county's parameters with its audit entry,
   * in one transaction. An area outside the caller's scope is not found; every other problem is listed at once.
   */
  async addVersion(actor: AuthUser, body: unknown, ip?: string | null): Promise<PolicyVersionView> {
    // SPEC 2.2: policy parameters belong to the ADMIN role.
    if (!actor.roles.includes(Role.ADMIN)) throw DomainError.forbidden();
    const requested = (body as { areaCode?: unknown } | null)?.areaCode;
    if (
      typeof requested === 'string' &&
      areaLevelOf(requested) !== null &&
      !isWithinScope(requested, actor.areaCode)
    )
      await this.deny(actor, requested, ip);

    const validation = validatePolicyVersion(body);
    const problems = validation.ok ? [] : [...validation.problems];
    const areaIsValid = typeof requested === 'string' && !problems.some((p) => p.path === 'areaCode');
    if (areaIsValid && !(await this.areaExists(requested)))
      problems.push({ path: 'areaCode', message: 'areaCode is not a known area' });
    if (!validation.ok || problems.length > 0) throw DomainError.validation(problems);

    const version = validation.value;
    const row: PolicyParameterVersion = {
      id: randomUUID(),
      ...version,
      createdBy: actor.id.toLowerCase(),
      createdAt: new Date(),
    };
    try {
      await runInTransaction(this.dataSource, async (tx) => {
        await tx.getRepository(PolicyParameterVersion).insert(row);
        await this.audit.append(tx, {
          action: 'policy.version-added',
          actor: actorOf(actor, Role.ADMIN),
          areaCode: row.areaCode,
          detail: { version: row.id, ...version },
          ip: ip ?? null,
        });
      });
    } catch (error) {
      if (violatesConstraint(error, UNIQUE_AREA_DATE))
        throw new DomainError(
          ErrorCode.CONFLICT,
          `Area ${row.areaCode} already has a policy version effective ${row.effectiveFrom}; add one with another date`,
        );
      throw error;
    }
    return toPolicyVersionView(row);
  }

  /**
   * `GET /api/v1/policy/versions`: the history that governs an area — every version of the area itself, its county
   * and its city, newest first — with the same reach as {@link effectiveForCaller} (scope or own ancestors).
   */
  async versionsForCaller(
    caller: AuthUser,
    areaCode: string | undefined,
    ip?: string | null,
  ): Promise<PolicyVersionView[]> {
    const target = areaCode ?? caller.areaCode;
    const problems = lookupProblems(target, todayInChina());
    if (problems.length > 0) throw DomainError.validation(problems);
    if (!isWithinScope(target, caller.areaCode) && !isWithinScope(caller.areaCode, target))
      await this.deny(caller, target, ip);
    if (!(await this.areaExists(target))) throw DomainError.notFound('Area');
    const versions = (
      await Promise.all(governingAreas(target).map((code) => this.listVersions(code)))
    ).flat();
    // Newest first; on the same date the more specific area first (a county's code sorts after its city's).
    return versions.sort(
      (a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.areaCode.localeCompare(a.areaCode),
    );
  }

  /** Every version of one area's own parameters, oldest first. */
  async listVersions(areaCode: string): Promise<PolicyVersionView[]> {
    const rows = await this.dataSource
      .getRepository(PolicyParameterVersion)
      .find({ where: { areaCode }, order: { effectiveFrom: 'ASC' } });
    return rows.map(toPolicyVersionView);
  }

  private async areaExists(code: string): Promise<boolean> {
    return this.dataSource.getRepository(Area).existsBy({ code });
  }

  /** SPEC 2.2 and 8: outside the scope answers 404, never 403, and the attempt is audited in the caller's chain. */
  private async deny(caller: AuthUser, areaCode: string, ip?: string | null): Promise<never> {
    await this.audit.appendInOwnTransaction({
      action: 'access.denied',
      actor: actorOf(caller, null),
      areaCode: caller.areaCode,
      detail: {
        status: 404,
        reason: 'outside the caller’s area scope',
        target: 'Policy parameters',
        areaCode,
      },
      ip: ip ?? null,
    });
    throw DomainError.notFound('Policy parameters');
  }
}
