import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { CapacityRejectedResponse, CapacityRowError } from '@caseload/contracts';
import { AppException } from '../../common/app.exception.js';

/** A list of the capacity model that was not replaced: every row problem, by row and column. Nothing changed. */
export class CapacityRejectedException extends AppException {
  constructor(
    message: string,
    readonly errors: CapacityRowError[],
  ) {
    super('CAPACITY_REJECTED', message, HttpStatus.BAD_REQUEST);
  }
}

/** Answers a refused list with its errors, which the application-wide filter does not carry. */
@Catch(CapacityRejectedException)
export class CapacityRejectedFilter implements ExceptionFilter {
  catch(exception: CapacityRejectedException, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body: CapacityRejectedResponse = { statusCode: 400, code: 'CAPACITY_REJECTED', message: exception.message, errors: exception.errors };
    response.status(HttpStatus.BAD_REQUEST).json(body);
  }
}
