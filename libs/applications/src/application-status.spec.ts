import { ApplicationStatus as S, isTerminal, nextStatus, Transition as T } from './application-status';

describe('application state machine (SPEC 4)', () => {
  it.each([
    [S.AWAITING_AUTHORIZATION, T.AUTHORIZATIONS_COMPLETE, S.VERIFYING],
    [S.VERIFYING, T.VERIFICATION_FINISHED, S.VERIFIED],
    [S.VERIFIED, T.REVIEW_RECOMMEND_APPROVE, S.IN_PUBLIC_NOTICE],
    [S.VERIFIED, T.REVIEW_RECOMMEND_REJECT, S.AWAITING_COUNTY_DECISION],
    [S.VERIFIED, T.REVERIFY, S.VERIFYING],
    [S.AWAITING_COUNTY_DECISION, T.REVERIFY, S.VERIFYING],
    [S.IN_PUBLIC_NOTICE, T.OBJECTION, S.VERIFIED],
    [S.IN_PUBLIC_NOTICE, T.NOTICE_ENDED, S.AWAITING_COUNTY_DECISION],
    [S.AWAITING_COUNTY_DECISION, T.DECIDE_APPROVE, S.APPROVED],
    [S.AWAITING_COUNTY_DECISION, T.DECIDE_REJECT, S.REJECTED],
    [S.AWAITING_COUNTY_DECISION, T.DECIDE_RETURN, S.VERIFIED],
    [S.VERIFYING, T.AUTHORIZATION_REVOKED, S.AWAITING_AUTHORIZATION],
    [S.VERIFIED, T.AUTHORIZATION_REVOKED, S.AWAITING_AUTHORIZATION],
    [S.AWAITING_AUTHORIZATION, T.WITHDRAW, S.WITHDRAWN],
    [S.IN_PUBLIC_NOTICE, T.WITHDRAW, S.WITHDRAWN],
    [S.AWAITING_COUNTY_DECISION, T.WITHDRAW, S.WITHDRAWN],
  ])('%s --%s--> %s', (from, transition, to) => {
    expect(nextStatus(from, transition)).toBe(to);
  });

  it.each([
    [S.AWAITING_AUTHORIZATION, T.REVIEW_RECOMMEND_APPROVE],
    [S.VERIFYING, T.REVERIFY],
    [S.IN_PUBLIC_NOTICE, T.DECIDE_APPROVE],
    [S.VERIFIED, T.DECIDE_APPROVE],
    [S.VERIFIED, T.OBJECTION],
    [S.IN_PUBLIC_NOTICE, T.AUTHORIZATION_REVOKED],
    [S.APPROVED, T.WITHDRAW],
    [S.REJECTED, T.REVERIFY],
    [S.WITHDRAWN, T.WITHDRAW],
  ])('refuses %s --%s', (from, transition) => {
    expect(nextStatus(from, transition)).toBeNull();
  });

  it('knows the terminal states', () => {
    expect(Object.values(S).filter(isTerminal)).toEqual([S.APPROVED, S.REJECTED, S.WITHDRAWN]);
  });

  it('lets nothing leave a terminal state', () => {
    for (const from of [S.APPROVED, S.REJECTED, S.WITHDRAWN]) {
      for (const transition of Object.values(T)) expect(nextStatus(from, transition)).toBeNull();
    }
  });
});
