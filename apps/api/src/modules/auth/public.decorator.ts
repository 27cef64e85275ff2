import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'caseload:public';

/** Marks a route that needs no bearer token (health, login). Every other route does. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
