import { ApiError } from '../../../../api/api-error';
import { formErrorsFrom, hasErrors } from '../field-errors';

const LABELS = { email: 'Email', password: 'Initial password', departments: 'Departments' } as const;

describe('formErrorsFrom', () => {
  it('puts a message that names a field next to that field, in words', () => {
    const errors = formErrorsFrom(new ApiError(400, 'password: must be at least 12 characters'), LABELS);
    expect(errors).toEqual({ fields: { password: 'Initial password must be at least 12 characters' }, form: null });
  });

  it('splits several messages joined by "; " over their fields', () => {
    const errors = formErrorsFrom(new ApiError(400, 'email: is not an email address; departments.1: is too long'), LABELS);
    expect(errors.fields).toEqual({ email: 'Email is not an email address', departments: 'Departments is too long' });
    expect(errors.form).toBeNull();
  });

  it('keeps a message that does not go on from the name as a sentence of its own, "; " and all', () => {
    const errors = formErrorsFrom(
      new ApiError(409, 'email: another user already signs in as ana@example.test; pick another address or edit that user.'),
      LABELS,
    );
    expect(errors).toEqual({
      fields: { email: 'Another user already signs in as ana@example.test; pick another address or edit that user.' },
      form: null,
    });
    expect(formErrorsFrom(new ApiError(400, 'password: Choose a longer password.'), LABELS).fields.password).toBe('Choose a longer password.');
  });

  it('treats a conflict without a field name as about the email', () => {
    const errors = formErrorsFrom(new ApiError(409, 'A user with this email already exists.'), LABELS);
    expect(errors).toEqual({ fields: { email: 'A user with this email already exists.' }, form: null });
  });

  it('shows at the top what names no field of this form', () => {
    expect(formErrorsFrom(new ApiError(403, 'Only admins can manage users.'), LABELS)).toEqual({ fields: {}, form: 'Only admins can manage users.' });
    expect(formErrorsFrom(new ApiError(400, 'role: is not a role'), LABELS).form).toBe('role: is not a role');
  });

  it('has a plain message for errors that are not from the API', () => {
    const errors = formErrorsFrom(new TypeError('x is undefined'), LABELS);
    expect(errors.form).toBe('Something went wrong. Try again.');
    expect(hasErrors(errors)).toBe(true);
    expect(hasErrors({ fields: {}, form: null })).toBe(false);
  });
});
