import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { LoginResponse } from '@caseload/contracts';
import { InvalidParameterException } from '../../common/app.exception.js';
import { SignInLockedException } from './auth.exception.js';
import { AuthService } from './auth.service.js';
import { CurrentUser, type AuthUser } from './current-user.decorator.js';
import type { AuthOptionsResponse } from './oidc/auth-options.js';
import { OidcService } from './oidc/oidc.service.js';
import { Public } from './public.decorator.js';

@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly oidc: OidcService,
  ) {}

  /** What the login page may offer: the password form always, single sign-on when configured. */
  @Public()
  @Get('options')
  options(): AuthOptionsResponse {
    return this.oidc.options();
  }

  /** The signed-in user as a login answer describes them (after single sign-on, the web app has only the token). */
  @Get('me')
  me(@CurrentUser() user: AuthUser): LoginResponse['user'] {
    return { id: user.id, email: user.email, role: user.role, departments: user.departments };
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: unknown, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<LoginResponse> {
    const { email, password } = (body ?? {}) as Record<string, unknown>;
    if (typeof email !== 'string' || email.trim() === '' || email.length > 254) {
      throw new InvalidParameterException('email', 'is required (a JSON body {"email", "password"})');
    }
    if (typeof password !== 'string' || password === '' || password.length > 1024) {
      throw new InvalidParameterException('password', 'is required (a JSON body {"email", "password"})');
    }
    try {
      return await this.auth.login(email, password, request.ip ?? request.socket.remoteAddress ?? 'unknown');
    } catch (error) {
      if (error instanceof SignInLockedException) response.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }
}
