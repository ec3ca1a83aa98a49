import { type Department } from '../department.types';
import { type MockSourceCode } from '../source-codes';
import { bankingDepartment } from './banking.department';
import { civilAffairsDepartment } from './civil-affairs.department';
import { disabilityDepartment } from './disability.department';
import { housingFundDepartment } from './housing-fund.department';
import { hukouDepartment } from './hukou.department';
import { marketRegulationDepartment } from './market-regulation.department';
import { publicPayrollDepartment } from './public-payroll.department';
import { realEstateDepartment } from './real-estate.department';
import { socialSecurityDepartment } from './social-security.department';
import { taxDepartment } from './tax.department';
import { vehicleDepartment } from './vehicle.department';

/** Every mocked department by source code. */
export const DEPARTMENTS: Readonly<Record<MockSourceCode, Department>> = {
  HUKOU: hukouDepartment,
  VEHICLE: vehicleDepartment,
  SOCIAL_SECURITY: socialSecurityDepartment,
  REAL_ESTATE: realEstateDepartment,
  MARKET_REGULATION: marketRegulationDepartment,
  TAX: taxDepartment,
  HOUSING_FUND: housingFundDepartment,
  BANKING: bankingDepartment,
  CIVIL_AFFAIRS: civilAffairsDepartment,
  DISABILITY: disabilityDepartment,
  PUBLIC_PAYROLL: publicPayrollDepartment,
};
