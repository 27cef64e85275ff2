import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiErrorResponse } from '@caseload/contracts';
import { AppException } from './app.exception.js';

/**
 * The one place errors become HTTP: typed errors keep their status and message; anything
 * unexpected is logged (without the request's data) and answered with a plain 500 that
 * carries no stack trace.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorResponse {
    if (exception instanceof AppException) {
      return { statusCode: exception.status, code: exception.code, message: exception.message };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      const message =
        typeof payload === 'object' && payload !== null && 'message' in payload
          ? [(payload as { message: unknown }).message].flat().join('; ')
          : exception.message;
      return { statusCode: status, code: HttpStatus[status] ?? 'HTTP_ERROR', message };
    }
    const error = exception as { type?: string; status?: number };
    if (error?.type === 'entity.parse.failed') {
      return { statusCode: 400, code: 'MALFORMED_BODY', message: 'The request body is not valid JSON.' };
    }
    if (error?.type === 'entity.too.large') {
      return { statusCode: 413, code: 'BODY_TOO_LARGE', message: 'The request body is too large.' };
    }
    this.logger.error(exception instanceof Error ? `${exception.name}: ${exception.message}\n${exception.stack}` : 'unknown error');
    return { statusCode: 500, code: 'INTERNAL', message: 'Something went wrong on the server; it has been logged. Try again.' };
  }
}
