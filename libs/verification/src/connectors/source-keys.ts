import { type SourceCode } from '@app/eligibility';

/**
 * The documented development keys of the mocked departments (apps/mock-sources keeps the same values in its own
 * table: the two share no code). Real departments' keys must come from configuration, never from this table.
 */
export const DEV_SOURCE_KEYS: Readonly<Record<SourceCode, string>> = {
  HUKOU: 'dev-hukou-key',
  VEHICLE: 'dev-vehicle-key',
  SOCIAL_SECURITY: 'dev-social-security-key',
  REAL_ESTATE: 'dev-real-estate-key',
  MARKET_REGULATION: 'dev-market-regulation-key',
  TAX: 'dev-tax-key',
  HOUSING_FUND: 'dev-housing-fund-key',
  BANKING: 'dev-banking-key',
  CIVIL_AFFAIRS: 'dev-civil-affairs-key',
  DISABILITY: 'dev-disability-key',
  PUBLIC_PAYROLL: 'dev-public-payroll-key',
};
