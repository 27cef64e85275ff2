/** What the page needs to know of a chosen file; `File` satisfies it. */
export interface FileSummary {
  name: string;
  size: number;
}

/**
 * Why a file cannot be imported, before a byte is sent, or null when it may go. The server
 * checks the content; here only what is certain from the outside: a CSV name and some bytes.
 */
export function refuseFile(file: FileSummary | null | undefined): string | null {
  if (!file) return 'Choose a CSV file to import.';
  if (!/\.csv$/i.test(file.name.trim())) {
    return `${file.name} is not a CSV file. Choose a file whose name ends in .csv (comma-separated values, with a header row).`;
  }
  if (file.size === 0) return `${file.name} is empty. Choose a CSV file with a header row and at least one line.`;
  return null;
}

/** The one file of a drop or a picker, or why there is not exactly one. */
export function singleFile<F extends FileSummary>(files: ArrayLike<F> | null | undefined): { file: F } | { error: string } {
  const count = files?.length ?? 0;
  if (count === 0 || !files) return { error: 'Choose a CSV file to import.' };
  if (count > 1) return { error: `${count} files were dropped; import one CSV file at a time.` };
  return { file: files[0] as F };
}

/** "0 bytes", "812 bytes", "1.2 KB", "3.4 MB", "1.05 GB" (decimal units, as file managers show them). */
export function formatBytes(bytes: number, locale?: string): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1000) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB', 'TB'] as const;
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = value < 10 ? 2 : value < 100 ? 1 : 0;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
