import { isRealDate, type FieldProblem } from '@app/common';
import { validateIdNumber } from '@app/privacy';
import { LifeEventType, ReviewReason } from './beneficiary.types';
import { REVIEW_CATEGORIES, type ReviewCategory } from './review-rules';

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/** Reads a JSON body field by field, collecting every problem with its path; unknown fields are problems too. */
class BodyReader {
  readonly problems: FieldProblem[] = [];
  private readonly body: Record<string, unknown>;

  constructor(
    body: unknown,
    private readonly fields: readonly string[],
  ) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      this.problems.push({ path: '', message: 'body must be a JSON object' });
      this.body = {};
    } else {
      this.body = body as Record<string, unknown>;
      for (const key of Object.keys(this.body))
        if (!fields.includes(key)) this.problems.push({ path: key, message: 'unknown field' });
    }
  }

  raw(field: string): unknown {
    return this.body[field];
  }

  text(field: string, min: number, max: number, required: boolean): string | null {
    const value = this.body[field];
    if (value === undefined || value === null || (value === '' && !required)) {
      if (required) this.problems.push({ path: field, message: `${field} is required` });
      return null;
    }
    if (typeof value !== 'string') {
      this.problems.push({ path: field, message: `${field} must be a string` });
      return null;
    }
    const trimmed = value.trim();
    const length = [...trimmed].length;
    if (length < min || length > max) {
      this.problems.push({ path: field, message: `${field} must be ${min}–${max} characters` });
      return null;
    }
    return trimmed;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[], required: boolean): T | null {
    const value = this.body[field];
    if (value === undefined || value === null) {
      if (required) this.problems.push({ path: field, message: `${field} is required` });
      return null;
    }
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.problems.push({ path: field, message: `${field} must be one of ${allowed.join(', ')}` });
      return null;
    }
    return value as T;
  }

  date(field: string, required: boolean, notAfter?: string): string | null {
    const value = this.body[field];
    if (value === undefined || value === null) {
      if (required) this.problems.push({ path: field, message: `${field} is required` });
      return null;
    }
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || !isRealDate(value)) {
      this.problems.push({ path: field, message: `${field} must be a real date written YYYY-MM-DD` });
      return null;
    }
    if (notAfter !== undefined && value > notAfter) {
      this.problems.push({ path: field, message: `${field} is in the future` });
      return null;
    }
    return value;
  }

  result<T>(value: T): Checked<T> {
    return this.problems.length > 0 ? { ok: false, problems: this.problems } : { ok: true, value };
  }
}

export interface OpenReviewBody {
  reason: ReviewReason;
  note: string | null;
}

/** `POST /api/v1/beneficiaries/{id}/reviews`. */
export function validateOpenReview(body: unknown): Checked<OpenReviewBody> {
  const r = new BodyReader(body, ['reason', 'note']);
  const reason = r.oneOf('reason', Object.values(ReviewReason), true);
  const note = r.text('note', 1, 2000, false);
  return r.result({ reason: reason!, note });
}

export interface WithdrawBody {
  reason: string;
}

/** `POST /api/v1/beneficiaries/{id}/withdraw`. */
export function validateWithdraw(body: unknown): Checked<WithdrawBody> {
  const r = new BodyReader(body, ['reason']);
  const reason = r.text('reason', 1, 500, true);
  return r.result({ reason: reason! });
}

export interface OpinionBody {
  opinion: 'AGREE' | 'DISAGREE';
  comment: string;
  investigation: { visitedOn: string; investigators: string[]; findings: string } | null;
}

/** `POST /api/v1/reviews/{id}/township-review`: comment required; an investigation needs two distinct people. */
export function validateOpinion(body: unknown, today: string): Checked<OpinionBody> {
  const r = new BodyReader(body, ['opinion', 'comment', 'investigation']);
  const opinion = r.oneOf('opinion', ['AGREE', 'DISAGREE'] as const, true);
  const comment = r.text('comment', 1, 2000, true);
  let investigation: OpinionBody['investigation'] = null;
  const raw = r.raw('investigation');
  if (raw !== undefined && raw !== null) {
    const inner = new BodyReader(raw, ['visitedOn', 'investigators', 'findings']);
    const visitedOn = inner.date('visitedOn', true, today);
    const findings = inner.text('findings', 1, 2000, true);
    const names = inner.raw('investigators');
    let investigators: string[] = [];
    if (
      !Array.isArray(names) ||
      names.some((n) => typeof n !== 'string' || n.trim().length < 1 || [...n.trim()].length > 50)
    ) {
      inner.problems.push({
        path: 'investigators',
        message: 'investigators must be a list of names of 1–50 characters',
      });
    } else {
      investigators = (names as string[]).map((n) => n.trim());
      // 入户调查 is made by at least two people (《最低生活保障审核确认办法》第十四条).
      if (new Set(investigators.map((n) => n.normalize('NFC'))).size < 2)
        inner.problems.push({
          path: 'investigators',
          message: 'investigators must name at least two distinct people',
        });
    }
    r.problems.push(
      ...inner.problems.map((p) => ({
        path: `investigation${p.path ? `.${p.path}` : ''}`,
        message: p.message,
      })),
    );
    if (inner.problems.length === 0)
      investigation = { visitedOn: visitedOn!, investigators, findings: findings! };
  }
  return r.result({ opinion: opinion!, comment: comment!, investigation });
}

