import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/app.exception.js';

/** No such report, or one the user may not see (the same answer, so ids reveal nothing). */
export class ReportNotFoundException extends AppException {
  constructor(id: number | string) {
    super('REPORT_NOT_FOUND', `There is no report ${id} of yours.`, HttpStatus.NOT_FOUND);
  }
}

/** A report run, or its file, that does not exist (or is no longer kept). */
export class ReportRunNotFoundException extends AppException {
  constructor(message: string) {
    super('REPORT_RUN_NOT_FOUND', message, HttpStatus.NOT_FOUND);
  }
}

/** A field of a report that cannot be saved; the message names it. */
export class ReportInvalidException extends AppException {
  constructor(field: string, message: string) {
    super('REPORT_INVALID', `${field}: ${message}`, HttpStatus.BAD_REQUEST);
  }
}
