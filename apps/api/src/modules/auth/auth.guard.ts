import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { refusal, ruleFor, type RouteRule } from './access-rules.js';
import { AccessDeniedException, UnauthenticatedException } from './auth.exception.js';
import { AuthService } from './auth.service.js';
import type { AuthUser } from './current-user.decorator.js';
import { routeKeysOf } from './route-inventory.js';

/**
 * Global guard: the route's entry in ROUTE_RULES decides. Public routes pass; every other
 * route needs a valid bearer token, then the user's role and scope must fit the rule.
 * A route with no entry is closed to everyone.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  /** Per handler: the rules of its routes (undefined where the table has none). */
  private readonly rules = new WeakMap<object, Array<RouteRule | undefined>>();

  constructor(private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rules = this.rulesOf(context.getClass(), context.getHandler());
    if (rules.length > 0 && rules.every((rule) => rule?.access === 'public')) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || token === undefined || token === '') throw new UnauthenticatedException();
    const user = await this.auth.authenticate(token);
    request.user = user;
    const reason = rules.length === 0 ? refusal(undefined, user) : rules.map((rule) => refusal(rule, user)).find((r) => r !== null);
    if (reason !== null && reason !== undefined) throw new AccessDeniedException(reason);
    return true;
  }

  private rulesOf(controller: object, handler: object): Array<RouteRule | undefined> {
    let rules = this.rules.get(handler);
    if (rules === undefined) {
      rules = routeKeysOf(controller, handler).map(ruleFor);
      this.rules.set(handler, rules);
    }
    return rules;
  }
}
