import type { DeltaEntry } from './beneficiary.types';

/** The per-member figures of a verification report that the delta compares (a subset of SPEC 5.4 MemberReport). */
export interface DeltaMember {
  memberId: string;
  verified: {
    income: { wageFen: number; wageSource?: string | null; transferFen: number };
    assets: { financialAssetsFen: number; vehicles: number; dwellings: number; activeEnterprises: number };
  };
}

/** Each compared category, how to read it, and the departments that report it (SPEC 5.1). */
const CATEGORIES: { category: string; read: (m: DeltaMember) => number; sources: string[] }[] = [
  {
    category: 'wageFen',
    read: (m) => m.verified.income.wageFen,
    sources: ['SOCIAL_SECURITY', 'HOUSING_FUND', 'TAX'],
  },
  { category: 'transferFen', read: (m) => m.verified.income.transferFen, sources: ['SOCIAL_SECURITY'] },
  { category: 'financialAssetsFen', read: (m) => m.verified.assets.financialAssetsFen, sources: ['BANKING'] },
  { category: 'vehicles', read: (m) => m.verified.assets.vehicles, sources: ['VEHICLE'] },
  { category: 'dwellings', read: (m) => m.verified.assets.dwellings, sources: ['REAL_ESTATE'] },
  {
    category: 'activeEnterprises',
    read: (m) => m.verified.assets.activeEnterprises,
    sources: ['MARKET_REGULATION'],
  },
];

/** `source:memberId` → SHA-256 of that source's answer about the member in a run. */
export type AnswerHashes = ReadonlyMap<string, string>;

/**
 * SPEC 11.2 delta report: for each member and category, the last accepted figure, the new one, and the department
 * whose answer changed it (the first of the category's sources whose answer about the member differs between the two
 * runs; for the wage, the source the new figure came from when it reported one).
 */
export function deltaReport(
  previous: readonly DeltaMember[],
  current: readonly DeltaMember[],
  previousAnswers: AnswerHashes,
  currentAnswers: AnswerHashes,
): DeltaEntry[] {
  const before = new Map(previous.map((m) => [m.memberId, m]));
  const memberIds = [...new Set([...current.map((m) => m.memberId), ...previous.map((m) => m.memberId)])];
  const now = new Map(current.map((m) => [m.memberId, m]));
  const entries: DeltaEntry[] = [];
  for (const memberId of memberIds) {
    const old = before.get(memberId);
    const fresh = now.get(memberId);
    for (const { category, read, sources } of CATEGORIES) {
      const previousValue = old ? read(old) : null;
      const currentValue = fresh ? read(fresh) : null;
      const changed = previousValue !== currentValue;
      let source: string | null = null;
      if (changed) {
        const moved = sources.filter(
          (s) => previousAnswers.get(`${s}:${memberId}`) !== currentAnswers.get(`${s}:${memberId}`),
        );
        const wageSource = category === 'wageFen' ? (fresh?.verified.income.wageSource ?? null) : null;
        source = wageSource && moved.includes(wageSource) ? wageSource : (moved[0] ?? null);
      }
      entries.push({ memberId, category, previous: previousValue, current: currentValue, changed, source });
    }
  }
  return entries;
}

/**
 * SPEC 11.2 GRADUAL_EXIT condition: a counted member who was not EMPLOYED at the last assessment (declared so, with no
 * verified wage then) now has a verified employment wage.
 */
export function hasNewEmploymentIncome(
  previous: readonly DeltaMember[],
  current: readonly DeltaMember[],
  employmentOf: (memberId: string) => string | undefined,
): boolean {
  const before = new Map(previous.map((m) => [m.memberId, m]));
  return current.some((m) => {
    const then = before.get(m.memberId);
    const wasEmployed = employmentOf(m.memberId) === 'EMPLOYED' || (then?.verified.income.wageFen ?? 0) > 0;
    return !wasEmployed && m.verified.income.wageFen > 0;
  });
}
