// The NPI check digit is a Luhn digit computed as if the number carried the card
// issuer prefix 80840 (CMS, "Requirements for NPI check digit").

const NPI_SHAPE = /^\d{10}$/;

export function isNpiShape(s: string): boolean {
  return NPI_SHAPE.test(s);
}

export function isValidNpi(s: string): boolean {
  return NPI_SHAPE.test(s) && luhnIsValid(`80840${s}`);
}

function luhnIsValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    // Every second digit from the right, starting with the one left of the check digit.
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
