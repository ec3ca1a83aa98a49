import { YONGZHOU_DEMO_PARAMETERS } from '@app/eligibility';
import {
  pickPolicyValues,
  POLICY_VALUE_NAMES,
  policyValuesProblems,
  SEEDED_REVIEW_POLICY,
  validatePolicyVersion,
  type PolicyValues,
} from './policy-version-validation';

const { version: _version, ...ENGINE_VALUES } = YONGZHOU_DEMO_PARAMETERS;
// SPEC 6.1: the engine's ten parameters and the two of dynamic management (11.2).
const DEMO_VALUES: PolicyValues = { ...ENGINE_VALUES, ...SEEDED_REVIEW_POLICY };

function body(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    areaCode: '431102',
    effectiveFrom: '2027-01-01',
    values: { ...DEMO_VALUES },
    legalBasis: '零陵区民政局 零民发〔2026〕9号',
    ...overrides,
  };
}

function withValue(name: keyof PolicyValues, value: unknown): Record<string, unknown> {
  return body({ values: { ...DEMO_VALUES, [name]: value } });
}

function problemsOf(input: unknown): { path: string; message: string }[] {
  const result = validatePolicyVersion(input);
  return result.ok ? [] : result.problems;
}

describe('validatePolicyVersion', () => {
  it('accepts a complete version and returns exactly its fields, legal basis trimmed', () => {
    const result = validatePolicyVersion(body({ legalBasis: '  永民发〔2027〕1号 ', areaCode: '431100' }));
    expect(result).toEqual({
      ok: true,
      value: {
        areaCode: '431100',
        effectiveFrom: '2027-01-01',
        values: DEMO_VALUES,
        legalBasis: '永民发〔2027〕1号',
      },
    });
  });

  it('lists every problem at once, with paths into values', () => {
    const { dibaoStandardRuralFen: _missing, ...incomplete } = DEMO_VALUES;
    const problems = problemsOf({
      areaCode: '431102001',
      effectiveFrom: '2026-02-30',
      values: { ...incomplete, edgeMultiplier: 0.5, maxDwellings: -1, incomeTolerancePct: 101, bonus: 1 },
      legalBasis: '   ',
      comment: 'x',
    });
    expect(problems.map((p) => p.path).sort()).toEqual([
      'areaCode',
      'comment',
      'effectiveFrom',
      'legalBasis',
      'values.bonus',
      'values.dibaoStandardRuralFen',
      'values.edgeMultiplier',
      'values.incomeTolerancePct',
      'values.maxDwellings',
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'areaCode', message: 'areaCode must be a city or county code, not a TOWNSHIP code' },
        { path: 'comment', message: 'unknown field' },
        { path: 'values.bonus', message: 'unknown field' },
        { path: 'values.dibaoStandardRuralFen', message: 'dibaoStandardRuralFen is required' },
        {
          path: 'values.edgeMultiplier',
          message: 'edgeMultiplier must be a decimal from 1 to 10 with at most 6 decimal places',
        },
        { path: 'values.maxDwellings', message: 'maxDwellings must be an integer ≥ 0' },
      ]),
    );
  });

  it.each([
    ['not an object', null],
    ['an array', [body()]],
    ['a string', 'areaCode=431102'],
  ])('refuses a body that is %s', (_what, input) => {
    expect(problemsOf(input)).toEqual([{ path: '', message: 'the body must be a JSON object' }]);
  });

  it('requires every field', () => {
    expect(problemsOf({}).map((p) => p.path)).toEqual(['areaCode', 'effectiveFrom', 'values', 'legalBasis']);
  });

  it.each([
    ['431100', true],
    ['431102', true],
    ['431102001', false],
    ['431102001001', false],
    ['430000', false],
    ['4311', false],
    [431102, false],
  ])('areaCode %p is accepted: %p', (areaCode, accepted) => {
    expect(problemsOf(body({ areaCode })).some((p) => p.path === 'areaCode')).toBe(!accepted);
  });

  it.each([
    ['2027-01-01', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2027-1-1', false],
    ['2027-01-01T00:00:00Z', false],
    [20270101, false],
  ])('effectiveFrom %p is accepted: %p', (effectiveFrom, accepted) => {
    expect(problemsOf(body({ effectiveFrom })).some((p) => p.path === 'effectiveFrom')).toBe(!accepted);
  });

  it('bounds the legal basis to 1–500 characters, counting characters rather than UTF-16 units', () => {
    expect(problemsOf(body({ legalBasis: '𠀀'.repeat(500) }))).toEqual([]);
    expect(problemsOf(body({ legalBasis: '法'.repeat(501) })).map((p) => p.path)).toEqual(['legalBasis']);
    expect(problemsOf(body({ legalBasis: '' })).map((p) => p.path)).toEqual(['legalBasis']);
    expect(problemsOf(body({ legalBasis: 42 })).map((p) => p.path)).toEqual(['legalBasis']);
  });
});

