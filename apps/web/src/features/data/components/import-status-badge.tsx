import type { ImportState } from '@caseload/contracts';
import { importStatusLabel } from '../utils/import-status';
import { StatusIcon } from './icons';

/** An import's state as an icon and a word; the colour only repeats what the word says. */
export function ImportStatusBadge({ status }: { status: ImportState }) {
  const { label, tone } = importStatusLabel(status);
  return (
    <span className={`status-chip status-chip-${tone}`}>
      <StatusIcon tone={tone} size={14} />
      {label}
    </span>
  );
}
