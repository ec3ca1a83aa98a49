import { DecisionKind } from './county-decision.entity';
import {
  decisionReasonProblems,
  validateDecision,
  validateObjection,
  validateTownshipReview,
} from './workflow-validation';

const TODAY = '2026-11-23';

const review = (overrides: Record<string, unknown> = {}, investigation: Record<string, unknown> = {}) => ({
  opinion: 'RECOMMEND_APPROVE',
  comment: '家庭情况属实',
  investigation: {
    visitedOn: '2026-11-21',
    investigators: ['李四', '王五'],
    findings: '入户核实，无劳动能力',
    ...investigation,
  },
  ...overrides,
});

function paths(result: { ok: boolean; problems?: { path: string }[] }): string[] {
  return result.ok ? [] : (result.problems ?? []).map((p) => p.path).sort();
}

describe('validateTownshipReview', () => {
  it('accepts the SPEC 4 body and trims the texts', () => {
    const result = validateTownshipReview(review({ comment: '  属实  ' }), TODAY);
    expect(result).toMatchObject({ ok: true, value: { comment: '属实', opinion: 'RECOMMEND_APPROVE' } });
  });

  it('accepts a review without an investigation (stored as null)', () => {
    const result = validateTownshipReview({ opinion: 'RECOMMEND_REJECT', comment: 'x' }, TODAY);
    expect(result).toMatchObject({ ok: true, value: { investigation: null } });
  });

  it.each([
    ['one investigator', review({}, { investigators: ['李四'] }), ['investigation.investigators']],
    [
      'the same person twice',
      review({}, { investigators: ['李四', ' 李四 '] }),
      ['investigation.investigators'],
    ],
    ['a visit in the future', review({}, { visitedOn: '2026-11-24' }), ['investigation.visitedOn']],
    ['a date that does not exist', review({}, { visitedOn: '2026-02-30' }), ['investigation.visitedOn']],
    ['an empty comment', review({ comment: '' }), ['comment']],
    ['a blank comment', review({ comment: '   ' }), ['comment']],
    ['a comment over 2000 characters', review({ comment: '字'.repeat(2001) }), ['comment']],
    ['an unknown opinion', review({ opinion: 'APPROVE' }), ['opinion']],
    ['an unknown field', review({ extra: 1 }), ['extra']],
  ])('refuses %s', (_label, body, expected) => {
    expect(paths(validateTownshipReview(body, TODAY))).toEqual(expected);
  });

  it('lists every problem at once', () => {
    const body = review(
      { comment: '', opinion: 'MAYBE' },
      { investigators: ['甲'], visitedOn: '2027-01-01', findings: '' },
    );
    expect(paths(validateTownshipReview(body, TODAY))).toEqual(
      [
        'comment',
        'investigation.findings',
        'investigation.investigators',
        'investigation.visitedOn',
        'opinion',
      ].sort(),
    );
  });

  it('refuses a body that is not an object', () => {
    expect(paths(validateTownshipReview([], TODAY))).toEqual(['']);
  });
});

describe('validateObjection', () => {
  it('accepts an objection received during the notice', () => {
    expect(
      validateObjection({ receivedOn: '2026-11-22', summary: '邻居反映有车' }, TODAY, '2026-11-21').ok,
    ).toBe(true);
  });

  it.each([
    ['in the future', { receivedOn: '2026-11-24', summary: 'x' }, ['receivedOn']],
    ['before the notice started', { receivedOn: '2026-11-20', summary: 'x' }, ['receivedOn']],
    ['without summary', { receivedOn: '2026-11-22' }, ['summary']],
    ['with a malformed date', { receivedOn: '22/11/2026', summary: 'x' }, ['receivedOn']],
  ])('refuses an objection %s', (_label, body, expected) => {
    expect(paths(validateObjection(body, TODAY, '2026-11-21'))).toEqual(expected);
  });
});

describe('decision reason rules (SPEC 4)', () => {
  const context = { recommendationOutcome: 'ELIGIBLE', staffRelative: false, hasInvestigation: true };
  const decide = (body: Record<string, unknown>) => {
    const result = validateDecision(body);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.value;
  };

  it('lets an APPROVE of an ELIGIBLE recommendation go without reason', () => {
    expect(decisionReasonProblems(decide({ decision: 'APPROVE' }), context)).toEqual([]);
  });

  it.each([DecisionKind.REJECT, DecisionKind.RETURN])('requires a reason for %s', (decision) => {
    expect(decisionReasonProblems(decide({ decision }), context).map((p) => p.path)).toEqual(['reason']);
    expect(decisionReasonProblems(decide({ decision, reason: '   ' }), context).map((p) => p.path)).toEqual([
      'reason',
    ]);
    expect(decisionReasonProblems(decide({ decision, reason: '收入超标' }), context)).toEqual([]);
  });

  it.each(['NEEDS_REVIEW', 'INELIGIBLE'])(
    'treats an APPROVE of a %s recommendation as an override needing 10+ characters',
    (outcome) => {
      const overriding = { ...context, recommendationOutcome: outcome };
      expect(decisionReasonProblems(decide({ decision: 'APPROVE' }), overriding).map((p) => p.path)).toEqual([
        'reason',
      ]);
      expect(
        decisionReasonProblems(decide({ decision: 'APPROVE', reason: '太短的理由' }), overriding),
      ).toHaveLength(1);
      expect(
        decisionReasonProblems(
          decide({ decision: 'APPROVE', reason: '县级入户复核，车辆已于上月过户' }),
          overriding,
        ),
      ).toEqual([]);
    },
  );

  it('asks a staff relative’s approval for the home investigation and a stated home-visit result', () => {
    const relative = { ...context, staffRelative: true };
    expect(decisionReasonProblems(decide({ decision: 'APPROVE' }), relative).map((p) => p.path)).toEqual([
      'reason',
    ]);
    expect(
      decisionReasonProblems(decide({ decision: 'APPROVE', reason: '县级入户核查属实，同意备案' }), {
        ...relative,
        hasInvestigation: false,
      }).map((p) => p.path),
    ).toEqual(['decision']);
    expect(
      decisionReasonProblems(decide({ decision: 'APPROVE', reason: '县级入户核查属实，同意备案' }), relative),
    ).toEqual([]);
  });

  it('refuses an unknown decision or field', () => {
    const result = validateDecision({ decision: 'MAYBE', note: 'x' });
    expect(paths(result)).toEqual(['decision', 'note']);
  });
});
