import { DATA_COMPLETE_BASIS } from '../legal-basis';
import { SOURCE_CODES } from '../verified-facts.types';
import { ALL_PROGRAMMES, trace, type EligibilityRule } from './eligibility-rule';

/** REVIEW when a check FAILED: a household is never denied because a department was unavailable (SPEC 5.3). */
export const dataCompleteRule: EligibilityRule = {
  id: 'DATA_COMPLETE',
  programmes: ALL_PROGRAMMES,
  evaluate({ failedSources }) {
    // Listed once each, in SPEC 5.1 order, whatever order the run recorded them in.
    const failed = SOURCE_CODES.filter((code) => failedSources.includes(code));
    return failed.length === 0
      ? trace('DATA_COMPLETE', 'PASS', 'no data-source check ended FAILED', DATA_COMPLETE_BASIS)
      : trace(
          'DATA_COMPLETE',
          'REVIEW',
          `data-source checks FAILED: ${failed.join(', ')}; re-verify before deciding`,
          DATA_COMPLETE_BASIS,
        );
  },
};
