import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/app.exception.js';

/** A fee-schedule file that cannot be loaded; the message names the row and the column. Nothing was changed. */
export class FeeScheduleRejectedException extends AppException {
  constructor(message: string) {
    super('FEE_SCHEDULE_REJECTED', message, HttpStatus.BAD_REQUEST);
  }
}
