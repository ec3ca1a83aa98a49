export * from './policy-parameter-version.entity';
export * from './policy-version-validation';
export * from './policy-view';
export * from './policy.module';
export * from './policy.service';
