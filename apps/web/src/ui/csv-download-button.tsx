import { saveBlob } from './export-download';

interface CsvDownloadButtonProps {
  /** What the file holds, for screen readers: "Download CSV of <what>". */
  what: string;
  fileName: string;
  /** Builds the file's text when asked (RFC 4180, see ui/table-csv). */
  csv: () => string;
}

/** A card's "Download CSV" for figures that are not an aggregate query (the Export menu's files come from /export). */
export function CsvDownloadButton({ what, fileName, csv }: CsvDownloadButtonProps) {
  return (
    <button type="button" className="button button-quiet" onClick={() => saveBlob(new Blob([csv()], { type: 'text/csv' }), fileName)}>
      Download CSV<span className="visually-hidden"> of {what}</span>
    </button>
  );
}
