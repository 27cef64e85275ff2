import type { Role } from '@caseload/contracts';
import { ROLE_OPTIONS } from '../utils/roles';
import type { FieldControlProps } from './form-field';

export const DEPARTMENTS_HINT = 'Department codes separated by commas, e.g. CARD, RAD. Leave empty for all departments.';

/** What the chosen role may do, shown under the Role label. */
export function roleHint(role: Role): string {
  const summary = ROLE_OPTIONS.find((option) => option.value === role)?.summary ?? '';
  return summary === '' ? '' : `May use ${summary}.`;
}

/** The role choice; the field's hint says what the chosen role may do. */
export function RoleSelect({ control, value, onChange }: { control: FieldControlProps; value: Role; onChange: (value: string) => void }) {
  return (
    <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
      {ROLE_OPTIONS.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
