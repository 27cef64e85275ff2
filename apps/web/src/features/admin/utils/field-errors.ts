import { ApiError } from '../../../api/api-error';

export interface FormErrors<Field extends string> {
  /** Messages to show next to their field. */
  fields: Partial<Record<Field, string>>;
  /** What cannot be pinned to a field, shown at the top of the form. */
  form: string | null;
}

/**
 * Splits an API error into messages per field. The API names the field first
 * (`password: must be at least 12 characters`), several joined by `; `; each becomes
 * "Password must be at least 12 characters" next to that field. A 409 is about the email
 * (it is taken). Anything else goes to the top of the form.
 *
 * Only a `; ` followed by another field name starts a new message: a message may itself
 * hold a `; ` ("email: another user signs in as …; pick another address").
 */
export function formErrorsFrom<Field extends string>(
  error: unknown,
  labels: Readonly<Record<Field, string>>,
): FormErrors<Field> {
  const result: FormErrors<Field> = { fields: {}, form: null };
  if (!(error instanceof ApiError)) {
    result.form = 'Something went wrong. Try again.';
    return result;
  }
  const leftovers: string[] = [];
  for (const part of error.message.split(/;\s+(?=[A-Za-z][\w.]*\s*:)/)) {
    const match = /^\s*([A-Za-z][\w.]*)\s*:\s*(.+)$/s.exec(part);
    const field = match ? fieldNamed(match[1] ?? '', labels) : null;
    if (match && field !== null) {
      if (result.fields[field] === undefined) result.fields[field] = sentence(labels[field], match[2] ?? '');
    } else {
      leftovers.push(part);
    }
  }
  const rest = leftovers.join('; ').trim();
  if (rest !== '') {
    if (error.status === 409 && 'email' in labels && result.fields['email' as Field] === undefined) {
      result.fields['email' as Field] = rest;
    } else {
      result.form = rest;
    }
  }
  return result;
}

export function hasErrors<Field extends string>(errors: FormErrors<Field>): boolean {
  return errors.form !== null || Object.keys(errors.fields).length > 0;
}

function fieldNamed<Field extends string>(name: string, labels: Readonly<Record<Field, string>>): Field | null {
  // `departments.0` (a list item) belongs to `departments`.
  const base = name.split('.')[0] ?? name;
  return Object.prototype.hasOwnProperty.call(labels, base) ? (base as Field) : null;
}

// Messages that go on from the field's name: "password: must be…" → "Password must be…".
const CONTINUES_THE_NAME = /^(must|is|are|has|have|needs?|should|cannot|can|may)\b/;

/** "must be at least 12 characters" reads as "Initial password must be…"; other text gets a capital. */
function sentence(label: string, text: string): string {
  const trimmed = text.trim();
  if (CONTINUES_THE_NAME.test(trimmed)) return `${label} ${trimmed}`;
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}
