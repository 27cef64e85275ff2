import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/app.exception.js';

export class InvalidCredentialsException extends AppException {
  constructor() {
    super('INVALID_CREDENTIALS', 'The email or the password is not right.', HttpStatus.UNAUTHORIZED);
  }
}

export class UnauthenticatedException extends AppException {
  constructor(message = 'Sign in first: this route needs an Authorization: Bearer token.') {
    super('UNAUTHENTICATED', message, HttpStatus.UNAUTHORIZED);
  }
}

/** Signed in, but the role or the department scope does not allow this route. */
export class AccessDeniedException extends AppException {
  constructor(message: string) {
    super('FORBIDDEN', message, HttpStatus.FORBIDDEN);
  }
}

/** Too many failed sign-ins for this account or from this address; the password was not checked. */
export class SignInLockedException extends AppException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'TOO_MANY_ATTEMPTS',
      `Too many failed sign-ins; try again in ${describeWait(retryAfterSeconds)}.`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
