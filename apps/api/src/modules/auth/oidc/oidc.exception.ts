import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../../common/app.exception.js';

/** The single sign-on routes when no identity provider is configured. */
export class OidcDisabledException extends AppException {
  constructor() {
    super('OIDC_DISABLED', 'Single sign-on is not set up on this server; sign in with an email and a password.', HttpStatus.NOT_FOUND);
  }
}

/**
 * A sign-in through the provider that cannot go on. `message` is shown to the person (short,
 * no detail an attacker could use); `reason` goes to the audit log.
 */
export class OidcSignInRefused extends Error {
  constructor(
    readonly reason: string,
    message: string,
    readonly email: string | null = null,
  ) {
    super(message);
  }
}
