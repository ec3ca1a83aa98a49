/** Workflow states of SPEC 4. */
export enum ApplicationStatus {
  AWAITING_AUTHORIZATION = 'AWAITING_AUTHORIZATION',
  VERIFYING = 'VERIFYING',
  VERIFIED = 'VERIFIED',
  IN_PUBLIC_NOTICE = 'IN_PUBLIC_NOTICE',
  AWAITING_COUNTY_DECISION = 'AWAITING_COUNTY_DECISION',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

export const TERMINAL_STATUSES: readonly ApplicationStatus[] = [
  ApplicationStatus.APPROVED,
  ApplicationStatus.REJECTED,
  ApplicationStatus.WITHDRAWN,
];

export function isTerminal(status: ApplicationStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** The moves of the state machine, by the action that makes them. */
export enum Transition {
  AUTHORIZATIONS_COMPLETE = 'AUTHORIZATIONS_COMPLETE',
  AUTHORIZATION_REVOKED = 'AUTHORIZATION_REVOKED',
  VERIFICATION_FINISHED = 'VERIFICATION_FINISHED',
  REVIEW_RECOMMEND_APPROVE = 'REVIEW_RECOMMEND_APPROVE',
  REVIEW_RECOMMEND_REJECT = 'REVIEW_RECOMMEND_REJECT',
  REVERIFY = 'REVERIFY',
  OBJECTION = 'OBJECTION',
  NOTICE_ENDED = 'NOTICE_ENDED',
  DECIDE_APPROVE = 'DECIDE_APPROVE',
  DECIDE_REJECT = 'DECIDE_REJECT',
  DECIDE_RETURN = 'DECIDE_RETURN',
  WITHDRAW = 'WITHDRAW',
}

const S = ApplicationStatus;
const NON_TERMINAL = Object.values(S).filter((s) => !isTerminal(s));

const TABLE: Record<Transition, { from: readonly ApplicationStatus[]; to: ApplicationStatus }> = {
  [Transition.AUTHORIZATIONS_COMPLETE]: { from: [S.AWAITING_AUTHORIZATION], to: S.VERIFYING },
  [Transition.AUTHORIZATION_REVOKED]: {
    from: [S.AWAITING_AUTHORIZATION, S.VERIFYING, S.VERIFIED],
    to: S.AWAITING_AUTHORIZATION,
  },
  [Transition.VERIFICATION_FINISHED]: { from: [S.VERIFYING], to: S.VERIFIED },
  [Transition.REVIEW_RECOMMEND_APPROVE]: { from: [S.VERIFIED], to: S.IN_PUBLIC_NOTICE },
  [Transition.REVIEW_RECOMMEND_REJECT]: { from: [S.VERIFIED], to: S.AWAITING_COUNTY_DECISION },
  [Transition.REVERIFY]: { from: [S.VERIFIED, S.AWAITING_COUNTY_DECISION], to: S.VERIFYING },
  [Transition.OBJECTION]: { from: [S.IN_PUBLIC_NOTICE], to: S.VERIFIED },
  [Transition.NOTICE_ENDED]: { from: [S.IN_PUBLIC_NOTICE], to: S.AWAITING_COUNTY_DECISION },
  [Transition.DECIDE_APPROVE]: { from: [S.AWAITING_COUNTY_DECISION], to: S.APPROVED },
  [Transition.DECIDE_REJECT]: { from: [S.AWAITING_COUNTY_DECISION], to: S.REJECTED },
  [Transition.DECIDE_RETURN]: { from: [S.AWAITING_COUNTY_DECISION], to: S.VERIFIED },
  [Transition.WITHDRAW]: { from: NON_TERMINAL, to: S.WITHDRAWN },
};

/** The status a transition leads to from `from`, or null when the move is not allowed. */
export function nextStatus(from: ApplicationStatus, transition: Transition): ApplicationStatus | null {
  const rule = TABLE[transition];
  return rule.from.includes(from) ? rule.to : null;
}

export function allowedFrom(transition: Transition): readonly ApplicationStatus[] {
  return TABLE[transition].from;
}
