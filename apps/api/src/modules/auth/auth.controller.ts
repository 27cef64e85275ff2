import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { LoginResponse } from '@caseload/contracts';
import { InvalidParameterException } from '../../common/app.exception.js';
import { AuthService } from './auth.service.js';
import { Public } from './public.decorator.js';

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: unknown): Promise<LoginResponse> {
    const { email, password } = (body ?? {}) as Record<string, unknown>;
    if (typeof email !== 'string' || email.trim() === '' || email.length > 254) {
      throw new InvalidParameterException('email', 'is required (a JSON body {"email", "password"})');
    }
    if (typeof password !== 'string' || password === '' || password.length > 1024) {
      throw new InvalidParameterException('password', 'is required (a JSON body {"email", "password"})');
    }
    return this.auth.login(email, password);
  }
}
