import { useEffect, useId, useRef } from 'react';
import type { RefObject } from 'react';
import { useCsvUpload } from '../hooks/use-csv-upload';
import type { Access } from '../utils/data-access';
import { uploadAnnouncement } from '../utils/upload-view';
import { DropZone } from './drop-zone';
import { FileIcon } from './icons';
import { UploadProgress } from './upload-progress';
import { UploadResult } from './upload-result';

interface UploadCardProps {
  access: Access;
  canReadRejections: boolean;
}

/** Choosing a CSV, its upload and processing, and how it ended; or why this user cannot import. */
export function UploadCard({ access, canReadRejections }: UploadCardProps) {
  const titleId = useId();
  return (
    <section className="card data-upload-card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        Import a CSV file
      </h2>
      {access.allowed ? (
        <UploadFlow canReadRejections={canReadRejections} />
      ) : (
        <div className="data-upload-refused">
          <p className="data-upload-refused-title">You cannot import files with this account</p>
          <p>{access.reason}</p>
        </div>
      )}
    </section>
  );
}

function UploadFlow({ canReadRejections }: { canReadRejections: boolean }) {
  const upload = useCsvUpload();
  const { view } = upload;
  const slotRef = useRef<HTMLDivElement>(null);
  useKeepFocus(slotRef, view.kind);
  return (
    <>
      <div ref={slotRef} className="data-upload-slot" tabIndex={-1}>
        {view.kind === 'working' ? (
          <UploadProgress fileName={view.file.name} progress={view.progress} onCancel={upload.cancel} />
        ) : view.kind === 'finished' ? (
          <UploadResult fileName={view.file.name} result={view.result} canReadRejections={canReadRejections} onAgain={upload.reset} />
        ) : (
          <DropZone onFile={upload.choose} onRefuse={upload.refuse} error={upload.fileError}>
            {view.kind === 'selected' ? (
              <div className="data-selected">
                <FileIcon />
                <p className="data-selected-name">
                  <span className="data-file-name">{view.file.name}</span> <span className="muted">({view.size})</span>
                </p>
                <button type="button" className="button button-primary" onClick={upload.start}>
                  Import file
                </button>
              </div>
            ) : undefined}
          </DropZone>
        )}
      </div>
      {/* Present from the start, so the end of an upload is announced when its text arrives. */}
      <p className="visually-hidden" role="status">
        {uploadAnnouncement(view)}
      </p>
    </>
  );
}

/**
 * Each step replaces the controls of the one before, and the focused button with them: focus
 * then goes to the new step's first button (idle, chosen) or to the step itself (progress,
 * result), but only when it was lost, never taken from where the user has moved it.
 */
function useKeepFocus(slotRef: RefObject<HTMLDivElement | null>, kind: string) {
  const shown = useRef(kind);
  useEffect(() => {
    if (shown.current === kind) return;
    shown.current = kind;
    const slot = slotRef.current;
    const active = document.activeElement;
    if (!slot || (active !== null && active !== document.body && !slot.contains(active))) return;
    const target = kind === 'idle' || kind === 'selected' ? slot.querySelector<HTMLElement>('button') : slot;
    target?.focus();
  }, [kind, slotRef]);
}
