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
