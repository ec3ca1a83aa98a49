export * from './banking.connector';
export * from './civil-affairs.connector';
export * from './create-connectors';
export * from './disability.connector';
export * from './housing-fund.connector';
export * from './hukou.connector';
export {
  DEFAULT_TIMEOUT_MS,
  HttpSourceConnector,
  MAX_BATCH_SIZE,
  type PersonAnswer,
  type SourceRequest,
} from './http-source.connector';
export * from './market-regulation.connector';
export * from './public-payroll.connector';
export * from './real-estate.connector';
export * from './social-security.connector';
export * from './source-connector';
export * from './source-error';
export * from './source-keys';
export * from './source-records.types';
export * from './tax.connector';
export * from './vehicle.connector';
