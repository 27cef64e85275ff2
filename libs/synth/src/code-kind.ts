/** Coarse code sections (DESIGN §3.3), enough to decide units, modifiers and minutes. */
export enum CodeKind {
  Other,
  EvaluationManagement,
  Anesthesia,
  Surgery,
  Radiology,
  Lab,
  Medicine,
  HcpcsII,
  CategoryII,
  CategoryIII,
}

export function codeKind(code: string): CodeKind {
  const last = code.charCodeAt(4);
  if (last > 57) {
    if (code.endsWith('F')) return CodeKind.CategoryII;
    if (code.endsWith('T')) return CodeKind.CategoryIII;
    return code.endsWith('A') ? CodeKind.Medicine : CodeKind.Lab;
  }
  if (code.charCodeAt(0) > 57) return CodeKind.HcpcsII;
  const n = Number(code);
  if (n >= 99202 && n <= 99499) return CodeKind.EvaluationManagement;
  if ((n >= 100 && n <= 1999) || (n >= 99100 && n <= 99140)) return CodeKind.Anesthesia;
  if (n >= 10004 && n <= 69990) return CodeKind.Surgery;
  if (n >= 70010 && n <= 79999) return CodeKind.Radiology;
  if (n >= 80047 && n <= 89398) return CodeKind.Lab;
  if (n >= 90281 && n <= 99607) return CodeKind.Medicine;
  return CodeKind.Other;
}

/** A visit code (E/M, including the retired 99201): at most one per encounter. */
export function isVisitCode(code: string): boolean {
  return code >= '99201' && code <= '99499' && code.length === 5 && code.charCodeAt(4) <= 57;
}
