import { HttpStatus } from '@nestjs/common';

/** A typed error with a code and a message a person can act on; the filter maps it to HTTP. */
export class AppException extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: HttpStatus = HttpStatus.BAD_REQUEST,
  ) {
    super(message);
  }
}

/** A request parameter that cannot be used; the message names it. */
export class InvalidParameterException extends AppException {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super('INVALID_PARAMETER', `${parameter}: ${message}`, HttpStatus.BAD_REQUEST);
  }
}
