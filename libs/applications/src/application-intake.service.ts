import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { AuthService, PLATFORM_CITY, Role, actorOf, type AuthUser } from '@app/access';
import { AuditService } from '@app/audit';
import {
  DomainError,
  ErrorCode,
  hostileJsonProblems,
  sanitizedPath,
  todayInChina,
  type FieldProblem,
} from '@app/common';
import { runInTransaction } from '@app/database';
import { EventType, OutboxService } from '@app/events';
import { maskIdNumbersIn } from '@app/privacy';
import { QueueName, type TypedJob } from '@app/queue';
import type { ApplicationStatus } from './application-status';
import { validateCreateApplication } from './application-validation';
import { ApplicationsService } from './applications.service';

/** A `hev-intake` job (SPEC 7.1) as the processor hands it over; its data is untrusted. */
export type IntakeJob = TypedJob<typeof QueueName.INTAKE, 'application.submit'>;

/** The return value of an accepted job (what BullMQ stores as `returnvalue`): ids only. */
export interface IntakeAccepted {
  outcome: 'SUBMITTED';
  applicationId: string;
  number: string;
  status: ApplicationStatus;
  /** True when an earlier job (or HTTP request) with the same actor and idempotency key created it. */
  replayed: boolean;
}

const JOB_FIELDS = new Set(['idempotencyKey', 'token', 'application']);
/** The same limit as the `Idempotency-Key` header. */
const MAX_KEY_LENGTH = 128;
/** SPEC 7.1: a job whose data is over 256 KiB of JSON is refused without being validated. */
export const MAX_INTAKE_JOB_BYTES = 256 * 1024;
/** The HTTP body's own cap (CreateApplicationDto), checked before any transformation. */
const MAX_MEMBERS = 20;
/** SPEC 7.1: a rejection lists at most 50 problems. */
export const MAX_INTAKE_ERRORS = 50;
/** Longest token accepted: a JWT of the platform is a few hundred characters. */
const MAX_TOKEN_LENGTH = 4096;
const TOKEN_PROBLEM =
  'token must be a valid, unexpired, unrevoked access token of an active INTEGRATION user';
const ACTOR_PROBLEM =
  'actor is no longer accepted: authenticate with token (an INTEGRATION user’s access token, SPEC 7.1)';

interface Rejection {
  problems: FieldProblem[];
  /** The key to echo in the event, when the job had a usable one. */
  idempotencyKey: string | null;
  /** Where the event is filed: the actor's area when the actor is known, else the city. */
  areaCode: string;
  /** A known user without the INTEGRATION role was named: audited as a denied access. */
  deniedUser?: AuthUser;
}

type Evaluation = { accepted: IntakeAccepted } | { rejected: Rejection };

/**
 * The intake queue of SPEC 7.1: validates a job exactly as `POST /api/v1/applications` does (same validation, same
 * `ApplicationsService.create`, with the actor's INTEGRATION role and area scope) and reports the outcome as an event:
 * `application.submitted` (written by `create`) or `application.intake-rejected`.
 *
 * A bad job is final: its rejection event is written, then the job fails with `UnrecoverableError` (no retry, the
 * worker moves on). Infrastructure errors are thrown as they are, so BullMQ retries the job as its producer asked.
 * A finished job's data is replaced by its key and actor: the application body (names, ID numbers) never stays
 * in Redis once the job is done.
 */
