export * from './data-source-options';
export * from './database.module';
export * from './migrate';
export * from './transaction';
export * from './database-roles';
export * from './runtime-role.check';
