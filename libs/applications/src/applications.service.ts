import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AreaScope, type AuthUser, Role } from '@app/access';
import { AreaLevel, AreasService, countyOf, isWithinScope, scopePrefix } from '@app/areas';
import { AuditService, type AuditEntryView } from '@app/audit';
import {
  canonicalJson,
  DomainError,
  ErrorCode,
  sha256Hex,
  todayInChina,
  type FieldProblem,
} from '@app/common';
import { runInTransaction, type Tx } from '@app/database';
import { EventType, OutboxService } from '@app/events';
import { birthDateOf, maskIdNumber, maskIdNumbersIn, PiiCipher, sexOf, ageOn } from '@app/privacy';
import { QueueName } from '@app/queue';
import { ApplicationStatus, nextStatus, Transition } from './application-status';
import { Relation } from './application.enums';
import { validateAuthorization, validateCreateApplication } from './application-validation';
import { type ApplicationSummary, type ApplicationView } from './application-view';
import { ApplicationMember } from './application-member.entity';
import { Application } from './application.entity';
import { ApplicationRepository } from './application.repository';
import { ApplicationViewService } from './application-view.service';
import { type CreateApplicationDto } from './dto/create-application.dto';
import { VerificationRunStatus } from './verification-run.entity';
import { actingRole, auditActor } from './acting-role';

export interface CreateResult {
  view: ApplicationView;
  /** True when an earlier request with the same Idempotency-Key created it. */
  replayed: boolean;
}

