import { REQUIRED_COLUMNS } from '@caseload/domain';
import { useEffect, useId, useRef, useState } from 'react';
import type { DragEvent, ReactNode } from 'react';
import { singleFile } from '../utils/upload-file';
import { UploadIcon } from './icons';

interface DropZoneProps {
  onFile: (file: File) => void;
  onRefuse: (message: string) => void;
  /** Why the last file was refused, shown under the zone and tied to its button. */
  error: string | null;
  /** The chosen file and its Import button, in place of the invitation. */
  children?: ReactNode;
}

/** Where a CSV is dropped or chosen; the button opens the browser's file picker, so the keyboard can do everything. */
export function DropZone({ onFile, onRefuse, error, children }: DropZoneProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const hintId = useId();
  const errorId = useId();

  // A file dropped beside the zone would make the browser open it and leave the page.
  useEffect(() => {
    const keepPage = (event: globalThis.DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', keepPage);
    window.addEventListener('drop', keepPage);
    return () => {
      window.removeEventListener('dragover', keepPage);
      window.removeEventListener('drop', keepPage);
    };
  }, []);

  const take = (files: FileList | null) => {
    const picked = singleFile(files);
    if ('file' in picked) onFile(picked.file);
    else onRefuse(picked.error);
  };

  const over = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const leave = (event: DragEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
  };
  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    take(event.dataTransfer.files);
  };

  return (
    <>
      <div className={dragging ? 'data-dropzone data-dropzone-active' : 'data-dropzone'} onDragEnter={over} onDragOver={over} onDragLeave={leave} onDrop={drop}>
        {children ?? (
          <>
            <UploadIcon />
            <p className="data-dropzone-title">Drop a CSV file here</p>
            <p className="data-dropzone-or muted">or</p>
          </>
        )}
        <button
          type="button"
          className={children ? 'button button-quiet' : 'button button-primary'}
          onClick={() => inputRef.current?.click()}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        >
          {children ? 'Choose another file…' : 'Choose a CSV file…'}
        </button>
        <input
          ref={inputRef}
          type="file"
          accept=".csv,text/csv"
          hidden
          data-testid="csv-file-input"
          onChange={(event) => {
            take(event.currentTarget.files);
            // Choosing the same file again must still count as a choice.
            event.currentTarget.value = '';
          }}
        />
        <p id={hintId} className="data-dropzone-hint muted">
          One file at a time: UTF-8, comma-separated, with a header row naming at least {REQUIRED_COLUMNS.join(', ')}.
        </p>
      </div>
      {error ? (
        <p id={errorId} className="form-error data-file-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
