/** What the Data page's address holds: the import whose rejections are open, and their page. */
export interface DataView {
  importId: number | null;
  page: number;
}

const POSITIVE_WHOLE = /^[1-9]\d{0,14}$/;

/** Reads `?import=12&page=2`; anything else is ignored rather than shown as an error. */
export function readDataView(params: URLSearchParams): DataView {
  const importValue = params.get('import') ?? '';
  const pageValue = params.get('page') ?? '';
  const importId = POSITIVE_WHOLE.test(importValue) ? Number(importValue) : null;
  const page = importId !== null && POSITIVE_WHOLE.test(pageValue) ? Number(pageValue) : 1;
  return { importId, page };
}

/** The address of a view: `?import=12`, page 1 left out; no import, no parameters. */
export function dataViewSearch({ importId, page }: DataView): string {
  if (importId === null) return '';
  return page > 1 ? `?import=${importId}&page=${page}` : `?import=${importId}`;
}
