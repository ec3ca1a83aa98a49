import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuditModule } from '@app/audit';
import { appConfig, type AppConfigType } from '@app/config';
import { AccessGuard } from './access.guard';
import { AreaScope } from './area-scope';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { TokenStateCache } from './token-state.cache';
import { UsersService } from './users.service';

/** Users, login, bearer tokens and the access guard. The DataSource comes from the app's DatabaseModule. */
@Module({
  imports: [
    AuditModule,
    JwtModule.registerAsync({
      inject: [appConfig.KEY],
      useFactory: (config: AppConfigType) => ({
        // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails) to parse it as a PEM
        // public key on every verify, which cost more CPU than the rest of the authentication (bench:intake).
        secret: createSecretKey(Buffer.from(config.jwt.secret, 'utf8')),
        signOptions: { algorithm: 'HS256', issuer: 'hev' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'hev' },
      }),
    }),
  ],
  providers: [UsersService, AuthService, LoginThrottle, TokenStateCache, AccessGuard, AreaScope],
  exports: [UsersService, AuthService, TokenStateCache, AccessGuard, AreaScope],
})
export class AccessModule {}
