import { type Residence } from './household.types';

/**
 * One effective version of the policy parameters of SPEC 6.1. Money is integer fen; the multipliers and the
 * tolerance percentage are decimals with at most 6 decimal places, which the engine turns into exact integer
 * ratios (1.5 → 15/10) so no amount of money is ever multiplied in floating point.
 */
export interface PolicyParameters {
  /** The id of the parameter version the caller resolved (SPEC 6.1); echoed as `policyVersion`. */
  readonly version: string;
  readonly dibaoStandardUrbanFen: number;
  readonly dibaoStandardRuralFen: number;
  readonly edgeMultiplier: number;
  readonly tekunMultiplier: number;
  /** DIBAO and TEKUN: financial assets ≤ months × standard × n. */
  readonly financialAssetMonths: number;
  readonly edgeFinancialAssetMonths: number;
  readonly maxDwellings: number;
  readonly enterpriseCapitalLimitFen: number;
  readonly incomeToleranceFen: number;
  readonly incomeTolerancePct: number;
}

/**
 * The seeded Yongzhou set of SPEC 6.1 (area 431100, effective 2026-01-01). DEMONSTRATION DATA: the official
 * Yongzhou standards were not found (domain research §10) and must be loaded by the city.
 */
export const YONGZHOU_DEMO_PARAMETERS: PolicyParameters = Object.freeze({
  version: '00000000-0000-4000-8000-431100260101',
  dibaoStandardUrbanFen: 65000,
  dibaoStandardRuralFen: 45000,
  edgeMultiplier: 1.5,
  tekunMultiplier: 1.3,
  financialAssetMonths: 24,
  edgeFinancialAssetMonths: 36,
  maxDwellings: 1,
  enterpriseCapitalLimitFen: 20000000,
  incomeToleranceFen: 10000,
  incomeTolerancePct: 10,
});

/** The monthly dibao standard that applies to the application's residence (SPEC 6.1). */
export function standardFor(params: PolicyParameters, residence: Residence): number {
  return residence === 'URBAN' ? params.dibaoStandardUrbanFen : params.dibaoStandardRuralFen;
}

/** True for the seeded demonstration set, whose legal-basis citations must say so. */
export function isDemonstrationPolicy(params: PolicyParameters): boolean {
  return params.version === YONGZHOU_DEMO_PARAMETERS.version;
}
