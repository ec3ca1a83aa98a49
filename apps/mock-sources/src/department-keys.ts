import { type MockSourceCode } from './source-codes';

/**
 * The development API key each mocked department accepts. The platform's connectors carry the same documented
 * values in their own table (libs/verification/src/connectors/source-keys.ts); real deployments configure real keys.
 */
export const DEPARTMENT_KEYS: Readonly<Record<MockSourceCode, string>> = {
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
