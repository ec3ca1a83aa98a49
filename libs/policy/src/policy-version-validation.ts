import { AreaLevel, areaLevelOf } from '@app/areas';
import { isRealDate, type FieldProblem } from '@app/common';
import { type PolicyParameters } from '@app/eligibility';

/** The parameters of dynamic management (SPEC 11.2); not used by the eligibility engine. */
export interface ReviewPolicyValues {
  /** A recomputed benefit that differs by less than this is not adjusted (Art. 31). */
  readonly reviewAdjustmentThresholdFen: number;
  /** Length of a gradual exit (渐退期), 1 to 6 months. */
  readonly gradualExitMonths: number;
}

/** The seeded values of SPEC 6.1; also what a new version that leaves them out gets (docs/decisions.md). */
export const SEEDED_REVIEW_POLICY: ReviewPolicyValues = Object.freeze({
  reviewAdjustmentThresholdFen: 2000,
  gradualExitMonths: 6,
});

/** The twelve parameter values of SPEC 6.1: a policy version without its id. */
export type PolicyValues = Omit<PolicyParameters, 'version'> & ReviewPolicyValues;

/** How a parameter is written: integer fen, months or counts; a multiplier; a percentage; 1–6 months. */
export type PolicyValueKind = 'COUNT' | 'MULTIPLIER' | 'PERCENT' | 'EXIT_MONTHS';

/** The longest gradual exit the rules allow (SPEC 11.2: at most six months). */
export const MAX_GRADUAL_EXIT_MONTHS = 6;

/** Every parameter of SPEC 6.1 and its kind; a Record, so a parameter added to the type must be listed here. */
export const POLICY_VALUE_KINDS: Readonly<Record<keyof PolicyValues, PolicyValueKind>> = Object.freeze({
  dibaoStandardUrbanFen: 'COUNT',
  dibaoStandardRuralFen: 'COUNT',
  edgeMultiplier: 'MULTIPLIER',
  tekunMultiplier: 'MULTIPLIER',
  financialAssetMonths: 'COUNT',
  edgeFinancialAssetMonths: 'COUNT',
  maxDwellings: 'COUNT',
  enterpriseCapitalLimitFen: 'COUNT',
  incomeToleranceFen: 'COUNT',
  incomeTolerancePct: 'PERCENT',
  reviewAdjustmentThresholdFen: 'COUNT',
  gradualExitMonths: 'EXIT_MONTHS',
});

export const POLICY_VALUE_NAMES = Object.keys(POLICY_VALUE_KINDS) as readonly (keyof PolicyValues)[];

export const LEGAL_BASIS_MAX_LENGTH = 500;

/** `POST /api/v1/policy/parameters` once validated (SPEC 6.1). */
export interface NewPolicyVersion {
  areaCode: string;
  effectiveFrom: string;
  values: PolicyValues;
  legalBasis: string;
}

export type PolicyVersionValidation =
  { ok: true; value: NewPolicyVersion } | { ok: false; problems: FieldProblem[] };

const BODY_FIELDS = ['areaCode', 'effectiveFrom', 'values', 'legalBasis'] as const;

/** The eligibility engine's own decimal form: it turns such a number into an exact ratio (1.5 → 15/10). */
const DECIMAL_PATTERN = /^\d+(?:\.\d{1,6})?$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDecimalBetween(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && DECIMAL_PATTERN.test(String(value)) && value >= min && value <= max;
}

function valueProblem(name: keyof PolicyValues, value: unknown): string | null {
  switch (POLICY_VALUE_KINDS[name]) {
    case 'COUNT':
      return Number.isSafeInteger(value) && (value as number) >= 0 ? null : `${name} must be an integer ≥ 0`;
    case 'MULTIPLIER':
      return isDecimalBetween(value, 1, 10)
        ? null
        : `${name} must be a decimal from 1 to 10 with at most 6 decimal places`;
    case 'PERCENT':
      return isDecimalBetween(value, 0, 100)
        ? null
        : `${name} must be a decimal from 0 to 100 with at most 6 decimal places`;
    case 'EXIT_MONTHS':
      return Number.isSafeInteger(value) &&
        (value as number) >= 1 &&
        (value as number) <= MAX_GRADUAL_EXIT_MONTHS
        ? null
        : `${name} must be an integer from 1 to ${MAX_GRADUAL_EXIT_MONTHS}`;
  }
}

