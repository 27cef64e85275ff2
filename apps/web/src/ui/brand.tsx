/** The product mark and name. */
export function Brand({ large = false }: { large?: boolean }) {
  const size = large ? 32 : 26;
  return (
    <span className={large ? 'brand brand-large' : 'brand'}>
      <svg className="brand-mark" viewBox="0 0 32 32" width={size} height={size} aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="7" fill="currentColor" />
        <path d="M7 22l6-7 5 4 7-9" fill="none" stroke="#fff" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className="brand-name">Caseload</span>
    </span>
  );
}
