import type { ReportFormat } from '@caseload/contracts';
import { useEffect, useRef, useState } from 'react';
import { saveBlob, slugify } from '../../../ui/export-download';
import { downloadFile } from '../utils/reports-api';
import { FORMAT_LABELS } from '../utils/report-words';

const FORMATS: readonly ReportFormat[] = ['csv', 'xlsx', 'pdf', 'arrow'];

/** Short, for the row of buttons; the menu's full names are in the messages. */
const BUTTON_LABELS: Record<ReportFormat, string> = { csv: 'CSV', xlsx: 'XLSX', pdf: 'PDF', arrow: 'Arrow' };

type ExportState = { kind: 'idle' } | { kind: 'working'; format: ReportFormat } | { kind: 'saved'; fileName: string } | { kind: 'failed'; format: ReportFormat; message: string };

interface ExportNowProps {
  /** The export URL of a format, or null while the builder cannot ask (no measure). */
  urlOf: (format: ReportFormat) => string | null;
  /** Names the file when the server does not. */
  name: string;
  onProblem: () => void;
}

/** "Export now": the builder's question as a file, in one of the four formats. */
export function ExportNow({ urlOf, name, onProblem }: ExportNowProps) {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const pick = async (format: ReportFormat) => {
    const url = urlOf(format);
    if (url === null) {
      onProblem();
      return;
    }
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState({ kind: 'working', format });
    try {
      const file = await downloadFile(url, controller.signal);
      const fileName = file.fileName ?? `caseload-${slugify(name)}.${format}`;
      saveBlob(file.blob, fileName);
      setState({ kind: 'saved', fileName });
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({ kind: 'failed', format, message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="reports-export-now">
      <div className="reports-export-buttons" role="group" aria-label="Export now">
        <span className="reports-export-label" aria-hidden="true">
          Export now:
        </span>
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="button button-quiet"
            aria-busy={state.kind === 'working' && state.format === format ? true : undefined}
            disabled={state.kind === 'working'}
            onClick={() => void pick(format)}
          >
            <span className="visually-hidden">Export now as </span>
            {BUTTON_LABELS[format]}
          </button>
        ))}
      </div>
      <p className={state.kind === 'working' || state.kind === 'saved' ? 'reports-export-status' : 'visually-hidden'} role="status">
        {state.kind === 'working' ? `Preparing the ${FORMAT_LABELS[state.format]} file…` : state.kind === 'saved' ? `Saved ${state.fileName}.` : ''}
      </p>
      {state.kind === 'failed' ? (
        <p className="form-error reports-export-error" role="alert">
          The {FORMAT_LABELS[state.format]} export failed: {state.message}
        </p>
      ) : null}
    </div>
  );
}
