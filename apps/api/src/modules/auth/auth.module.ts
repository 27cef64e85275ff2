import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, SERVER_SECRET } from '../../config/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { UserEntity } from './entities/user.entity.js';
import { LoginThrottle } from './login-throttle.js';
import { OidcController } from './oidc/oidc.controller.js';
import { OidcService } from './oidc/oidc.service.js';
import { PendingLogins } from './oidc/pending-logins.js';
import { RouteInventory } from './route-inventory.js';
import { UsersRepository } from './users.repository.js';

@Module({
  imports: [
    DiscoveryModule,
    TypeOrmModule.forFeature([UserEntity]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG, SERVER_SECRET],
      useFactory: (config: AppConfig, secret: string) => ({
        // A key object, not a string: given a string, the JWT library first tries to read it
        // as a public key on every verification, which costs about a millisecond a request.
        secret: createSecretKey(Buffer.from(secret, 'utf8')),
        signOptions: { expiresIn: config.tokenTtlSeconds, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, OidcController],
  providers: [AuthService, UsersRepository, LoginThrottle, RouteInventory, OidcService, PendingLogins, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, UsersRepository, LoginThrottle, RouteInventory],
})
export class AuthModule {}
