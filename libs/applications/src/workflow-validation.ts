import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors, isRealDate, type FieldProblem } from '@app/common';
import { type Validated } from './application-validation';
import { DecisionKind } from './county-decision.entity';
import { DecisionDto, ObjectionDto, TownshipReviewDto } from './dto/workflow.dto';

// One problem per field: `''` is not also reported as too short.
const STRICT = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  stopAtFirstError: true,
} as const;

/** SPEC 4: an override (APPROVE against a recommendation that is not ELIGIBLE) needs a reason of 10+ characters. */
export const MIN_OVERRIDE_REASON = 10;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shape<T extends object>(
  cls: new () => T,
  body: unknown,
): { dto: T; problems: FieldProblem[] } | null {
  if (!isPlainObject(body)) return null;
  const dto = plainToInstance(cls, body);
  return { dto, problems: flattenValidationErrors(validateSync(dto, STRICT)) };
}

const NOT_AN_OBJECT: FieldProblem[] = [{ path: '', message: 'body must be a JSON object' }];

function dateProblems(value: unknown, path: string, today: string): FieldProblem[] {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return [];
  if (!isRealDate(value)) return [{ path, message: `${path.split('.').pop()} is not a real date` }];
  if (value > today) return [{ path, message: `${path.split('.').pop()} is in the future` }];
  return [];
}

/** `POST …/township-review`: shape, a real visit date not in the future, at least two distinct investigators. */
export function validateTownshipReview(body: unknown, today: string): Validated<TownshipReviewDto> {
  const checked = shape(TownshipReviewDto, body);
  if (!checked) return { ok: false, problems: NOT_AN_OBJECT };
  const { dto, problems } = checked;
  const investigation = dto.investigation;
  if (investigation && isPlainObject(investigation)) {
    problems.push(...dateProblems(investigation.visitedOn, 'investigation.visitedOn', today));
    if (Array.isArray(investigation.investigators) && investigation.investigators.length >= 2) {
      const names = investigation.investigators.filter((n): n is string => typeof n === 'string');
      const distinct = new Set(names.map((n) => n.trim().normalize('NFC')));
      // 入户调查 is made by at least two people (《最低生活保障审核确认办法》第十四条).
      if (distinct.size < 2)
        problems.push({
          path: 'investigation.investigators',
          message: 'investigators must name at least two distinct people',
        });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  dto.comment = dto.comment.trim();
  if (dto.investigation) {
    dto.investigation.investigators = dto.investigation.investigators.map((n) => n.trim());
    dto.investigation.findings = dto.investigation.findings.trim();
  } else {
    dto.investigation = null;
  }
  return { ok: true, value: dto };
}

/** `POST …/objections`: received on a real date, not in the future and not before the notice started. */
export function validateObjection(
  body: unknown,
  today: string,
  noticeStartedOn: string | null,
): Validated<ObjectionDto> {
  const checked = shape(ObjectionDto, body);
  if (!checked) return { ok: false, problems: NOT_AN_OBJECT };
  const { dto, problems } = checked;
  const dateProblem = dateProblems(dto.receivedOn, 'receivedOn', today);
  problems.push(...dateProblem);
  if (
    dateProblem.length === 0 &&
    noticeStartedOn !== null &&
    typeof dto.receivedOn === 'string' &&
    isRealDate(dto.receivedOn) &&
    dto.receivedOn < noticeStartedOn
  )
    problems.push({
      path: 'receivedOn',
      message: `receivedOn is before the notice started (${noticeStartedOn})`,
    });
  if (problems.length > 0) return { ok: false, problems };
  dto.summary = dto.summary.trim();
  return { ok: true, value: dto };
}

/** `POST …/decision`, shape only; the reason rules need the case (see `decisionReasonProblems`). */
export function validateDecision(body: unknown): Validated<DecisionDto> {
  const checked = shape(DecisionDto, body);
  if (!checked) return { ok: false, problems: NOT_AN_OBJECT };
  const { dto, problems } = checked;
  if (problems.length > 0) return { ok: false, problems };
  const reason = typeof dto.reason === 'string' ? dto.reason.trim() : '';
  dto.reason = reason.length > 0 ? reason : null;
  return { ok: true, value: dto };
}

export interface DecisionContext {
  /** The current recommendation's outcome. */
  recommendationOutcome: string;
  staffRelative: boolean;
  /** The latest township review recorded a home investigation. */
  hasInvestigation: boolean;
}

/**
 * The reason rules of SPEC 4: REJECT and RETURN need a reason; an APPROVE needs one of 10+ characters when it
 * overrides a recommendation that is not ELIGIBLE, and when a member is a close relative of assistance staff
 * (单独登记备案), where it also needs the township's home investigation and states the county's home-visit result.
 */
export function decisionReasonProblems(dto: DecisionDto, context: DecisionContext): FieldProblem[] {
  const reason = dto.reason ?? '';
  const problems: FieldProblem[] = [];
  if (dto.decision !== DecisionKind.APPROVE) {
    if (reason.length === 0)
      problems.push({ path: 'reason', message: `reason is required for ${dto.decision}` });
    return problems;
  }
  const override = context.recommendationOutcome !== 'ELIGIBLE';
  if (override && reason.length < MIN_OVERRIDE_REASON)
    problems.push({
      path: 'reason',
      message: `approving against a ${context.recommendationOutcome} recommendation is an override: reason needs at least ${MIN_OVERRIDE_REASON} characters`,
    });
  if (context.staffRelative) {
    if (!override && reason.length < MIN_OVERRIDE_REASON)
      problems.push({
        path: 'reason',
        message: `a staff relative’s application: reason must state the county’s home-visit result (at least ${MIN_OVERRIDE_REASON} characters)`,
      });
    if (!context.hasInvestigation)
      problems.push({
        path: 'decision',
        message:
          'a staff relative’s application can only be approved after a township review with a home investigation',
      });
  }
  return problems;
}