@Injectable()
export class ApplicationIntakeService {
  private readonly logger = new Logger(ApplicationIntakeService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async submit(job: IntakeJob): Promise<IntakeAccepted> {
    let evaluation: Evaluation;
    try {
      evaluation = await this.evaluate(job.data);
      if ('rejected' in evaluation) await this.reject(job, evaluation.rejected);
    } catch (error) {
      // Database or Redis trouble: BullMQ retries with the data intact; after the last attempt it is dropped.
      if (isLastAttempt(job)) await this.redact(job).catch(() => undefined);
      throw error;
    }
    await this.redact(job);
    if ('accepted' in evaluation) return evaluation.accepted;
    const { problems } = evaluation.rejected;
    const paths = problems.slice(0, MAX_INTAKE_ERRORS).map((p) => sanitizedProblem(p).path || '(job data)');
    this.logger.warn(`intake job ${safeJobId(job)} rejected: ${paths.slice(0, 5).join(', ')}`);
    throw new UnrecoverableError(
      `application.intake-rejected: ${problems.length} problem(s) (${paths.slice(0, 5).join(', ')})`,
    );
  }

  /** A job of a name the queue does not know: its data is dropped (it may hold personal data) and it fails. */
  async discardUnknown(job: {
    id?: string;
    updateData(data: Record<string, never>): Promise<void>;
  }): Promise<void> {
    this.logger.warn(`intake job ${job.id ? maskIdNumbersIn(job.id) : '?'} has an unknown name; failing it`);
    await job.updateData({});
  }

  private async evaluate(data: unknown): Promise<Evaluation> {
    // Shape, size, nesting and characters first, before anything reads the body (SPEC 7.1).
    let screened: Screened;
    try {
      screened = screen(data);
    } catch {
      // Pure code on untrusted data: whatever it throws is the job's fault, never an outage to retry.
      return reject([{ path: '', message: 'job data could not be read' }], null);
    }
    if ('rejected' in screened) return screened;
    const { fields, idempotencyKey, token } = screened;
    const problems = [...screened.problems];

    // Authenticated exactly as the API does: signature, expiry, token version, active user (SPEC 7.1).
    let actor: AuthUser | null = null;
    let deniedUser: AuthUser | undefined;
    const user = token === null ? null : await this.auth.authenticate(token);
    if (user && user.roles.includes(Role.INTEGRATION)) actor = { ...user, roles: [Role.INTEGRATION] };
    else {
      if (!problems.some((p) => p.path === 'token')) problems.push({ path: 'token', message: TOKEN_PROBLEM });
      deniedUser = user ?? undefined;
    }
    const areaCode = actor?.areaCode ?? deniedUser?.areaCode ?? PLATFORM_CITY;

    if (fields.application === undefined) {
      problems.push({ path: 'application', message: 'application is required' });
    } else if (problems.length > 0) {
      // The job is refused anyway; list the body's own problems too, so one round trip shows everything.
      try {
        const body = validateCreateApplication(fields.application, todayInChina());
        if (!body.ok) problems.push(...body.problems.map(underApplication));
      } catch {
        problems.push({ path: 'application', message: 'application could not be read' });
      }
    }
    if (problems.length > 0 || !actor || !idempotencyKey) {
      return reject(problems, idempotencyKey, areaCode, deniedUser);
    }

    try {
      const { view, replayed } = await this.applications.create(
        actor,
        fields.application,
        idempotencyKey,
        null,
      );
      return {
        accepted: {
          outcome: 'SUBMITTED',
          applicationId: view.id,
          number: view.number,
          status: view.status,
          replayed,
        },
      };
    } catch (error) {
      if (error instanceof DomainError) return reject(problemsOf(error), idempotencyKey, areaCode);
      throw error;
    }
  }

  /**
   * Writes the `application.intake-rejected` event (and the audit entry of a denied actor) in one transaction.
   * The event id derives from the job, so a job that runs again after a crash does not announce its rejection twice.
   */
  private async reject(job: IntakeJob, rejection: Rejection): Promise<void> {
    const eventId = rejectionEventId(job);
    const errors = rejection.problems.slice(0, MAX_INTAKE_ERRORS).map(sanitizedProblem);
    await runInTransaction(this.dataSource, async (tx) => {
      if (await this.outbox.hasMessage(tx, eventId)) return;
      if (rejection.deniedUser) {
        await this.audit.append(tx, {
          action: 'access.denied',
          actor: actorOf(rejection.deniedUser, null),
          areaCode: rejection.deniedUser.areaCode,
          applicationId: null,
          detail: {
            queue: QueueName.INTAKE,
            status: 'rejected',
            reason: 'role not allowed',
            required: [Role.INTEGRATION],
          },
          ip: null,
        });
      }
      await this.outbox.addEvent(tx, {
        id: eventId,
        type: EventType.INTAKE_REJECTED,
        areaCode: rejection.areaCode,
        data: {
          idempotencyKey:
            rejection.idempotencyKey === null ? null : maskIdNumbersIn(rejection.idempotencyKey),
          jobId: job.id === undefined ? null : maskIdNumbersIn(job.id),
          errors,
        },
      });
    });
  }

  /** Keeps what identifies the submission (its key, masked) and drops the token and the application body. */
  private async redact(job: IntakeJob): Promise<void> {
    const data: unknown = job.data;
    const kept = isPlainObject(data) ? data : {};
    await job.updateData({
      ...(typeof kept.idempotencyKey === 'string'
        ? { idempotencyKey: maskIdNumbersIn(kept.idempotencyKey.slice(0, MAX_KEY_LENGTH)) }
        : {}),
    });
  }
}

function reject(
  problems: FieldProblem[],
  idempotencyKey: string | null,
  areaCode: string = PLATFORM_CITY,
  deniedUser?: AuthUser,
): Evaluation {
  return { rejected: { problems, idempotencyKey, areaCode, deniedUser } };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Screened =
  | {
      fields: Record<string, unknown>;
      idempotencyKey: string | null;
      token: string | null;
      problems: FieldProblem[];
    }
  | { rejected: Rejection };

/**
 * What can be decided from the job data alone, cheaply and without reading the application: the size cap, nesting
 * and control characters (anywhere), the envelope's fields, and the members cap.
 */
function screen(data: unknown): Screened {
  if (!isPlainObject(data))
    return reject([{ path: '', message: 'job data must be a JSON object' }], null) as Screened;
  const size = Buffer.byteLength(JSON.stringify(data) ?? '', 'utf8');
  if (size > MAX_INTAKE_JOB_BYTES) {
    const key = typeof data.idempotencyKey === 'string' ? data.idempotencyKey.slice(0, MAX_KEY_LENGTH) : null;
    return reject(
      [{ path: '', message: `job data is over ${MAX_INTAKE_JOB_BYTES / 1024} KiB of JSON and was not read` }],
      key && !hostileJsonProblems(key, '').length ? key : null,
    ) as Screened;
  }
  const hostile = hostileJsonProblems(data, '', undefined, MAX_INTAKE_ERRORS);
  const problems: FieldProblem[] = [];
  if (hostile.length > 0) {
    problems.push(...hostile);
    return reject(problems, null) as Screened;
  }
  for (const field of Object.keys(data)) {
    if (field === 'actor') problems.push({ path: 'token', message: ACTOR_PROBLEM });
    else if (!JOB_FIELDS.has(field)) problems.push({ path: field, message: 'unknown field' });
  }
  const key = data.idempotencyKey;
  const idempotencyKey =
    typeof key === 'string' && key.length >= 1 && key.length <= MAX_KEY_LENGTH ? key : null;
  if (idempotencyKey === null)
    problems.push({
      path: 'idempotencyKey',
      message:
        key === undefined || key === null
          ? 'idempotencyKey is required'
          : `idempotencyKey must be a string of 1–${MAX_KEY_LENGTH} characters`,
    });
  const rawToken = data.token;
  const token =
    typeof rawToken === 'string' && rawToken.length >= 1 && rawToken.length <= MAX_TOKEN_LENGTH
      ? rawToken
      : null;
  if (token === null && !problems.some((p) => p.path === 'token'))
    problems.push({ path: 'token', message: TOKEN_PROBLEM });
  const members = isPlainObject(data.application) ? data.application.members : undefined;
  if (Array.isArray(members) && members.length > MAX_MEMBERS) {
    problems.push({
      path: 'application.members',
      message: `members must have at most ${MAX_MEMBERS} entries`,
    });
    return reject(problems, idempotencyKey) as Screened;
  }
  return { fields: data, idempotencyKey, token, problems };
}

/** Paths of the application body are reported under `application` (the job data's field). */
function underApplication(problem: FieldProblem): FieldProblem {
  return { path: problem.path ? `application.${problem.path}` : 'application', message: problem.message };
}

/** What `create` refused, as problems with paths into the job data. */
function problemsOf(error: DomainError): FieldProblem[] {
  const code = error.code;
  if (code === ErrorCode.VALIDATION_FAILED || code === ErrorCode.DUPLICATE_APPLICATION)
    return error.errors?.length
      ? error.errors.map(underApplication)
      : [{ path: 'application', message: error.message }];
  // Out of scope or no such township: the same answer as the HTTP route's 404.
  if (code === ErrorCode.NOT_FOUND)
    return [{ path: 'application.townshipCode', message: 'township not found' }];
  if (code === ErrorCode.IDEMPOTENCY_KEY_REUSED)
    return [
      { path: 'idempotencyKey', message: 'idempotencyKey was already used with a different application' },
    ];
  if (code === ErrorCode.FORBIDDEN) return [{ path: 'token', message: TOKEN_PROBLEM }];
  return [{ path: '', message: error.message }];
}

/**
 * An event goes to every subscriber: its problems must not carry personal data. Paths are built from the
 * producer's keys (an unknown field could be named after a person), so a segment that is not a plain identifier
 * is replaced by `<key>`; anything shaped like an ID number is masked.
 */
function sanitizedProblem(problem: FieldProblem): FieldProblem {
  const path = sanitizedPath(problem.path).replace(/[^.[\]]+/g, (segment) =>
    maskIdNumbersIn(segment) === segment ? segment : '<key>',
  );
  return { path, message: maskIdNumbersIn(problem.message) };
}

function safeJobId(job: IntakeJob): string {
  return job.id === undefined ? '?' : maskIdNumbersIn(job.id);
}

function isLastAttempt(job: IntakeJob): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/** A UUID (version 5 layout) derived from the job's id and creation time: the same job → the same event id. */
function rejectionEventId(job: IntakeJob): string {
  const hex = createHash('sha256')
    .update(`${QueueName.INTAKE}\u0000${job.id ?? ''}\u0000${job.timestamp}`)
    .digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
