import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'caseload:public';

/**
 * Marks a route that needs no bearer token (health, login), for the reader. What the guard
 * obeys is ROUTE_RULES (access-rules.ts); the authorization-matrix test checks that the two agree.
 */
export const Public = () => SetMetadata(IS_PUBLIC, true);