describe('policyValuesProblems', () => {
  it('accepts the seeded demonstration set', () => {
    expect(policyValuesProblems(DEMO_VALUES)).toEqual([]);
  });

  it('knows exactly the twelve parameters of SPEC 6.1', () => {
    expect([...POLICY_VALUE_NAMES].sort()).toEqual(Object.keys(DEMO_VALUES).sort());
    expect(POLICY_VALUE_NAMES).toHaveLength(12);
  });

  it('gradualExitMonths takes 1 to 6 months (SPEC 11.2: at most six)', () => {
    for (const good of [1, 3, 6]) expect(problemsOf(withValue('gradualExitMonths', good))).toEqual([]);
    for (const bad of [0, 7, 2.5, -1, '6', null])
      expect(problemsOf(withValue('gradualExitMonths', bad))).toEqual([
        { path: 'values.gradualExitMonths', message: 'gradualExitMonths must be an integer from 1 to 6' },
      ]);
  });

  it('lets the two review parameters be left out: the seeded values then apply', () => {
    expect(policyValuesProblems(ENGINE_VALUES)).toEqual([]);
    expect(pickPolicyValues(ENGINE_VALUES)).toEqual(DEMO_VALUES);
    const validated = validatePolicyVersion(body({ values: { ...ENGINE_VALUES } }));
    expect(validated.ok && validated.value.values).toEqual(DEMO_VALUES);
  });

  const counts = POLICY_VALUE_NAMES.filter((n) => !/Multiplier|Pct|gradualExitMonths/.test(n));

  it.each(counts)('%s takes integers ≥ 0 only', (name) => {
    expect(problemsOf(withValue(name, 0))).toEqual([]);
    expect(problemsOf(withValue(name, Number.MAX_SAFE_INTEGER))).toEqual([]);
    for (const bad of [-1, 1.5, Number.MAX_SAFE_INTEGER + 1, '100', null, Number.NaN, true])
      expect(problemsOf(withValue(name, bad))).toEqual([
        { path: `values.${name}`, message: `${name} must be an integer ≥ 0` },
      ]);
  });

  it.each(['edgeMultiplier', 'tekunMultiplier'] as const)(
    '%s takes decimals from 1 to 10 with at most 6 places',
    (name) => {
      for (const good of [1, 1.5, 1.333333, 10]) expect(problemsOf(withValue(name, good))).toEqual([]);
      for (const bad of [0.999999, 10.000001, 1.0000001, -1.5, '1.5', Number.POSITIVE_INFINITY, null])
        expect(problemsOf(withValue(name, bad)).map((p) => p.path)).toEqual([`values.${name}`]);
    },
  );

  it('takes incomeTolerancePct from 0 to 100 with at most 6 places', () => {
    for (const good of [0, 10, 12.5, 0.000001, 100])
      expect(problemsOf(withValue('incomeTolerancePct', good))).toEqual([]);
    for (const bad of [-0.5, 100.5, 1e-7, '10'])
      expect(problemsOf(withValue('incomeTolerancePct', bad))).toEqual([
        {
          path: 'values.incomeTolerancePct',
          message: 'incomeTolerancePct must be a decimal from 0 to 100 with at most 6 decimal places',
        },
      ]);
  });

  it('refuses a values field that is not an object, and inherited names as unknown fields', () => {
    expect(policyValuesProblems([DEMO_VALUES])).toEqual([
      { path: 'values', message: 'values must be an object of the SPEC 6.1 parameters' },
    ]);
    const withInherited = JSON.parse(JSON.stringify({ ...DEMO_VALUES, constructor: 1 })) as unknown;
    expect(policyValuesProblems(withInherited)).toEqual([
      { path: 'values.constructor', message: 'unknown field' },
    ]);
  });

  it('picks exactly the twelve parameters', () => {
    expect(pickPolicyValues({ ...DEMO_VALUES, extra: 1 } as PolicyValues)).toEqual(DEMO_VALUES);
  });
});
