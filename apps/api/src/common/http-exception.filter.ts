import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ApiErrorResponse } from '@caseload/contracts';
import { AppException } from './app.exception.js';
import { describeForLog } from './error-log.js';
import { requestIdOf } from './request-id.js';

/** The error shape, plus the request id on server errors so a report can be matched to the log. */
export type ErrorBody = ApiErrorResponse & { requestId?: string };

const INTERNAL_MESSAGE = 'Something went wrong on the server; it has been logged. Try again, and quote the request id if it persists.';

/** Errors the body parser raises (http-errors with a `type`); their own messages are terse. */
const BODY_ERRORS: Record<string, { code: string; message: (error: BodyError) => string }> = {
  'entity.parse.failed': { code: 'MALFORMED_BODY', message: () => 'The request body is not valid JSON; send one JSON object with Content-Type: application/json.' },
  'entity.too.large': {
    code: 'BODY_TOO_LARGE',
    message: (error) => `The request body is too large${typeof error.limit === 'number' ? ` (at most ${Math.floor(error.limit / 1024)} KB)` : ''}.`,
  },
  'encoding.unsupported': { code: 'UNSUPPORTED_ENCODING', message: () => 'The request body has a Content-Encoding this API does not read; send it uncompressed.' },
  'charset.unsupported': { code: 'UNSUPPORTED_CHARSET', message: () => 'The request body has a charset this API does not read; send it as UTF-8.' },
  'request.aborted': { code: 'REQUEST_ABORTED', message: () => 'The request body was cut off before it ended.' },
  'request.size.invalid': { code: 'BODY_LENGTH_MISMATCH', message: () => 'The request body does not match its Content-Length.' },
};

interface BodyError {
  type?: unknown;
  status?: unknown;
  limit?: unknown;
}

/**
 * The one place errors become HTTP: typed errors keep their status and message; anything
 * unexpected is logged (with the request id, the route and the stack, never the request's
 * body, query or headers) and answered with a plain 500 that carries no detail.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception, request, response);
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, request: Request, response: Response): ErrorBody {
    if (exception instanceof AppException) {
      const body: ErrorBody = { statusCode: exception.status, code: exception.code, message: exception.message };
      return exception.status >= 500 ? { ...body, requestId: requestIdOf(response) } : body;
    }
    // Express and the body parser's errors arrive wrapped in an HttpException whose message is
    // theirs (a JSON syntax error quotes the body); answer them in our own words instead.
    const bodyError = bodyErrorOf(exception) ?? bodyErrorOf(exception instanceof Error ? exception.cause : undefined);
    if (bodyError !== null) return bodyError;
    if (exception instanceof HttpException && exception.getStatus() !== HttpStatus.INTERNAL_SERVER_ERROR) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      const message =
        typeof payload === 'object' && payload !== null && 'message' in payload
          ? [(payload as { message: unknown }).message].flat().join('; ')
          : exception.message;
      const body: ErrorBody = { statusCode: status, code: HttpStatus[status] ?? 'HTTP_ERROR', message };
      return status >= 500 ? { ...body, requestId: requestIdOf(response) } : body;
    }
    return this.internal(exception, request, response);
  }

  private internal(exception: unknown, request: Request, response: Response): ErrorBody {
    const requestId = requestIdOf(response);
    const route = (request.route as { path?: unknown } | undefined)?.path;
    this.logger.error({
      msg: 'request failed',
      requestId,
      method: request.method,
      route: typeof route === 'string' ? `${request.baseUrl ?? ''}${route}` : request.path,
      ...describeForLog(exception),
    });
    return { statusCode: 500, code: 'INTERNAL', message: INTERNAL_MESSAGE, requestId };
  }
}

function bodyErrorOf(exception: unknown): ErrorBody | null {
  if (exception instanceof URIError && (exception as BodyError).status === 400) {
    return { statusCode: 400, code: 'MALFORMED_PATH', message: 'The request path has a malformed percent-encoding.' };
  }
  if (typeof exception !== 'object' || exception === null) return null;
  const error = exception as BodyError;
  if (typeof error.type !== 'string' || typeof error.status !== 'number' || error.status < 400 || error.status >= 500) return null;
  const known = BODY_ERRORS[error.type];
  return {
    statusCode: error.status,
    code: known?.code ?? HttpStatus[error.status] ?? 'BAD_REQUEST',
    message: known?.message(error) ?? 'The request body cannot be read.',
  };
}
