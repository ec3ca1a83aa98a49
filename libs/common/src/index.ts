export * from './canonical-json';
export * from './domain-error';
export * from './validation-problems';
