import { type MemberWithFacts } from '../assessment';
import { type Disability, type DisabilityCategory } from '../household.types';
import { NO_LABOUR_CAPACITY_BASIS } from '../legal-basis';
import { NO_COUNTED_MEMBERS, trace, type EligibilityRule } from './eligibility-rule';

/** The most severe grade (1) up to this grade qualifies; 0 = the category never qualifies (《特困人员认定办法》第五条(三)). */
const QUALIFYING_UP_TO_GRADE: Readonly<Record<DisabilityCategory, number>> = {
  INTELLECTUAL: 3,
  MENTAL: 3,
  PHYSICAL: 2,
  VISUAL: 1,
  HEARING: 0,
  SPEECH: 0,
  MULTIPLE: 0,
};

const ELDERLY_FROM_AGE = 60;
// 《特困人员认定办法》第五条 says under 16; the 2020 reform opinion 二(二)5 extended minors' coverage to 18.
const ADULT_FROM_AGE = 18;

type Capacity = 'NONE' | 'DECLARED_DISABILITY_ONLY' | 'CAPABLE';

interface MemberCapacity {
  readonly capacity: Capacity;
  readonly reason: string;
}

function qualifies(disability: Disability | null): disability is Disability {
  return disability !== null && disability.grade <= QUALIFYING_UP_TO_GRADE[disability.category];
}

function describe(disability: Disability): string {
  return `${disability.category} grade ${disability.grade}`;
}

function capacityOf({ member, facts }: MemberWithFacts): MemberCapacity {
  const who = `member ${member.memberId} aged ${member.ageOnCreation}`;
  if (member.ageOnCreation >= ELDERLY_FROM_AGE)
    return { capacity: 'NONE', reason: `${who} (${ELDERLY_FROM_AGE} or over)` };
  if (member.ageOnCreation < ADULT_FROM_AGE)
    return { capacity: 'NONE', reason: `${who} (under ${ADULT_FROM_AGE})` };
  const verified = facts?.disability ?? null;
  if (qualifies(verified))
    return { capacity: 'NONE', reason: `${who} with a verified ${describe(verified)} disability` };
  const certificate =
    verified === null ? 'no DISABILITY certificate' : `DISABILITY certificate ${describe(verified)}`;
  // A declared disability alone cannot establish incapacity, nor can it be dismissed without a look: REVIEW.
  if (qualifies(member.declaredDisability)) {
    return {
      capacity: 'DECLARED_DISABILITY_ONLY',
      reason: `${who} declares a ${describe(member.declaredDisability)} disability not verified (${certificate})`,
    };
  }
  return { capacity: 'CAPABLE', reason: `${who} without a qualifying disability (${certificate})` };
}

/**
 * TEKUN: every counted member is 60 or over, under 18, or has a verified qualifying disability. One member with
 * labour capacity FAILs the household; otherwise a qualifying disability that is only declared means REVIEW.
 */
export const noLabourCapacityRule: EligibilityRule = {
  id: 'NO_LABOUR_CAPACITY',
  programmes: ['TEKUN'],
  evaluate({ counted }) {
    if (counted.length === 0) {
      return trace('NO_LABOUR_CAPACITY', 'REVIEW', NO_COUNTED_MEMBERS, NO_LABOUR_CAPACITY_BASIS);
    }
    const members = counted.map(capacityOf);
    const reasons = (capacity: Capacity) =>
      members
        .filter((m) => m.capacity === capacity)
        .map((m) => m.reason)
        .join('; ');
    if (members.some((m) => m.capacity === 'CAPABLE')) {
      return trace(
        'NO_LABOUR_CAPACITY',
        'FAIL',
        `labour capacity: ${reasons('CAPABLE')}`,
        NO_LABOUR_CAPACITY_BASIS,
      );
    }
    if (members.some((m) => m.capacity === 'DECLARED_DISABILITY_ONLY')) {
      return trace(
        'NO_LABOUR_CAPACITY',
        'REVIEW',
        `qualifying disability only declared: ${reasons('DECLARED_DISABILITY_ONLY')}`,
        NO_LABOUR_CAPACITY_BASIS,
      );
    }
    return trace(
      'NO_LABOUR_CAPACITY',
      'PASS',
      `no labour capacity: ${reasons('NONE')}`,
      NO_LABOUR_CAPACITY_BASIS,
    );
  },
};
