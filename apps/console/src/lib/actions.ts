/**
 * Which case actions a user may take, by role and state (SPEC 3.2, 4) — the console shows a control only where the
 * API would accept it, and explains in Chinese why an action is not offered when the user has the role for it.
 */

export type CaseAction =
  | 'RECORD_AUTHORIZATION'
  | 'REVOKE_AUTHORIZATION'
  | 'REVERIFY'
  | 'TOWNSHIP_REVIEW'
  | 'OBJECTION'
  | 'DECIDE'
  | 'WITHDRAW'
  | 'VIEW_AUDIT'
  | 'VIEW_DECISION_RECORD';

export const ACTION_LABELS: Record<CaseAction, string> = {
  RECORD_AUTHORIZATION: '登记授权',
  REVOKE_AUTHORIZATION: '撤销授权',
  REVERIFY: '重新核对',
  TOWNSHIP_REVIEW: '初审',
  OBJECTION: '登记异议',
  DECIDE: '审核确认',
  WITHDRAW: '撤回申请',
  VIEW_AUDIT: '查看审计记录',
  VIEW_DECISION_RECORD: '查看决定记录',
};

const ROLES_FOR: Record<CaseAction, readonly string[]> = {
  RECORD_AUTHORIZATION: ['STATION_OPERATOR'],
  REVOKE_AUTHORIZATION: ['STATION_OPERATOR'],
  REVERIFY: ['TOWNSHIP_REVIEWER', 'VERIFICATION_OFFICER'],
  TOWNSHIP_REVIEW: ['TOWNSHIP_REVIEWER'],
  OBJECTION: ['TOWNSHIP_REVIEWER'],
  DECIDE: ['COUNTY_APPROVER'],
  WITHDRAW: ['STATION_OPERATOR'],
  VIEW_AUDIT: ['AUDITOR', 'CITY_SUPERVISOR', 'COUNTY_APPROVER'],
  VIEW_DECISION_RECORD: ['COUNTY_APPROVER', 'AUDITOR'],
};

const OPEN = [
  'AWAITING_AUTHORIZATION',
  'VERIFYING',
  'VERIFIED',
  'IN_PUBLIC_NOTICE',
  'AWAITING_COUNTY_DECISION',
] as const;

const STATES_FOR: Record<CaseAction, readonly string[]> = {
  RECORD_AUTHORIZATION: ['AWAITING_AUTHORIZATION', 'VERIFYING', 'VERIFIED'],
  REVOKE_AUTHORIZATION: ['AWAITING_AUTHORIZATION', 'VERIFYING', 'VERIFIED'],
  REVERIFY: ['VERIFIED', 'AWAITING_COUNTY_DECISION'],
  TOWNSHIP_REVIEW: ['VERIFIED'],
  OBJECTION: ['IN_PUBLIC_NOTICE'],
  DECIDE: ['AWAITING_COUNTY_DECISION'],
  WITHDRAW: OPEN,
  VIEW_AUDIT: [...OPEN, 'APPROVED', 'REJECTED', 'WITHDRAWN'],
  VIEW_DECISION_RECORD: ['VERIFIED', 'IN_PUBLIC_NOTICE', 'AWAITING_COUNTY_DECISION', 'APPROVED', 'REJECTED'],
};

export function hasRoleFor(action: CaseAction, roles: readonly string[]): boolean {
  return ROLES_FOR[action].some((r) => roles.includes(r));
}

export interface CaseFacts {
  status: string;
  /** Username of the township reviewer, once there is a review. */
  reviewedBy?: string | null;
}

export interface Availability {
  action: CaseAction;
  /** The user may do it now. */
  allowed: boolean;
  /** Why not, in Chinese (only when the user has the role but the case or duties forbid it). */
  reason?: string;
}

const STATUS_NAMES: Record<string, string> = {
  AWAITING_AUTHORIZATION: '待授权',
  VERIFYING: '核对中',
  VERIFIED: '核对完成',
  IN_PUBLIC_NOTICE: '公示中',
  AWAITING_COUNTY_DECISION: '待审核确认',
  APPROVED: '已批准',
  REJECTED: '不予批准',
  WITHDRAWN: '已撤回',
};

/**
 * The actions the user's roles allow on a case in its state. Actions the user has no role for are left out (an
 * operator never sees 审核确认); actions the role allows but the state or separation of duties forbids are returned
 * with `allowed: false` and the reason, so the page can say why.
 */
export function availableActions(
  roles: readonly string[],
  facts: CaseFacts,
  user: { username: string },
): Availability[] {
  const result: Availability[] = [];
  for (const action of Object.keys(ROLES_FOR) as CaseAction[]) {
    if (!hasRoleFor(action, roles)) continue;
    if (!STATES_FOR[action].includes(facts.status)) {
      result.push({
        action,
        allowed: false,
        reason: `案件当前状态为“${STATUS_NAMES[facts.status] ?? facts.status}”，不能${ACTION_LABELS[action]}`,
      });
      continue;
    }
    if (action === 'DECIDE' && facts.reviewedBy && facts.reviewedBy === user.username) {
      result.push({ action, allowed: false, reason: '您已对此申请进行初审，不能再审核确认（职责分离）' });
      continue;
    }
    result.push({ action, allowed: true });
  }
  return result;
}

/** The Chinese explanation of an API refusal of a case action. */
export function explainRefusal(
  action: CaseAction,
  error: { statusCode?: number; code?: string; message?: string },
): string {
  if (error.code === 'SEPARATION_OF_DUTIES') {
    if (action === 'TOWNSHIP_REVIEW')
      return '您创建了此申请，不能进行初审（职责分离：申请的创建人和授权登记人不能初审）';
    if (action === 'DECIDE') return '您创建、授权或初审过此申请，不能进行审核确认（职责分离）';
    return '职责分离：您已参与此申请的前一环节，不能进行此操作';
  }
  if (error.code === 'INVALID_TRANSITION')
    return `案件状态已变化，当前不能${ACTION_LABELS[action]}，请刷新后再试`;
  if (error.statusCode === 409) return '案件已被他人修改，已重新加载最新内容，请核对后再操作';
  if (error.statusCode === 403) return `您的角色不能${ACTION_LABELS[action]}`;
  if (error.statusCode === 404) return '案件不存在或不在您的辖区范围内';
  return error.message ?? '操作失败，请稍后重试';
}
