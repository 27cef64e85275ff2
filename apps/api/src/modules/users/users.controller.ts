import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { UserSummary, UsersResponse } from '@caseload/contracts';
import { ParseIdPipe, rejectUnknownParameters } from '../../common/query-parameters.js';
import { CurrentUser, type AuthUser } from '../auth/current-user.decorator.js';
import { parseCreateUser, parseResetPassword, parseUpdateUser } from './user-input.js';
import { UsersService, type Actor } from './users.service.js';

/** Administrators only (see access-rules.ts). */
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(@Query() query: Record<string, unknown>): Promise<UsersResponse> {
    rejectUnknownParameters(query, []);
    return this.users.list();
  }

  @Post()
  @HttpCode(201)
  create(@Body() body: unknown, @CurrentUser() user: AuthUser, @Req() request: Request): Promise<UserSummary> {
    return this.users.create(parseCreateUser(body), actorOf(user, request));
  }

  @Patch(':id')
  update(@Param('id', new ParseIdPipe()) id: number, @Body() body: unknown, @CurrentUser() user: AuthUser, @Req() request: Request): Promise<UserSummary> {
    return this.users.update(id, parseUpdateUser(body), actorOf(user, request));
  }

  /** Sets a new password; the user's existing sign-ins end. */
  @Post(':id/password')
  @HttpCode(204)
  async resetPassword(@Param('id', new ParseIdPipe()) id: number, @Body() body: unknown, @CurrentUser() user: AuthUser, @Req() request: Request): Promise<void> {
    await this.users.resetPassword(id, parseResetPassword(body).password, actorOf(user, request));
  }
}

function actorOf(user: AuthUser, request: Request): Actor {
  return { user, address: request.ip ?? null };
}
