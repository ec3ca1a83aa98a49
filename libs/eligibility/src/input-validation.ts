import {
  DISABILITY_CATEGORIES,
  DISABILITY_GRADES,
  EXCLUSIONS,
  PROGRAMMES,
  RELATIONS,
  RESIDENCES,
  type HouseholdInput,
} from './household.types';
import { isPlainDecimal } from './money';
import { type PolicyParameters } from './policy-parameters';
import {
  BUSINESS_KINDS,
  BUSINESS_ROLES,
  BUSINESS_STATUSES,
  PENSION_TYPES,
  PROPERTY_TYPES,
  SOURCE_CODES,
  type VerifiedFacts,
} from './verified-facts.types';

/*
 * The engine re-checks its whole input before computing: the input comes back from a stored decision record as
 * parsed JSON, where the types are only a promise, and a fractional or negative "fen" would silently break the
 * exact arithmetic of SPEC 6. Intake and the connectors validate first, so a problem here is a platform bug.
 */

export interface InputProblem {
  readonly path: string;
  readonly message: string;
}

/** Thrown by `assess`, `evaluate` and `findDiscrepancies` on an input that breaks the engine's invariants. */
export class EligibilityInputError extends Error {
  readonly code = 'ELIGIBILITY_INPUT_INVALID';

