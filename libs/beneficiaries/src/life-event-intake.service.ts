import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { AuthService, PLATFORM_CITY, Role } from '@app/access';
import { AuditService } from '@app/audit';
import { DomainError, hostileJsonProblems, sanitizedPath, type FieldProblem } from '@app/common';
import { runInTransaction } from '@app/database';
import { EventType, OutboxService } from '@app/events';
import { maskIdNumbersIn } from '@app/privacy';
import { QueueName } from '@app/queue';
import { LifeEventsService, type LifeEventAnswer } from './life-events.service';

/** SPEC 7.1, applied to life events: a job over 256 KiB of JSON is refused unread. */
export const MAX_LIFE_EVENT_JOB_BYTES = 256 * 1024;
/** SPEC 7.1: a rejection lists at most 50 problems. */
export const MAX_LIFE_EVENT_JOB_ERRORS = 50;
const MAX_TOKEN_LENGTH = 4096;
const JOB_FIELDS = new Set(['token', 'lifeEvent']);
const TOKEN_PROBLEM =
  'token must be a valid, unexpired, unrevoked access token of an active INTEGRATION user';
const ACTOR_PROBLEM =
  'actor is no longer accepted: authenticate with token (an INTEGRATION user’s access token, SPEC 7.1)';

/** What `report` needs of a BullMQ job. */
export type LifeEventJob = Pick<Job, 'id' | 'data' | 'updateData' | 'timestamp' | 'attemptsMade' | 'opts'>;

interface Rejection {
  problems: FieldProblem[];
  /** The authenticated user's area, else the city. */
  areaCode: string;
}

/**
 * The `life-event.report` job of `hev-intake` (SPEC 11.3): `{ token, lifeEvent: { type, idNumber, occurredOn,
 * sourceRef } }`, screened as an `application.submit` job is (SPEC 7.1: 256 KiB cap read unread, control characters
 * and nesting refused before anything reads the body, a job naming an `actor` refused), authenticated exactly as the
 * API authenticates a request (same `AuthService.authenticate`) and handled by the same service as
 * `POST /api/v1/life-events`. A malformed job always ends in an `application.intake-rejected` event (with
 * `jobName: 'life-event.report'`, at most 50 problems, paths sanitized, ID numbers masked) and an audit entry, then
 * fails without retry. The job's data (token, ID number) is cleared once it has been handled, and after its last
 * attempt when the database or Redis failed it.
 */