/** Problems of a parameter set: it must be complete, with nothing unknown, each value of its kind (SPEC 6.1). */
export function policyValuesProblems(values: unknown, path = 'values'): FieldProblem[] {
  if (!isRecord(values)) return [{ path, message: `${path} must be an object of the SPEC 6.1 parameters` }];
  const problems: FieldProblem[] = [];
  for (const name of POLICY_VALUE_NAMES) {
    if (!Object.hasOwn(values, name) || values[name] === undefined) {
      // The parameters added with SPEC 11 may be left out: the seeded value applies.
      if (Object.hasOwn(SEEDED_REVIEW_POLICY, name)) continue;
      problems.push({ path: `${path}.${name}`, message: `${name} is required` });
      continue;
    }
    const message = valueProblem(name, values[name]);
    if (message !== null) problems.push({ path: `${path}.${name}`, message });
  }
  for (const key of Object.keys(values))
    if (!Object.hasOwn(POLICY_VALUE_KINDS, key))
      problems.push({ path: `${path}.${key}`, message: 'unknown field' });
  return problems;
}

function areaCodeProblem(areaCode: unknown): string | null {
  if (typeof areaCode !== 'string') return 'areaCode is required: a 6-digit city or county code';
  const level = areaLevelOf(areaCode);
  // SPEC 6.1: parameters are set per city, and per county where the county departs from the city.
  if (level === AreaLevel.CITY || level === AreaLevel.COUNTY) return null;
  return level === null
    ? 'areaCode must be a 6-digit city or county code'
    : `areaCode must be a city or county code, not a ${level} code`;
}

/**
 * Validates a new policy version as received, listing every problem at once with its path; unknown fields, at the
 * top and inside `values`, are problems too. Whether the area exists and lies in the caller's scope is the service's.
 */
export function validatePolicyVersion(body: unknown): PolicyVersionValidation {
  if (!isRecord(body))
    return { ok: false, problems: [{ path: '', message: 'the body must be a JSON object' }] };
  const problems: FieldProblem[] = [];

  const areaProblem = areaCodeProblem(body.areaCode);
  if (areaProblem !== null) problems.push({ path: 'areaCode', message: areaProblem });

  const { effectiveFrom } = body;
  if (typeof effectiveFrom !== 'string' || !isRealDate(effectiveFrom))
    problems.push({ path: 'effectiveFrom', message: 'effectiveFrom must be a real date written YYYY-MM-DD' });

  problems.push(...policyValuesProblems(body.values));

  const legalBasis = typeof body.legalBasis === 'string' ? body.legalBasis.trim() : null;
  const length = legalBasis === null ? 0 : [...legalBasis].length;
  if (length < 1 || length > LEGAL_BASIS_MAX_LENGTH)
    problems.push({
      path: 'legalBasis',
      message: `legalBasis must be text of 1–${LEGAL_BASIS_MAX_LENGTH} characters citing the regulation`,
    });

  for (const key of Object.keys(body))
    if (!(BODY_FIELDS as readonly string[]).includes(key))
      problems.push({ path: key, message: 'unknown field' });

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      areaCode: body.areaCode as string,
      effectiveFrom: effectiveFrom as string,
      values: pickPolicyValues(body.values as PolicyValues),
      legalBasis: legalBasis as string,
    },
  };
}

/**
 * Exactly the twelve parameters, in their canonical order, whatever else the source object holds; a review parameter
 * the source lacks gets its seeded value.
 */
export function pickPolicyValues(source: Partial<PolicyValues>): PolicyValues {
  const defaults: Partial<Record<keyof PolicyValues, number>> = SEEDED_REVIEW_POLICY;
  const picked: Partial<Record<keyof PolicyValues, number>> = {};
  for (const name of POLICY_VALUE_NAMES) picked[name] = source[name] ?? defaults[name];
  return picked as PolicyValues;
}
