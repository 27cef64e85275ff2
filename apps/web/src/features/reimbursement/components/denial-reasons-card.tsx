import type { DenialReasonRow, DenialReasonsResponse } from '@caseload/contracts';
import { formatMoney } from '@caseload/domain';
import { DataTable } from '../../../ui/data-table';
import type { Column } from '../../../ui/data-table';
import { CsvDownloadButton } from '../../../ui/csv-download-button';
import { TableCard } from '../../../ui/table-card';
import { tableCsv } from '../../../ui/table-csv';
import { DENIAL_REASONS_TITLE } from './reimbursement-layout';

const columns: ReadonlyArray<Column<DenialReasonRow>> = [
  { key: 'carc', header: 'CARC', cell: (row) => (row.carc === '' ? 'None given' : row.carc) },
  { key: 'description', header: 'Reason', cell: (row) => row.description ?? '—' },
  { key: 'lines', header: 'Denied lines', numeric: true, cell: (row) => row.deniedLines.toLocaleString('en-US') },
  { key: 'share', header: 'Share of denials', numeric: true, cell: (row) => `${(row.share * 100).toFixed(1)}%` },
  { key: 'charges', header: 'Charges denied', numeric: true, cell: (row) => formatMoney(row.deniedCharges) },
];

/** The top CARC reasons among the denied lines; descriptions only where the CARC list was loaded. */
export function DenialReasonsCard({ answer, range }: { answer: DenialReasonsResponse; range: string }) {
  const { totals, meta } = answer;
  const download =
    answer.rows.length > 0 ? (
      <CsvDownloadButton what="the top denial reasons" fileName={`caseload-denial-reasons-${answer.meta.from}-${answer.meta.to}.csv`} csv={() => denialReasonsCsv(answer)} />
    ) : null;
  return (
    <TableCard title={DENIAL_REASONS_TITLE} className="reimb-expected" actions={download}>
      {answer.rows.length === 0 ? (
        <p className="card-empty">No line was denied in this range.</p>
      ) : (
        <>
          <p className="card-note">
            {totals.deniedLines.toLocaleString('en-US')} denied lines ({formatMoney(totals.deniedCharges)} charged) under {totals.reasons}{' '}
            {totals.reasons === 1 ? 'reason' : 'reasons'}; the {answer.rows.length} most frequent:
          </p>
          <DataTable caption={`${DENIAL_REASONS_TITLE}, ${range}`} columns={columns} rows={answer.rows} rowKey={(row) => row.carc || 'none'} />
        </>
      )}
      {meta.descriptionsLoaded === 0 && answer.rows.length > 0 ? (
        <p className="reimb-unpriced">
          Reason texts show once an administrator loads the CARC list (X12's code and description CSV) with <code>POST /api/v1/reimbursement/denial-codes</code>.
        </p>
      ) : null}
    </TableCard>
  );
}

function denialReasonsCsv(answer: DenialReasonsResponse): string {
  return tableCsv(
    ['carc', 'description', 'denied_lines', 'share', 'denied_charges'],
    answer.rows.map((row) => [row.carc, row.description, row.deniedLines, row.share, row.deniedCharges]),
  );
}
