export * from './id-number';
export * from './pii-cipher';
export * from './privacy.module';
