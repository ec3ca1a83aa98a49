export * from './canonical-json';
export * from './domain-error';
export * from './validation-problems';
export * from './hostile-input';
export * from './public-route';
export * from './query-limits';
export * from './ed25519-signer';
