import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/app.exception.js';

/** The file as a whole cannot be imported (no header, a required column missing…). */
export class ImportRefusedException extends AppException {
  constructor(message: string) {
    super('IMPORT_REFUSED', message, HttpStatus.BAD_REQUEST);
  }
}

export class ImportNotFoundException extends AppException {
  constructor(id: string) {
    super('IMPORT_NOT_FOUND', `There is no import with id ${id}.`, HttpStatus.NOT_FOUND);
  }
}
