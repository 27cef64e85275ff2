import { useLocation, useSearchParams } from 'react-router';
import { useSessionUser } from '../features/auth/hooks/use-session-user';
import { ImportDetails } from '../features/data/components/import-details';
import { ImportsSection } from '../features/data/components/imports-section';
import { UploadCard } from '../features/data/components/upload-card';
import { rejectionsAccess, uploadAccess } from '../features/data/utils/data-access';
import { dataViewSearch, readDataView } from '../features/data/utils/data-search-params';

/** Imports: load an extract, follow it, and read the rows it rejected (`?import=12&page=2`). */
export function DataPage() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const user = useSessionUser();
  const view = readDataView(params);
  const upload = uploadAccess(user);
  const rejections = rejectionsAccess(user);
  const backFromDetails = (location.state as { focusImports?: boolean } | null)?.focusImports === true;

  return (
    <div className="data-page">
      {view.importId === null ? <title>Data · Caseload</title> : null}
      <header className="page-header">
        <h1 className="page-title">Data</h1>
        <p className="page-subtitle muted">Import procedure-line extracts, and see every row that was rejected and why.</p>
      </header>
      {view.importId === null ? (
        <>
          <UploadCard access={upload} canReadRejections={rejections.allowed} />
          <ImportsSection canUpload={upload.allowed} canReadRejections={rejections.allowed} focusOnMount={backFromDetails} />
        </>
      ) : (
        <ImportDetails
          importId={view.importId}
          page={view.page}
          access={rejections}
          onPage={(page) => setParams(new URLSearchParams(dataViewSearch({ importId: view.importId, page })))}
        />
      )}
    </div>
  );
}