@Injectable()
export class LifeEventIntakeService {
  private readonly logger = new Logger(LifeEventIntakeService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly lifeEvents: LifeEventsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async report(job: LifeEventJob): Promise<LifeEventAnswer> {
    let outcome: { answer: LifeEventAnswer } | Rejection;
    try {
      outcome = await this.evaluate(job.data as unknown);
      if (!('answer' in outcome)) await this.reject(job, outcome);
    } catch (error) {
      // Database or Redis trouble: BullMQ retries the job with its data intact; after the last attempt it is cleared.
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await job.updateData({}).catch(() => undefined);
      throw error;
    }
    await job.updateData({});
    if ('answer' in outcome) return outcome.answer;
    const paths = outcome.problems
      .slice(0, MAX_LIFE_EVENT_JOB_ERRORS)
      .map((p) => sanitizedProblem(p).path || '(job data)');
    this.logger.warn(`life-event job rejected: ${paths.slice(0, 5).join(', ')}`);
    throw new UnrecoverableError(
      `life-event.report rejected: ${outcome.problems.length} problem(s) (${paths.slice(0, 5).join(', ')})`,
    );
  }

  private async evaluate(data: unknown): Promise<{ answer: LifeEventAnswer } | Rejection> {
    let screened: { token: string | null; lifeEvent: unknown; problems: FieldProblem[] } | Rejection;
    try {
      screened = screen(data);
    } catch {
      // Pure code on untrusted data: whatever it throws is the job's fault, never an outage to retry.
      return { problems: [{ path: '', message: 'job data could not be read' }], areaCode: PLATFORM_CITY };
    }
    if (!('token' in screened)) return screened;
    const { token, lifeEvent } = screened;
    const problems = [...screened.problems];
    const user = token === null ? null : await this.auth.authenticate(token);
    const actor =
      user && user.roles.includes(Role.INTEGRATION) ? { ...user, roles: [Role.INTEGRATION] } : null;
    if (!actor && !problems.some((p) => p.path === 'token'))
      problems.push({ path: 'token', message: TOKEN_PROBLEM });
    if (lifeEvent === undefined) problems.push({ path: 'lifeEvent', message: 'lifeEvent is required' });
    const areaCode = actor?.areaCode ?? PLATFORM_CITY;
    if (problems.length > 0 || !actor) return { problems, areaCode };
    try {
      return { answer: await this.lifeEvents.report(actor, lifeEvent, null) };
    } catch (error) {
      if (error instanceof DomainError)
        return {
          problems: (error.errors ?? [{ path: '', message: error.message }]).map((p) => ({
            path: p.path ? `lifeEvent.${p.path}` : 'lifeEvent',
            message: p.message,
          })),
          areaCode,
        };
      throw error;
    }
  }

  /**
   * The rejection event and its audit entry, in one transaction. The event id derives from the job, so a job that
   * runs again after a crash does not announce (or audit) its rejection twice.
   */
  private async reject(job: LifeEventJob, rejection: Rejection): Promise<void> {
    const eventId = rejectionEventId(job);
    const errors = rejection.problems.slice(0, MAX_LIFE_EVENT_JOB_ERRORS).map(sanitizedProblem);
    await runInTransaction(this.dataSource, async (tx) => {
      if (await this.outbox.hasMessage(tx, eventId)) return;
      await this.audit.append(tx, {
        action: 'life-event.intake-rejected',
        actor: { userId: null, username: 'intake', role: null, areaCode: null },
        areaCode: rejection.areaCode,
        applicationId: null,
        detail: { eventId, errors },
        ip: null,
      });
      await this.outbox.addEvent(tx, {
        id: eventId,
        type: EventType.INTAKE_REJECTED,
        areaCode: rejection.areaCode,
        data: {
          idempotencyKey: null,
          jobName: 'life-event.report',
          jobId: job.id === undefined ? null : maskIdNumbersIn(job.id),
          errors,
        },
      });
    });
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What can be decided from the job data alone, before anything reads the life event. */
function screen(
  data: unknown,
): { token: string | null; lifeEvent: unknown; problems: FieldProblem[] } | Rejection {
  const city = PLATFORM_CITY;
  if (!isPlainObject(data))
    return { problems: [{ path: '', message: 'job data must be a JSON object' }], areaCode: city };
  const size = Buffer.byteLength(JSON.stringify(data) ?? '', 'utf8');
  if (size > MAX_LIFE_EVENT_JOB_BYTES)
    return {
      problems: [
        {
          path: '',
          message: `job data is over ${MAX_LIFE_EVENT_JOB_BYTES / 1024} KiB of JSON and was not read`,
        },
      ],
      areaCode: city,
    };
  const hostile = hostileJsonProblems(data, '', undefined, MAX_LIFE_EVENT_JOB_ERRORS);
  if (hostile.length > 0) return { problems: hostile, areaCode: city };
  const problems: FieldProblem[] = [];
  for (const field of Object.keys(data)) {
    if (field === 'actor') problems.push({ path: 'token', message: ACTOR_PROBLEM });
    else if (!JOB_FIELDS.has(field)) problems.push({ path: field, message: 'unknown field' });
  }
  const raw = data.token;
  const token = typeof raw === 'string' && raw.length >= 1 && raw.length <= MAX_TOKEN_LENGTH ? raw : null;
  if (token === null && !problems.some((p) => p.path === 'token'))
    problems.push({ path: 'token', message: TOKEN_PROBLEM });
  return { token, lifeEvent: data.lifeEvent, problems };
}

/**
 * An event goes to every subscriber: a path segment that is not a plain identifier (an unknown field could be named
 * after a person) is written `<key>`, and anything shaped like an ID number is masked.
 */
function sanitizedProblem(problem: FieldProblem): FieldProblem {
  const path = sanitizedPath(problem.path).replace(/[^.[\]]+/g, (segment) =>
    maskIdNumbersIn(segment) === segment ? segment : '<key>',
  );
  return { path, message: maskIdNumbersIn(problem.message) };
}

/** A UUID (version 5 layout) derived from the job's id and creation time: the same job → the same event id. */
function rejectionEventId(job: LifeEventJob): string {
  const hex = createHash('sha256')
    .update(`${QueueName.INTAKE}\u0000life-event.report\u0000${job.id ?? ''}\u0000${job.timestamp}`)
    .digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
