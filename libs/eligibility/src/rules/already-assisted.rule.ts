import { ALREADY_ASSISTED_BASIS } from '../legal-basis';
import { ALL_PROGRAMMES, trace, type EligibilityRule } from './eligibility-rule';

/** REVIEW when civil affairs reports assistance already received, to prevent duplicate inclusion (2022 notice 三(一)). */
export const alreadyAssistedRule: EligibilityRule = {
  id: 'ALREADY_ASSISTED',
  programmes: ALL_PROGRAMMES,
  evaluate({ counted }) {
    const receiving = counted.flatMap(({ member, facts }) =>
      (facts?.civilAffairs?.receivingAssistance ?? []).map(
        (a) => `member ${member.memberId} receives ${a.programme} in area ${a.areaCode}`,
      ),
    );
    return receiving.length === 0
      ? trace(
          'ALREADY_ASSISTED',
          'PASS',
          'no counted member already receives assistance',
          ALREADY_ASSISTED_BASIS,
        )
      : trace('ALREADY_ASSISTED', 'REVIEW', receiving.join('; '), ALREADY_ASSISTED_BASIS);
  },
};
