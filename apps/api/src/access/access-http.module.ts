import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard, AccessModule, UsersService } from '@app/access';
import { appConfig, type AppConfigType } from '@app/config';
import { AuthController } from './auth.controller';
import { UsersController } from './users.controller';

/** Login and user routes; the access guard on every route; the administrator bootstrap (SPEC 2.3). */
@Module({
  imports: [AccessModule],
  controllers: [AuthController, UsersController],
  providers: [{ provide: APP_GUARD, useExisting: AccessGuard }],
})
export class AccessHttpModule implements OnApplicationBootstrap {
  constructor(
    private readonly users: UsersService,
    @Inject(appConfig.KEY) private readonly config: AppConfigType,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.users.ensureAdministrator(this.config.admin.username, this.config.admin.password);
  }
}
