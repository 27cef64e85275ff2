import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/app.exception.js';

export class UserNotFoundException extends AppException {
  constructor(id: number) {
    super('USER_NOT_FOUND', `There is no user ${id}.`, HttpStatus.NOT_FOUND);
  }
}

export class EmailTakenException extends AppException {
  constructor(email: string) {
    super('EMAIL_TAKEN', `email: another user already signs in as ${email}; pick another address or edit that user.`, HttpStatus.CONFLICT);
  }
}

/** An administrator would lock themself out (or leave the product without an administrator). */
export class SelfLockoutException extends AppException {
  constructor(message: string) {
    super('SELF_LOCKOUT', message, HttpStatus.BAD_REQUEST);
  }
}
