import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { AuthService, Role } from '@app/access';
import { AuditService } from '@app/audit';
import { DomainError, type FieldProblem } from '@app/common';
import { LifeEventsService, type LifeEventAnswer } from './life-events.service';

/** SPEC 7.1, applied to life events: a job over 256 KiB of JSON is refused unread. */
const MAX_JOB_BYTES = 256 * 1024;
const MAX_TOKEN_LENGTH = 4096;
const TOKEN_PROBLEM =
  'token must be a valid, unexpired, unrevoked access token of an active INTEGRATION user';
const CITY = '431100';

/**
 * The `life-event.report` job of `hev-intake` (SPEC 11.3): `{ token, lifeEvent: { type, idNumber, occurredOn,
 * sourceRef } }`, authenticated exactly as the API authenticates a request (same `AuthService.authenticate`) and handled
 * by the same service as `POST /api/v1/life-events`. A refused job is audited and fails without retry, naming only the
 * paths of its problems; every job's data (token, ID number) is cleared once it has been handled.
 */
@Injectable()
export class LifeEventIntakeService {
  private readonly logger = new Logger(LifeEventIntakeService.name);

  constructor(
    private readonly auth: AuthService,
    private readonly lifeEvents: LifeEventsService,
    private readonly audit: AuditService,
  ) {}

  async report(job: Pick<Job, 'id' | 'data' | 'updateData'>): Promise<LifeEventAnswer> {
    // Database or Redis trouble throws from here: BullMQ retries the job with its data intact.
    const outcome = await this.evaluate(job.data as unknown);
    await job.updateData({});
    if ('answer' in outcome) return outcome.answer;
    await this.audit.appendInOwnTransaction({
      action: 'life-event.intake-rejected',
      actor: { userId: null, username: 'intake', role: null, areaCode: null },
      areaCode: outcome.areaCode,
      detail: { errors: outcome.problems.map((p) => ({ path: p.path, message: p.message })) },
    });
    const paths = outcome.problems.map((p) => p.path || '(job data)').slice(0, 5);
    this.logger.warn(`life-event job rejected: ${paths.join(', ')}`);
    throw new UnrecoverableError(`life-event.report rejected: ${paths.join(', ')}`);
  }

  private async evaluate(
    data: unknown,
  ): Promise<{ answer: LifeEventAnswer } | { problems: FieldProblem[]; areaCode: string }> {
    let size: number;
    try {
      size = Buffer.byteLength(JSON.stringify(data) ?? '', 'utf8');
    } catch {
      return { problems: [{ path: '', message: 'job data could not be read' }], areaCode: CITY };
    }
    if (size > MAX_JOB_BYTES)
      return { problems: [{ path: '', message: 'job data is over 256 KiB' }], areaCode: CITY };
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      return { problems: [{ path: '', message: 'job data must be an object' }], areaCode: CITY };
    const { token, lifeEvent, ...rest } = data as Record<string, unknown>;
    const problems: FieldProblem[] = Object.keys(rest).map((key) => ({
      path: /^[A-Za-z_][\w]*$/.test(key) ? key : '<key>',
      message: 'unknown field',
    }));
    const user =
      typeof token === 'string' && token.length <= MAX_TOKEN_LENGTH
        ? await this.auth.authenticate(token)
        : null;
    const actor =
      user && user.roles.includes(Role.INTEGRATION) ? { ...user, roles: [Role.INTEGRATION] } : null;
    if (!actor) problems.push({ path: 'token', message: TOKEN_PROBLEM });
    if (lifeEvent === undefined) problems.push({ path: 'lifeEvent', message: 'lifeEvent is required' });
    const areaCode = actor?.areaCode ?? CITY;
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
}
