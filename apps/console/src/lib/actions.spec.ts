import { availableActions, explainRefusal, type CaseAction } from './actions';

const allowed = (roles: string[], status: string, username = 'u', reviewedBy?: string): CaseAction[] =>
  availableActions(roles, { status, reviewedBy }, { username })
    .filter((a) => a.allowed)
    .map((a) => a.action);

describe('state → available actions', () => {
  it('an operator records authorisations and withdraws, and never sees 初审 or 审核确认', () => {
    expect(allowed(['STATION_OPERATOR'], 'AWAITING_AUTHORIZATION')).toEqual([
      'RECORD_AUTHORIZATION',
      'REVOKE_AUTHORIZATION',
      'WITHDRAW',
    ]);
    const all = availableActions(
      ['STATION_OPERATOR'],
      { status: 'AWAITING_COUNTY_DECISION' },
      { username: 'op' },
    );
    expect(all.map((a) => a.action)).not.toContain('DECIDE');
    expect(all.map((a) => a.action)).not.toContain('TOWNSHIP_REVIEW');
    expect(allowed(['STATION_OPERATOR'], 'APPROVED')).toEqual([]);
  });

  it('a township reviewer: 初审 and reverify when verified, objections only during 公示', () => {
    expect(allowed(['TOWNSHIP_REVIEWER'], 'VERIFIED')).toEqual(['REVERIFY', 'TOWNSHIP_REVIEW']);
    expect(allowed(['TOWNSHIP_REVIEWER'], 'IN_PUBLIC_NOTICE')).toEqual(['OBJECTION']);
    expect(allowed(['TOWNSHIP_REVIEWER'], 'VERIFYING')).toEqual([]);
    expect(allowed(['TOWNSHIP_REVIEWER'], 'AWAITING_COUNTY_DECISION')).toEqual(['REVERIFY']);
  });

  it('a county approver decides only when the case awaits the county, and reads the record and trail', () => {
    expect(allowed(['COUNTY_APPROVER'], 'AWAITING_COUNTY_DECISION')).toEqual([
      'DECIDE',
      'VIEW_AUDIT',
      'VIEW_DECISION_RECORD',
    ]);
    expect(allowed(['COUNTY_APPROVER'], 'IN_PUBLIC_NOTICE')).toEqual(['VIEW_AUDIT', 'VIEW_DECISION_RECORD']);
  });

  it('says why in Chinese when the state forbids an action the role has', () => {
    const decide = availableActions(
      ['COUNTY_APPROVER'],
      { status: 'IN_PUBLIC_NOTICE' },
      { username: 'a' },
    ).find((a) => a.action === 'DECIDE');
    expect(decide).toEqual({
      action: 'DECIDE',
      allowed: false,
      reason: '案件当前状态为“公示中”，不能审核确认',
    });
  });

  it('a user who wrote the 初审 may not decide (separation of duties), and is told so', () => {
    const both = ['TOWNSHIP_REVIEWER', 'COUNTY_APPROVER'];
    const decide = availableActions(
      both,
      { status: 'AWAITING_COUNTY_DECISION', reviewedBy: 'x' },
      { username: 'x' },
    );
    expect(decide.find((a) => a.action === 'DECIDE')).toEqual({
      action: 'DECIDE',
      allowed: false,
      reason: '您已对此申请进行初审，不能再审核确认（职责分离）',
    });
    expect(allowed(both, 'AWAITING_COUNTY_DECISION', 'y', 'x')).toContain('DECIDE');
  });

  it('explains API refusals in Chinese', () => {
    expect(explainRefusal('TOWNSHIP_REVIEW', { statusCode: 403, code: 'SEPARATION_OF_DUTIES' })).toContain(
      '您创建了此申请，不能进行初审',
    );
    expect(explainRefusal('DECIDE', { statusCode: 409, code: 'VERSION_CONFLICT' })).toBe(
      '案件已被他人修改，已重新加载最新内容，请核对后再操作',
    );
    expect(explainRefusal('DECIDE', { statusCode: 404, code: 'NOT_FOUND' })).toBe(
      '案件不存在或不在您的辖区范围内',
    );
    expect(explainRefusal('DECIDE', { statusCode: 403, code: 'FORBIDDEN' })).toBe('您的角色不能审核确认');
  });
});