  constructor(readonly problems: readonly InputProblem[]) {
    super(`Invalid eligibility input: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'EligibilityInputError';
  }
}

type ScalarKind =
  'fen' | 'positiveFen' | 'count' | 'age' | 'decimal' | 'positiveDecimal' | 'text' | 'date' | 'boolean';

type Schema =
  | { readonly kind: ScalarKind }
  | { readonly kind: 'oneOf'; readonly values: readonly (string | number)[] }
  | { readonly kind: 'nullable'; readonly inner: Schema }
  | { readonly kind: 'array'; readonly item: Schema }
  | { readonly kind: 'object'; readonly fields: Readonly<Record<string, Schema>> };

const fen: Schema = { kind: 'fen' };
const positiveFen: Schema = { kind: 'positiveFen' };
const count: Schema = { kind: 'count' };
const text: Schema = { kind: 'text' };
const boolean: Schema = { kind: 'boolean' };
const date: Schema = { kind: 'date' };
const oneOf = (values: readonly (string | number)[]): Schema => ({ kind: 'oneOf', values });
const nullable = (inner: Schema): Schema => ({ kind: 'nullable', inner });
const array = (item: Schema): Schema => ({ kind: 'array', item });
const object = (fields: Record<string, Schema>): Schema => ({ kind: 'object', fields });

const disability = object({ category: oneOf(DISABILITY_CATEGORIES), grade: oneOf(DISABILITY_GRADES) });

const HOUSEHOLD = object({
  programme: oneOf(PROGRAMMES),
  residence: oneOf(RESIDENCES),
  hasAbleSupporter: boolean,
  createdOn: date,
  members: array(
    object({
      memberId: text,
      relation: oneOf(RELATIONS),
      coResident: boolean,
      exclusion: nullable(oneOf(EXCLUSIONS)),
      ageOnCreation: { kind: 'age' },
      declaredDisability: nullable(disability),
      declaredMonthlyIncome: object({
        wageFen: fen,
        businessFen: fen,
        propertyFen: fen,
        transferFen: fen,
        excludedFen: fen,
      }),
      declaredAssets: object({ depositsFen: fen, securitiesFen: fen, vehicles: count, dwellings: count }),
    }),
  ),
});

const FACTS = object({
  members: array(
    object({
      memberId: text,
      hukou: nullable(object({ found: boolean, deceased: boolean, deathDate: nullable(date) })),
      vehicles: nullable(array(object({ disabilityMobility: boolean }))),
      socialSecurity: nullable(
        object({
          employments: array(object({ monthlyWageFen: fen })),
          pensions: array(object({ type: oneOf(PENSION_TYPES), monthlyFen: fen, centralBaseFen: fen })),
          unemploymentBenefitMonthlyFen: fen,
        }),
      ),
      realEstate: nullable(array(object({ certificateNo: text, type: oneOf(PROPERTY_TYPES) }))),
      businesses: nullable(
        array(
          object({
            kind: oneOf(BUSINESS_KINDS),
            role: oneOf(BUSINESS_ROLES),
            registeredCapitalFen: fen,
            status: oneOf(BUSINESS_STATUSES),
          }),
        ),
      ),
      tax: nullable(object({ annualTaxableWageFen: fen })),
      housingFund: nullable(object({ baseFen: fen })),
      banking: nullable(object({ depositsFen: fen, securitiesFen: fen, wealthProductsFen: fen })),
      civilAffairs: nullable(
        object({ receivingAssistance: array(object({ programme: text, areaCode: text })) }),
      ),
      disability: nullable(disability),
      publicPayroll: nullable(boolean),
    }),
  ),
  failedSources: array(oneOf(SOURCE_CODES)),
});

const PARAMETERS = object({
  version: text,
  dibaoStandardUrbanFen: positiveFen,
  dibaoStandardRuralFen: positiveFen,
  edgeMultiplier: { kind: 'positiveDecimal' },
  tekunMultiplier: { kind: 'positiveDecimal' },
  financialAssetMonths: count,
  edgeFinancialAssetMonths: count,
  maxDwellings: count,
  enterpriseCapitalLimitFen: fen,
  incomeToleranceFen: fen,
  incomeTolerancePct: { kind: 'decimal' },
});

const MAX_AGE = 150;

function isRealDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/** The message for a value that breaks a scalar schema, or null when it conforms. */
function scalarProblem(value: unknown, kind: ScalarKind): string | null {
  switch (kind) {
    case 'fen':
      return Number.isSafeInteger(value) && (value as number) >= 0
        ? null
        : 'must be a non-negative integer of fen';
    case 'positiveFen':
      return Number.isSafeInteger(value) && (value as number) > 0
        ? null
        : 'must be a positive integer of fen';
    case 'count':
      return Number.isSafeInteger(value) && (value as number) >= 0 ? null : 'must be a non-negative integer';
    case 'age':
      return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_AGE
        ? null
        : `must be an integer from 0 to ${MAX_AGE}`;
    case 'decimal':
      return isPlainDecimal(value) ? null : 'must be a non-negative decimal with at most 6 decimal places';
    case 'positiveDecimal':
      return isPlainDecimal(value) && value > 0
        ? null
        : 'must be a positive decimal with at most 6 decimal places';
    case 'text':
      return typeof value === 'string' && value.length > 0 ? null : 'must be a non-empty string';
    case 'date':
      return isRealDate(value) ? null : 'must be a real date written YYYY-MM-DD';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
  }
}

function check(value: unknown, schema: Schema, path: string, problems: InputProblem[]): void {
  switch (schema.kind) {
    case 'nullable':
      if (value !== null) check(value, schema.inner, path, problems);
      return;
    case 'oneOf':
      if (!schema.values.includes(value as string | number)) {
        problems.push({ path, message: `must be one of ${schema.values.join(', ')}` });
      }
      return;
    case 'array':
      if (!Array.isArray(value)) {
        problems.push({ path, message: 'must be an array' });
        return;
      }
      value.forEach((item, index) => check(item, schema.item, `${path}[${index}]`, problems));
      return;
    case 'object':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push({ path, message: 'must be an object' });
        return;
      }
      for (const [key, fieldSchema] of Object.entries(schema.fields)) {
        check((value as Record<string, unknown>)[key], fieldSchema, `${path}.${key}`, problems);
      }
      return;
    case 'fen':
    case 'positiveFen':
    case 'count':
    case 'age':
    case 'decimal':
    case 'positiveDecimal':
    case 'text':
    case 'date':
    case 'boolean': {
      const message = scalarProblem(value, schema.kind);
      if (message !== null) problems.push({ path, message });
    }
  }
}

function checkUniqueIds(members: unknown, path: string, problems: InputProblem[]): void {
  if (!Array.isArray(members)) return;
  const seen = new Set<string>();
  members.forEach((member: unknown, index) => {
    const id = (member as { memberId?: unknown } | null)?.memberId;
    if (typeof id !== 'string') return; // already reported by the schema
    if (seen.has(id))
      problems.push({ path: `${path}[${index}].memberId`, message: 'duplicates an earlier member' });
    seen.add(id);
  });
}

/** Every problem with the engine's input at once, with paths like `household.members[1].ageOnCreation`. */
export function validateEligibilityInput(
  household: HouseholdInput,
  facts: VerifiedFacts,
  params: PolicyParameters,
): InputProblem[] {
  const problems: InputProblem[] = [];
  check(household, HOUSEHOLD, 'household', problems);
  check(facts, FACTS, 'facts', problems);
  check(params, PARAMETERS, 'params', problems);
  checkUniqueIds((household as { members?: unknown } | null)?.members, 'household.members', problems);
  checkUniqueIds((facts as { members?: unknown } | null)?.members, 'facts.members', problems);
  return problems;
}

export function assertValidEligibilityInput(
  household: HouseholdInput,
  facts: VerifiedFacts,
  params: PolicyParameters,
): void {
  const problems = validateEligibilityInput(household, facts, params);
  if (problems.length > 0) throw new EligibilityInputError(problems);
}
