import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@caseload/contracts';

/** Who is asking: set by the auth guard from the token and the user's current record. */
export interface AuthUser {
  id: number;
  email: string;
  role: Role;
  /** Department codes the user is limited to; empty = all. */
  departments: string[];
}

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  return context.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
