import { useId } from 'react';
import type { ProgressView } from '../utils/upload-view';
import { FileIcon } from './icons';

interface UploadProgressProps {
  fileName: string;
  progress: ProgressView;
  onCancel: () => void;
}

/** The step under way and its progress bar; the value is exposed to assistive technology as it moves. */
export function UploadProgress({ fileName, progress, onCancel }: UploadProgressProps) {
  const stepId = useId();
  const uploading = progress.step.startsWith('Step 1');
  return (
    <div className="data-progress">
      <p className="data-progress-file">
        <FileIcon />
        <span className="data-file-name">{fileName}</span>
      </p>
      <ol className="data-steps" aria-label="Import steps">
        <li className={uploading ? 'data-step data-step-current' : 'data-step data-step-done'} aria-current={uploading ? 'step' : undefined}>
          Upload
        </li>
        <li className={uploading ? 'data-step' : 'data-step data-step-current'} aria-current={uploading ? undefined : 'step'}>
          Load rows
        </li>
      </ol>
      <p id={stepId} className="data-progress-step">
        {progress.step}
      </p>
      <div
        className="data-progress-track"
        role="progressbar"
        aria-labelledby={stepId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.percent}
        aria-valuetext={progress.detail}
      >
        <span className="data-progress-fill" style={{ width: `${progress.percent}%` }} />
      </div>
      <div className="data-progress-footer">
        <p className="data-progress-detail muted">{progress.detail}</p>
        {progress.cancellable ? (
          <button type="button" className="button button-quiet button-small" onClick={onCancel}>
            Cancel upload
          </button>
        ) : null}
      </div>
    </div>
  );
}
