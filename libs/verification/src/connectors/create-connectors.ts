import { type SourceCode } from '@app/eligibility';
import { BankingConnector } from './banking.connector';
import { CivilAffairsConnector } from './civil-affairs.connector';
import { DisabilityConnector } from './disability.connector';
import { HousingFundConnector } from './housing-fund.connector';
import { HukouConnector } from './hukou.connector';
import { MarketRegulationConnector } from './market-regulation.connector';
import { PublicPayrollConnector } from './public-payroll.connector';
import { RealEstateConnector } from './real-estate.connector';
import { SocialSecurityConnector } from './social-security.connector';
import { type ConnectorOptions, type ConnectorsBySource } from './source-connector';
import { TaxConnector } from './tax.connector';
import { VehicleConnector } from './vehicle.connector';

export interface CreateConnectorsOptions extends Omit<ConnectorOptions, 'baseUrl' | 'apiKey'> {
  /** API keys per source; a source left out uses its development key. */
  readonly keys?: Partial<Readonly<Record<SourceCode, string>>>;
}

/** One connector per department, all at one base URL (in development and tests: the mocked departments). */
export function createConnectors(baseUrl: string, options: CreateConnectorsOptions = {}): ConnectorsBySource {
  const { keys = {}, ...shared } = options;
  const optionsFor = (source: SourceCode): ConnectorOptions => {
    const apiKey = keys[source];
    return apiKey === undefined ? { ...shared, baseUrl } : { ...shared, baseUrl, apiKey };
  };
  return {
    HUKOU: new HukouConnector(optionsFor('HUKOU')),
    VEHICLE: new VehicleConnector(optionsFor('VEHICLE')),
    SOCIAL_SECURITY: new SocialSecurityConnector(optionsFor('SOCIAL_SECURITY')),
    REAL_ESTATE: new RealEstateConnector(optionsFor('REAL_ESTATE')),
    MARKET_REGULATION: new MarketRegulationConnector(optionsFor('MARKET_REGULATION')),
    TAX: new TaxConnector(optionsFor('TAX')),
    HOUSING_FUND: new HousingFundConnector(optionsFor('HOUSING_FUND')),
    BANKING: new BankingConnector(optionsFor('BANKING')),
    CIVIL_AFFAIRS: new CivilAffairsConnector(optionsFor('CIVIL_AFFAIRS')),
    DISABILITY: new DisabilityConnector(optionsFor('DISABILITY')),
    PUBLIC_PAYROLL: new PublicPayrollConnector(optionsFor('PUBLIC_PAYROLL')),
  };
}
