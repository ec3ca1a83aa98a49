import { Global, Module } from '@nestjs/common';
import { ConfigModule as NestConfigModule, registerAs, type ConfigType } from '@nestjs/config';
import { loadConfig } from './app-config';

/** Injection: `@Inject(appConfig.KEY) private readonly config: AppConfigType`. */
export const appConfig = registerAs('app', () => loadConfig(process.env));
export type AppConfigType = ConfigType<typeof appConfig>;

@Global()
@Module({
  imports: [NestConfigModule.forRoot({ ignoreEnvFile: true, load: [appConfig], cache: true })],
  exports: [NestConfigModule],
})
export class ConfigModule {}
