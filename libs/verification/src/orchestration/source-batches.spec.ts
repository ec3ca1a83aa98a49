import { type ClaimedCheck } from '../persistence/verification.repository';
import { authorizationIsValid, sortClaimed, takeBatch } from './source-batches';

function claimed(over: Partial<ClaimedCheck>): ClaimedCheck {
  return {
    runId: 'r1',
    memberId: 'm1',
    claimed: true,
    pending: true,
    runEnded: false,
    attempts: 0,
    claimedUntil: null,
    idNumberEnc: 'enc',
    authorization: { signedAt: '2026-11-01' },
    ...over,
  };
}

describe('batch assembly (issue 12)', () => {
  it('takes at most the batch size, oldest first, never one check twice in a batch', () => {
    const waiting = [
      { runId: 'a', memberId: '1' },
      { runId: 'a', memberId: '2' },
      { runId: 'a', memberId: '1' },
      { runId: 'b', memberId: '1' },
      { runId: 'c', memberId: '1' },
    ];
    const { batch, rest } = takeBatch(waiting, 3);
    expect(batch).toEqual([waiting[0], waiting[1], waiting[3]]);
    expect(rest).toEqual([waiting[2], waiting[4]]);
    expect(takeBatch(waiting, 100).batch).toHaveLength(4);
    expect(takeBatch([], 5)).toEqual({ batch: [], rest: [] });
  });

  it('sends only checks claimed here; another worker’s claims wait, ended checks leave', () => {
    const today = '2026-12-03';
    const rows = [
      claimed({ memberId: 'send' }),
      claimed({ memberId: 'held', claimed: false, claimedUntil: new Date() }),
      claimed({ memberId: 'done', claimed: false, pending: false }),
      claimed({ memberId: 'cancelled', claimed: false, pending: false, runEnded: true }),
    ];
    const sorted = sortClaimed(rows, today);
    expect(sorted.send.map((r) => r.memberId)).toEqual(['send']);
    expect(sorted.heldElsewhere.map((r) => r.memberId)).toEqual(['held']);
    expect(sorted.ended.map((r) => r.memberId)).toEqual(['done', 'cancelled']);
    expect(sorted.notAuthorized).toEqual([]);
  });

  it('drops at send time a member whose authorisation was revoked (or is not valid) a moment ago', () => {
    const today = '2026-12-03';
    const rows = [
      claimed({ memberId: 'revoked', authorization: null }),
      claimed({ memberId: 'future', authorization: { signedAt: '2026-12-04' } }),
      claimed({ memberId: 'not-a-date', authorization: { signedAt: '2026-02-30' } }),
      claimed({ memberId: 'ok', authorization: { signedAt: '2026-12-03' } }),
    ];
    const sorted = sortClaimed(rows, today);
    expect(sorted.send.map((r) => r.memberId)).toEqual(['ok']);
    expect(sorted.notAuthorized.map((r) => r.memberId)).toEqual(['revoked', 'future', 'not-a-date']);
    expect(authorizationIsValid({ signedAt: 20261201 }, today)).toBe(false);
  });
});
