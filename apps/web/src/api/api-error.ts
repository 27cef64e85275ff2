/** An answer from the API that was not 2xx, or no answer at all (status 0). */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The API's error body is `{ statusCode, message }`; Nest validation errors send `message` as a list. */
export function messageFromErrorBody(body: unknown, status: number): string {
  if (body && typeof body === 'object' && 'message' in body) {
    const { message } = body as { message: unknown };
    if (typeof message === 'string' && message.trim() !== '') return message;
    if (Array.isArray(message)) {
      const parts = message.filter((part): part is string => typeof part === 'string' && part.trim() !== '');
      if (parts.length > 0) return parts.join('; ');
    }
  }
  return `The server answered with an error (HTTP ${status}).`;
}

/** Client errors will not fix themselves on a retry; server and network errors might. */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof ApiError && error.status >= 400 && error.status < 500);
}
