import { Link } from 'react-router';
import { dataViewSearch } from '../utils/data-search-params';
import type { ResultView } from '../utils/upload-view';
import { StatusIcon, WarningIcon } from './icons';

interface UploadResultProps {
  fileName: string;
  result: ResultView;
  canReadRejections: boolean;
  onAgain: () => void;
}

/** How the upload ended: loaded and rejected counts with a way to the rejected rows, or the reason it failed. */
export function UploadResult({ fileName, result, canReadRejections, onAgain }: UploadResultProps) {
  return (
    <div className={`data-result data-result-${result.tone}`}>
      <div className="data-result-heading">
        {result.tone === 'success' ? <StatusIcon tone="done" size={22} /> : result.tone === 'warning' ? <WarningIcon size={22} /> : <StatusIcon tone="failed" size={22} />}
        <div>
          <p className="data-result-title">{result.title}</p>
          <p className="data-result-file muted">{fileName}</p>
        </div>
      </div>
      {result.details.map((detail) => (
        <p key={detail} className="data-result-detail">
          {detail}
        </p>
      ))}
      <div className="data-result-actions">
        {result.rejectionsOf !== null && canReadRejections ? (
          <Link className="button button-primary" to={{ search: dataViewSearch({ importId: result.rejectionsOf, page: 1 }) }}>
            See the rejected rows
          </Link>
        ) : null}
        <button type="button" className="button button-quiet" onClick={onAgain}>
          Import another file
        </button>
      </div>
    </div>
  );
}
