export * from './audit-chain-head.entity';
export * from './audit-entry.entity';
export * from './audit-hash';
export * from './audit-verify.command';
export * from './audit-view';
export * from './audit.module';
export * from './audit.service';
export * from './audit.types';