export interface ListQuery {
  status?: string;
  programme?: string;
  areaCode?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

/** Thrown inside the create transaction when a concurrent request with the same key won. */
class IdempotencyRace extends Error {}

@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ApplicationRepository,
    private readonly areas: AreasService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly cipher: PiiCipher,
    private readonly scope: AreaScope,
    private readonly views: ApplicationViewService,
  ) {}

  /** SPEC 3.1. `body` is untrusted JSON (HTTP or intake queue); every problem is reported at once. */
  async create(
    actor: AuthUser,
    body: unknown,
    idempotencyKey?: string,
    ip?: string | null,
  ): Promise<CreateResult> {
    const role = actingRole(actor, [Role.STATION_OPERATOR, Role.INTEGRATION]);
    const today = todayInChina();
    const validation = validateCreateApplication(body, today);
    if (!validation.ok) throw DomainError.validation(validation.problems);
    const dto = validation.value;

    // A code that names no township is simply not found; an existing one outside the scope is denied and audited.
    const township = await this.areas.findByCode(dto.townshipCode);
    const townshipCode = township?.level === AreaLevel.TOWNSHIP ? township.code : null;
    await this.scope.require(actor, townshipCode, 'Township', ip);

    const requestHash = sha256Hex(canonicalJson(body));
    if (idempotencyKey) {
      const replay = await this.replayIdempotent(actor, idempotencyKey, requestHash);
      if (replay) return replay;
    }

    try {
      const view = await runInTransaction(this.dataSource, (tx) =>
        this.createInTransaction(tx, actor, role, dto, today, requestHash, idempotencyKey, ip),
      );
      return { view, replayed: false };
    } catch (error) {
      if (error instanceof IdempotencyRace && idempotencyKey) {
        const replay = await this.replayIdempotent(actor, idempotencyKey, requestHash);
        if (replay) return replay;
      }
      throw error;
    }
  }

  private async replayIdempotent(
    actor: AuthUser,
    key: string,
    requestHash: string,
  ): Promise<CreateResult | null> {
    const existing = await this.repository.findIdempotencyKey(actor.id, key);
    if (!existing) return null;
    if (existing.requestHash !== requestHash) {
      throw new DomainError(
        ErrorCode.IDEMPOTENCY_KEY_REUSED,
        'This Idempotency-Key was used with a different body',
      );
    }
    const app = await this.repository.findById(existing.applicationId);
    if (!app) return null;
    return { view: await this.buildView(app), replayed: true };
  }

  private async createInTransaction(
    tx: Tx,
    actor: AuthUser,
    role: Role,
    dto: CreateApplicationDto,
    today: string,
    requestHash: string,
    idempotencyKey: string | undefined,
    ip: string | null | undefined,
  ): Promise<ApplicationView> {
    const now = new Date();
    const id = randomUUID();
    if (idempotencyKey) {
      const fresh = await this.repository.insertIdempotencyKey(tx, {
        actorId: actor.id,
        key: idempotencyKey,
        requestHash,
        applicationId: id,
        createdAt: now,
      });
      if (!fresh) throw new IdempotencyRace();
    }

    const members = dto.members.map((m, position): ApplicationMember => {
      const counted = m.coResident && !m.exclusion;
      return {
        id: randomUUID(),
        applicationId: id,
        position,
        name: m.name,
        idNumberEnc: this.cipher.encrypt(m.idNumber),
        idBlindIndex: this.cipher.blindIndex(m.idNumber),
        idNumberMasked: maskIdNumber(m.idNumber),
        birthDate: birthDateOf(m.idNumber),
        sex: sexOf(m.idNumber),
        age: ageOn(m.idNumber, today),
        relation: m.relation,
        coResident: m.coResident,
        exclusion: m.exclusion ?? null,
        disability: m.disability ? { category: m.disability.category, grade: m.disability.grade } : null,
        employment: m.employment,
        declaredIncome: { ...m.declaredMonthlyIncome },
        declaredAssets: { ...m.declaredAssets },
        authorization: m.authorization
          ? { ...m.authorization, recordedBy: actor.id, recordedAt: now.toISOString() }
          : null,
        counted,
      };
    });
    const applicant = members.find((m) => m.relation === Relation.SELF);
    const allAuthorized = members.every((m) => !m.counted || m.authorization !== null);
    const status = allAuthorized ? ApplicationStatus.VERIFYING : ApplicationStatus.AWAITING_AUTHORIZATION;

    // SPEC 3.1: nobody of this household may be a counted member of another open application. Counted members are
    // claimed (the primary key makes concurrent submissions of one person race-safe); the others are only looked up.
    const taken = await this.repository.claimPersons(
      tx,
      members
        .filter((m) => m.counted)
        .map((m) => ({ idBlindIndex: m.idBlindIndex, applicationId: id, memberId: m.id })),
    );
    taken.push(
      ...(await this.repository.findClaimed(
        tx,
        members.filter((m) => !m.counted).map((m) => m.idBlindIndex),
      )),
    );
    if (taken.length > 0) await this.refuseDuplicate(tx, actor, taken, members);

    // Members and the run first (their foreign keys to the application are checked at COMMIT): the township's number
    // counter and the county's audit chain head are locked until COMMIT, so they are taken last, for as few round
    // trips as possible (docs/benchmarks.md, "Intake: where the time goes").
    await this.repository.insertMembers(tx, members);
    const currentRunId = status === ApplicationStatus.VERIFYING ? randomUUID() : null;
    if (currentRunId) await this.startRun(tx, id, now, currentRunId);

    const unnumbered: Omit<Application, 'number'> = {
      id,
      programme: dto.programme,
      status,
      townshipCode: dto.townshipCode,
      countyCode: countyOf(dto.townshipCode) ?? dto.townshipCode.slice(0, 6),
      residence: dto.residence,
      address: dto.address,
      applicantName: applicant?.name ?? '',
      hasAbleSupporter: dto.hasAbleSupporter ?? false,
      staffRelative: dto.staffRelative ?? false,
      createdBy: actor.id,
      createdOn: today,
      createdAt: now,
      updatedAt: now,
      version: 1,
      currentRunId,
      recommendationOutcome: null,
      recommendationBenefitFen: null,
    };
    const app: Application = { ...unnumbered, number: await this.repository.insertNumbered(tx, unnumbered) };
    await this.outbox.addEvent(tx, {
      type: EventType.SUBMITTED,
      subject: id,
      areaCode: app.townshipCode,
      data: eventData(app),
    });
    await this.audit.append(tx, {
      action: 'application.created',
      actor: auditActor(actor, role),
      areaCode: app.townshipCode,
      applicationId: id,
      detail: { number: app.number, programme: app.programme, status, members: members.length },
      ip: ip ?? null,
    });
    return this.views.buildNew(app, members);
  }

  private async refuseDuplicate(
    tx: Tx,
    actor: AuthUser,
    blindIndexes: string[],
    members: ApplicationMember[],
  ): Promise<never> {
    const errors: FieldProblem[] = [];
    let visibleNumber: string | undefined;
    for (const member of members.filter((m) => blindIndexes.includes(m.idBlindIndex))) {
      const holder = await this.repository.findClaimHolder(tx, member.idBlindIndex);
      // The other application's number is named only to a caller who may see it (SPEC 3.1).
      const visible =
        holder && isWithinScope(holder.townshipCode, actor.areaCode) ? holder.number : undefined;
      visibleNumber ??= visible;
      errors.push({
        path: `members[${member.position}].idNumber`,
        message: `is a counted member of another open application or assisted household${visible ? ` (${visible})` : ''}`,
      });
    }
    throw new DomainError(
      ErrorCode.DUPLICATE_APPLICATION,
      `${errors.map((e) => e.path.replace(/\.idNumber$/, '')).join(', ')} ${errors.length === 1 ? 'is' : 'are'} ` +
        `a counted member of another open application or assisted household${visibleNumber ? ` (${visibleNumber})` : ''}`,
      errors,
      visibleNumber ? { existingApplicationNumber: visibleNumber } : undefined,
    );
  }

  /** Entering VERIFYING: a run row and the command that starts the cross-checks, in the caller's transaction. */
  private async startRun(
    tx: Tx,
    applicationId: string,
    now: Date,
    runId: string = randomUUID(),
  ): Promise<string> {
    await this.repository.insertRun(tx, {
      id: runId,
      applicationId,
      status: VerificationRunStatus.RUNNING,
      startedAt: now,
      completedAt: null,
      pass: 0,
      reconciledAt: null,
    });
    await this.outbox.addCommand(tx, {
      queue: QueueName.VERIFICATION,
      name: 'verification.start',
      data: { runId },
      jobId: `run-${runId}`,
    });
    return runId;
  }

  /** GET /applications/{id}: every read is audited (`application.viewed`). */
  async view(actor: AuthUser, id: string, ip?: string | null): Promise<ApplicationView> {
    const app = await this.loadInScope(actor, id, ip);
    await this.audit.appendInOwnTransaction({
      action: 'application.viewed',
      actor: auditActor(actor, actor.roles[0] ?? null),
      areaCode: app.townshipCode,
      applicationId: app.id,
      detail: { number: app.number },
      ip: ip ?? null,
    });
    return this.buildView(app);
  }

  /** `GET /applications`: every list or search is audited (SPEC 8 `applications.listed`, filters and ids). */
  async list(
    actor: AuthUser,
    query: ListQuery,
    ip: string | null = null,
  ): Promise<{ items: ApplicationSummary[]; total: number; page: number; pageSize: number }> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const inScope = !query.areaCode || isWithinScope(query.areaCode, actor.areaCode);
    const { items, total } = !inScope
      ? { items: [], total: 0 }
      : await this.repository.list({
          scopePrefix: scopePrefix(actor.areaCode),
          areaPrefix: query.areaCode ? scopePrefix(query.areaCode) : undefined,
          status: query.status,
          programme: query.programme,
          q: query.q,
          page,
          pageSize,
        });
    await this.audit.appendInOwnTransaction({
      action: 'applications.listed',
      actor: auditActor(actor, actor.roles[0] ?? null),
      areaCode: actor.areaCode,
      detail: {
        // A search term may be an ID number: only its masked form is kept.
        filters: {
          ...(query.status ? { status: query.status } : {}),
          ...(query.programme ? { programme: query.programme } : {}),
          ...(query.areaCode ? { areaCode: query.areaCode } : {}),
          ...(query.q ? { q: maskIdNumbersIn(query.q) } : {}),
          page,
          pageSize,
        },
        total,
        ids: items.map((a) => a.id),
      },
      ip,
    });
    return {
      items: items.map((a) => ({
        id: a.id,
        number: a.number,
        programme: a.programme,
        status: a.status,
        townshipCode: a.townshipCode,
        countyCode: a.countyCode,
        applicantName: a.applicantName,
        members: a.memberCount,
        createdAt: a.createdAt.toISOString(),
        updatedAt: a.updatedAt.toISOString(),
        version: a.version,
      })),
      total,
      page,
      pageSize,
    };
  }

  /** PUT …/members/{memberId}/authorization: record or replace; the last counted one starts verification. */
  async recordAuthorization(
    actor: AuthUser,
    id: string,
    memberId: string,
    body: unknown,
    ip?: string | null,
  ): Promise<ApplicationView> {
    const role = actingRole(actor, [Role.STATION_OPERATOR]);
    const app = await this.loadInScope(actor, id, ip);
    const today = todayInChina();
    const members = await this.repository.findMembers(app.id);
    const member = members.find((m) => m.id === memberId);
    if (!member) throw DomainError.notFound('Member');
    const validation = validateAuthorization(body, ageFromBirthDate(member.birthDate, today), today);
    if (!validation.ok) throw DomainError.validation(validation.problems);
    const editable = [
      ApplicationStatus.AWAITING_AUTHORIZATION,
      ApplicationStatus.VERIFYING,
      ApplicationStatus.VERIFIED,
    ];
    if (!editable.includes(app.status)) throw invalidTransition(app.status, 'record an authorisation');

    return runInTransaction(this.dataSource, async (tx) => {
      const now = new Date();
      member.authorization = { ...validation.value, recordedBy: actor.id, recordedAt: now.toISOString() };
      await this.repository.setAuthorization(tx, member.id, member.authorization);
      let next: Application;
      const complete = members.every((m) => !m.counted || m.authorization !== null);
      if (app.status === ApplicationStatus.AWAITING_AUTHORIZATION && complete) {
        const runId = await this.startRun(tx, app.id, now);
        next = await this.repository.transition(
          tx,
          app,
          {
            status: nextStatus(app.status, Transition.AUTHORIZATIONS_COMPLETE)!,
            currentRunId: runId,
            recommendationOutcome: null,
            recommendationBenefitFen: null,
          },
          now,
        );
      } else {
        next = await this.repository.transition(tx, app, {}, now);
      }
      await this.recordChange(
        tx,
        actor,
        role,
        next,
        'application.authorization-recorded',
        { memberId, from: app.status, to: next.status },
        ip,
      );
      await this.outbox.addEvent(tx, {
        type: EventType.AUTHORIZATION_CHANGED,
        subject: app.id,
        areaCode: app.townshipCode,
        data: { ...eventData(next), memberId, authorized: true },
      });
      return this.views.build(next, tx, members);
    });
  }

  /** DELETE …/authorization: revoking a counted member's consent stops verification (its checks are cancelled). */
  async revokeAuthorization(
    actor: AuthUser,
    id: string,
    memberId: string,
    ip?: string | null,
  ): Promise<ApplicationView> {
    const role = actingRole(actor, [Role.STATION_OPERATOR]);
    const app = await this.loadInScope(actor, id, ip);
    const members = await this.repository.findMembers(app.id);
    const member = members.find((m) => m.id === memberId);
    if (!member) throw DomainError.notFound('Member');
    const target = member.counted ? nextStatus(app.status, Transition.AUTHORIZATION_REVOKED) : app.status;
    const editable = [
      ApplicationStatus.AWAITING_AUTHORIZATION,
      ApplicationStatus.VERIFYING,
      ApplicationStatus.VERIFIED,
    ];
    if (!target || !editable.includes(app.status))
      throw invalidTransition(app.status, 'revoke an authorisation');

    return runInTransaction(this.dataSource, async (tx) => {
      const now = new Date();
      member.authorization = null;
      await this.repository.setAuthorization(tx, member.id, null);
      if (target !== app.status) await this.repository.cancelRunningRuns(tx, app.id, now);
      const next = await this.repository.transition(
        tx,
        app,
        target !== app.status ? { status: target, currentRunId: null } : {},
        now,
      );
      await this.recordChange(
        tx,
        actor,
        role,
        next,
        'application.authorization-revoked',
        { memberId, from: app.status, to: next.status },
        ip,
      );
      await this.outbox.addEvent(tx, {
        type: EventType.AUTHORIZATION_CHANGED,
        subject: app.id,
        areaCode: app.townshipCode,
        data: { ...eventData(next), memberId, authorized: false },
      });
      return this.views.build(next, tx, members);
    });
  }

  /**
   * POST …/reverify (SPEC 3.2, 4): VERIFIED or AWAITING_COUNTY_DECISION → VERIFYING with a new run. The previous
   * recommendation is cleared until the new run's report is written; its `verification.completed` event announces
   * the result (SPEC 7.2 has no event type for the start of a re-verification).
   */
  async reverify(actor: AuthUser, id: string, ip?: string | null): Promise<ApplicationView> {
    const role = actingRole(actor, [Role.TOWNSHIP_REVIEWER, Role.VERIFICATION_OFFICER]);
    const app = await this.loadInScope(actor, id, ip);
    const target = nextStatus(app.status, Transition.REVERIFY);
    if (!target) throw invalidTransition(app.status, ApplicationStatus.VERIFYING);
    return runInTransaction(this.dataSource, async (tx) => {
      const now = new Date();
      const runId = await this.startRun(tx, app.id, now);
      const next = await this.repository.transition(
        tx,
        app,
        { status: target, currentRunId: runId, recommendationOutcome: null, recommendationBenefitFen: null },
        now,
      );
      await this.recordChange(
        tx,
        actor,
        role,
        next,
        'application.reverify-requested',
        { from: app.status, to: target, runId },
        ip,
      );
      return this.views.build(next, tx);
    });
  }

  /** POST …/withdraw: from any non-terminal status; the household's persons are free to apply again. */
  async withdraw(actor: AuthUser, id: string, reason: string, ip?: string | null): Promise<ApplicationView> {
    const role = actingRole(actor, [Role.STATION_OPERATOR]);
    const app = await this.loadInScope(actor, id, ip);
    const target = nextStatus(app.status, Transition.WITHDRAW);
    if (!target) throw invalidTransition(app.status, ApplicationStatus.WITHDRAWN);
    return runInTransaction(this.dataSource, async (tx) => {
      const now = new Date();
      const next = await this.repository.transition(tx, app, { status: target }, now);
      await this.repository.releaseClaims(tx, app.id);
      await this.repository.cancelRunningRuns(tx, app.id, now);
      await this.recordChange(
        tx,
        actor,
        role,
        next,
        'application.withdrawn',
        { from: app.status, to: target, reason },
        ip,
      );
      await this.outbox.addEvent(tx, {
        type: EventType.WITHDRAWN,
        subject: app.id,
        areaCode: app.townshipCode,
        // The reason is free text that may name people: it stays in the audit trail, not in the event.
        data: eventData(next),
      });
      return this.views.build(next, tx);
    });
  }

  /** Loads an application the caller may see; anything else is "not found" (and the attempt is audited). */
  async loadInScope(actor: AuthUser, id: string, ip?: string | null): Promise<Application> {
    const app = /^[0-9a-f-]{36}$/i.test(id) ? await this.repository.findById(id) : null;
    if (!app) throw DomainError.notFound('Application');
    await this.scope.require(actor, app.townshipCode, 'Application', ip);
    return app;
  }

  private buildView(app: Application): Promise<ApplicationView> {
    return this.views.build(app);
  }

  /** `GET /applications/{id}/audit`: the application's audit entries in chain order. */
  async auditTrail(actor: AuthUser, id: string, ip?: string | null): Promise<{ items: AuditEntryView[] }> {
    actingRole(actor, [Role.AUDITOR, Role.CITY_SUPERVISOR, Role.COUNTY_APPROVER]);
    const app = await this.loadInScope(actor, id, ip);
    return { items: await this.audit.listForApplication(app.id) };
  }

  private async recordChange(
    tx: Tx,
    actor: AuthUser,
    role: Role,
    app: Application,
    action: string,
    detail: Record<string, unknown>,
    ip: string | null | undefined,
  ): Promise<void> {
    await this.audit.append(tx, {
      action,
      actor: auditActor(actor, role),
      areaCode: app.townshipCode,
      applicationId: app.id,
      detail: { number: app.number, ...detail },
      ip: ip ?? null,
    });
  }
}

function invalidTransition(from: ApplicationStatus, to: string): DomainError {
  return new DomainError(
    ErrorCode.INVALID_TRANSITION,
    `Cannot ${to.startsWith('record') || to.startsWith('revoke') ? to : `move to ${to}`} from ${from}`,
    undefined,
    {
      from,
      to,
    },
  );
}

function eventData(app: Application): Record<string, unknown> {
  return {
    applicationId: app.id,
    number: app.number,
    programme: app.programme,
    status: app.status,
    townshipCode: app.townshipCode,
    countyCode: app.countyCode,
  };
}

function ageFromBirthDate(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