export interface ReviewDecisionBody {
  decision: 'APPROVE' | 'REJECT';
  reason: string | null;
  monthlyBenefitFen: number | null;
  reviewCategory: ReviewCategory | null;
}

/** `POST /api/v1/reviews/{id}/decision` (shape only; whether a reason is required depends on the proposal). */
export function validateReviewDecision(body: unknown): Checked<ReviewDecisionBody> {
  const r = new BodyReader(body, ['decision', 'reason', 'monthlyBenefitFen', 'reviewCategory']);
  const decision = r.oneOf('decision', ['APPROVE', 'REJECT'] as const, true);
  const reason = r.text('reason', 1, 2000, false);
  const amount = r.raw('monthlyBenefitFen');
  let monthlyBenefitFen: number | null = null;
  if (amount !== undefined && amount !== null) {
    if (!Number.isSafeInteger(amount) || (amount as number) < 0 || (amount as number) > 1e12)
      r.problems.push({
        path: 'monthlyBenefitFen',
        message: 'monthlyBenefitFen must be an integer of fen, 0–10^12',
      });
    else monthlyBenefitFen = amount as number;
  }
  const reviewCategory = r.oneOf('reviewCategory', REVIEW_CATEGORIES, false);
  if (decision === 'REJECT' && monthlyBenefitFen !== null)
    r.problems.push({ path: 'monthlyBenefitFen', message: 'monthlyBenefitFen is only set with APPROVE' });
  return r.result({ decision: decision!, reason, monthlyBenefitFen, reviewCategory });
}

export interface LifeEventBody {
  type: LifeEventType;
  idNumber: string;
  occurredOn: string;
  sourceRef: string;
}

/** `POST /api/v1/life-events` and the `life-event.report` job (SPEC 11.3); the ID number is never echoed. */
export function validateLifeEvent(body: unknown, today: string): Checked<LifeEventBody> {
  const r = new BodyReader(body, ['type', 'idNumber', 'occurredOn', 'sourceRef']);
  const type = r.oneOf('type', Object.values(LifeEventType), true);
  const rawId = r.raw('idNumber');
  let idNumber: string | null = null;
  if (rawId === undefined || rawId === null)
    r.problems.push({ path: 'idNumber', message: 'idNumber is required' });
  else {
    const checked = validateIdNumber(rawId as string);
    if (checked.ok) idNumber = checked.idNumber;
    else r.problems.push({ path: 'idNumber', message: `idNumber ${checked.reason}` });
  }
  const occurredOn = r.date('occurredOn', true, today);
  const sourceRef = r.text('sourceRef', 1, 128, true);
  return r.result({ type: type!, idNumber: idNumber!, occurredOn: occurredOn!, sourceRef: sourceRef! });
}

export interface BatchBody {
  areaCode: string;
  dueOnOrBefore: string | null;
  programme: string | null;
}

/** `POST /api/v1/review-batches`. */
export function validateBatch(body: unknown): Checked<BatchBody> {
  const r = new BodyReader(body, ['areaCode', 'dueOnOrBefore', 'programme']);
  const areaCode = r.raw('areaCode');
  if (typeof areaCode !== 'string' || !/^\d{6}(\d{3})?$/.test(areaCode))
    r.problems.push({
      path: 'areaCode',
      message: 'areaCode must be a 6-digit city or county or a 9-digit township code',
    });
  const dueOnOrBefore = r.date('dueOnOrBefore', false);
  const programme = r.oneOf('programme', ['DIBAO', 'EDGE', 'TEKUN'] as const, false);
  return r.result({ areaCode: areaCode as string, dueOnOrBefore, programme });
}
