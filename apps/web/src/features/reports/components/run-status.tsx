import type { ReportRun } from '@caseload/contracts';
import { runStatusInWords } from '../utils/report-words';

const ICONS: Record<ReportRun['status'], string> = {
  running: 'M12 4a8 8 0 1 0 8 8',
  succeeded: 'M5 12.5l4.5 4.5L19 7.5',
  failed: 'M6 6l12 12M18 6L6 18',
};

/** The status chip's tone of each run status. */
const TONES: Record<ReportRun['status'], 'working' | 'done' | 'failed'> = { running: 'working', succeeded: 'done', failed: 'failed' };

/** A run's status: the word always shows; an icon and a colour repeat it. */
export function RunStatus({ run }: { run: Pick<ReportRun, 'status' | 'attempts'> }) {
  return (
    // The chip of the import statuses; reports-status-* names the state for tests and styles alike.
    <span className={`status-chip status-chip-${TONES[run.status]} reports-status-${run.status}`}>
      <svg className="status-chip-icon" viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
        <path d={ICONS[run.status]} fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {runStatusInWords(run)}
    </span>
  );
}
