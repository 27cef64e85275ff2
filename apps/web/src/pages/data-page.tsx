import { ComingSoon } from '../ui/coming-soon';

export function DataPage() {
  return (
    <ComingSoon
      title="Data"
      audience="data stewards"
      question="What did this month's extract load, which rows were rejected, and why?"
    >
      <p className="muted coming-soon-note">
        Until then, import a file from the shell with <code>npm run import -- FILE.csv</code>.
      </p>
    </ComingSoon>
  );
}
