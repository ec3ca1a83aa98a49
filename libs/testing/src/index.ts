export * from './application-fixtures';
export * from './databases';
export * from './redis-server';
export * from './redis-keys';
export * from './asyncapi-contract';
export * from './eligibility-cases';
export * from './workflow-fixtures';
export * from './lib-context';
