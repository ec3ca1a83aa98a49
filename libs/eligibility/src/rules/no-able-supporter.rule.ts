import { NO_ABLE_SUPPORTER_BASIS } from '../legal-basis';
import { trace, type EligibilityRule } from './eligibility-rule';

/** TEKUN: no legal supporter, or none able to support (《特困人员认定办法》第四条(三)、第八条). */
export const noAbleSupporterRule: EligibilityRule = {
  id: 'NO_ABLE_SUPPORTER',
  programmes: ['TEKUN'],
  evaluate({ household }) {
    return household.hasAbleSupporter
      ? trace(
          'NO_ABLE_SUPPORTER',
          'FAIL',
          'the application records a legal supporter (赡养/抚养/扶养义务人) able to fulfil the obligation',
          NO_ABLE_SUPPORTER_BASIS,
        )
      : trace(
          'NO_ABLE_SUPPORTER',
          'PASS',
          'no legal supporter able to fulfil the obligation is recorded',
          NO_ABLE_SUPPORTER_BASIS,
        );
  },
};
