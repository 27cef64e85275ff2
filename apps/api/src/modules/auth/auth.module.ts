import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, SERVER_SECRET } from '../../config/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { UserEntity } from './entities/user.entity.js';
import { UsersRepository } from './users.repository.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG, SERVER_SECRET],
      useFactory: (config: AppConfig, secret: string) => ({
        secret,
        signOptions: { expiresIn: config.tokenTtlSeconds, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, UsersRepository, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, UsersRepository],
})
export class AuthModule {}
