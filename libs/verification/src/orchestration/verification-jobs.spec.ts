import { DEV_SOURCE_KEYS as CONFIG_DEV_KEYS, SOURCE_KEY_CODES } from '@app/config';
import { SOURCE_CODES } from '@app/eligibility';
import { DEV_SOURCE_KEYS } from '../connectors/source-keys';
import {
  checkJobId,
  checkJobOptions,
  completeJobId,
  sourceBackoffDelay,
  startJobId,
} from './verification-jobs';

describe('verification jobs', () => {
  const settings = { backoffMs: 1000, backoffMaxMs: 30_000 };

  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 8000],
    [6, 30_000],
    [40, 30_000],
  ])('after %i failed attempt(s) waits between half and all of %i ms', (attemptsMade, ceiling) => {
    expect(sourceBackoffDelay(attemptsMade, settings, () => 0)).toBe(ceiling / 2);
    expect(sourceBackoffDelay(attemptsMade, settings, () => 0.999999)).toBe(ceiling);
    const sample = sourceBackoffDelay(attemptsMade, settings);
    expect(sample).toBeGreaterThanOrEqual(ceiling / 2);
    expect(sample).toBeLessThanOrEqual(ceiling);
  });

  it('names jobs by run, source and pass, never with ":" (BullMQ refuses it)', () => {
    const runId = '6f1c1f0e-9a55-4f52-9d44-1b8a3c0a2f10';
    const ids = [
      startJobId(runId, 0),
      startJobId(runId, 2),
      checkJobId(runId, 'HUKOU', 2),
      completeJobId(runId, 2),
    ];
    expect(ids).toEqual([
      `run-${runId}`,
      `run-${runId}-p2`,
      `check-${runId}-HUKOU-p2`,
      `complete-${runId}-p2`,
    ]);
    expect(ids.some((id) => id.includes(':'))).toBe(false);
  });

  it('gives check jobs the configured attempts, a priority behind completions, and never holds the parent', () => {
    expect(
      checkJobOptions({ ...settings, attempts: 5 } as Parameters<typeof checkJobOptions>[0]),
    ).toMatchObject({
      attempts: 5,
      backoff: { type: 'hev-source' },
      priority: 1,
      ignoreDependencyOnFailure: true,
    });
  });

  it('configures a key for every source, with the documented development keys', () => {
    expect([...SOURCE_KEY_CODES]).toEqual([...SOURCE_CODES]);
    expect(CONFIG_DEV_KEYS).toEqual(DEV_SOURCE_KEYS);
  });
});
