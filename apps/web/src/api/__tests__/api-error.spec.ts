import { ApiError, isRetryable, messageFromErrorBody } from '../api-error';

describe('messageFromErrorBody', () => {
  it('uses the message of a { statusCode, message } body', () => {
    expect(messageFromErrorBody({ statusCode: 400, message: 'grain must be one of day, week, month' }, 400)).toBe(
      'grain must be one of day, week, month',
    );
  });

  it('joins a list of validation messages', () => {
    expect(messageFromErrorBody({ statusCode: 400, message: ['from is not a date', 'to is not a date'] }, 400)).toBe(
      'from is not a date; to is not a date',
    );
  });

  it('names the status when the body has no message', () => {
    expect(messageFromErrorBody(null, 502)).toBe('The server answered with an error (HTTP 502).');
    expect(messageFromErrorBody({ statusCode: 500, message: '' }, 500)).toBe('The server answered with an error (HTTP 500).');
  });
});

describe('isRetryable', () => {
  it('does not retry client errors', () => {
    expect(isRetryable(new ApiError(400, 'bad'))).toBe(false);
    expect(isRetryable(new ApiError(403, 'forbidden'))).toBe(false);
  });

  it('retries server and network errors', () => {
    expect(isRetryable(new ApiError(503, 'down'))).toBe(true);
    expect(isRetryable(new ApiError(0, 'offline'))).toBe(true);
    expect(isRetryable(new TypeError('x'))).toBe(true);
  });
});
