/**
 * The eleven departments of SPEC 5.1. The mock keeps its own copy of the contract strings: it shares no code
 * with the platform (dependency-cruiser rule `mock-sources-stand-alone`).
 */
export const MOCK_SOURCE_CODES = [
  'HUKOU',
  'VEHICLE',
  'SOCIAL_SECURITY',
  'REAL_ESTATE',
  'MARKET_REGULATION',
  'TAX',
  'HOUSING_FUND',
  'BANKING',
  'CIVIL_AFFAIRS',
  'DISABILITY',
  'PUBLIC_PAYROLL',
] as const;
export type MockSourceCode = (typeof MOCK_SOURCE_CODES)[number];

export function isMockSourceCode(value: string): value is MockSourceCode {
  return (MOCK_SOURCE_CODES as readonly string[]).includes(value);
}

const ID_NUMBER_SHAPE = /^\d{17}[\dX]$/;

/** Departments check the shape only; the check digit is the platform's business (SPEC 3.1). */
export function isIdNumberShape(value: unknown): value is string {
  return typeof value === 'string' && ID_NUMBER_SHAPE.test(value.toUpperCase());
}
