import { ApiError } from '../../../../api/api-error';
import { loginErrorMessage } from '../login';

describe('loginErrorMessage', () => {
  it('says the credentials are wrong on 401', () => {
    expect(loginErrorMessage(new ApiError(401, 'Unauthorized'))).toBe('Email or password is not right');
  });

  it('asks to wait on 429', () => {
    expect(loginErrorMessage(new ApiError(429, 'ThrottlerException'))).toBe('Too many attempts, wait a minute');
  });

  it("shows the API's own message for other errors", () => {
    expect(loginErrorMessage(new ApiError(400, 'email must be an email'))).toBe('email must be an email');
  });

  it('falls back to a generic sentence for unexpected errors', () => {
    expect(loginErrorMessage(new Error('boom'))).toBe('Something went wrong while signing in. Try again.');
  });
});
