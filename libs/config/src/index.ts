export * from './app-config';
export * from './config.module';
export {
  DEV_DEFAULTS,
  DEV_SOURCE_KEYS,
  EnvironmentVariables,
  durationSeconds,
  SOURCE_KEY_CODES,
  type SourceKeyCode,
} from './environment';
