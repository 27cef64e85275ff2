import { isValidNpi } from '../npi.js';

describe('isValidNpi', () => {
  // Check digits worked out by hand with the Luhn sum over 80840 + the first nine digits.
  it.each(['1234567893', '1000000004'])('accepts %s', (npi) => {
    expect(isValidNpi(npi)).toBe(true);
  });

  it.each(['1234567890', '1234567894', '1000000000', '1000000005'])('refuses %s, whose check digit is wrong', (npi) => {
    expect(isValidNpi(npi)).toBe(false);
  });

  it.each(['123456789', '12345678931', '123456789X', ' 1234567893', '', '12345-7893'])('refuses %p, which is not 10 digits', (npi) => {
    expect(isValidNpi(npi)).toBe(false);
  });
});
