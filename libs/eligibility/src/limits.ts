import { type Programme } from './household.types';
import { decimalRatio, formatDecimal, formatYuan, multiplyFloor } from './money';
import { type PolicyParameters } from './policy-parameters';

export interface IncomeLimit {
  readonly fen: number;
  /** How the limit reads in a rule detail, e.g. `standard 650.00 yuan`. */
  readonly label: string;
}

/** The per-capita income a household must stay strictly below (SPEC 6.3 INCOME). */
export function incomeLimit(
  programme: Programme,
  params: PolicyParameters,
  standardFen: number,
): IncomeLimit {
  if (programme !== 'EDGE') return { fen: standardFen, label: `standard ${formatYuan(standardFen)} yuan` };
  // ⌊edgeMultiplier × standard⌋ over the exact decimal ratio: 1.5 × 65 001 fen is 97 501 fen, not 97 501.5.
  const ratio = decimalRatio(params.edgeMultiplier);
  const fen = multiplyFloor(ratio, standardFen);
  return {
    fen,
    label: `edge limit ${formatYuan(fen)} yuan = ⌊${formatDecimal(ratio)} × standard ${formatYuan(standardFen)} yuan⌋`,
  };
}

/** months × standard × n, in BigInt so no product of policy values can lose precision. */
export function financialAssetLimitFen(months: number, standardFen: number, n: number): bigint {
  return BigInt(months) * BigInt(standardFen) * BigInt(n);
}

export function financialAssetMonthsFor(programme: Programme, params: PolicyParameters): number {
  return programme === 'EDGE' ? params.edgeFinancialAssetMonths : params.financialAssetMonths;
}
