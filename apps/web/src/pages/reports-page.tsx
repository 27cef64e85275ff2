import { ComingSoon } from '../ui/coming-soon';

export function ReportsPage() {
  return (
    <ComingSoon
      title="Reports"
      audience="everyone"
      question="How do I put this in front of the board, with every chart and table as a CSV, XLSX, PDF or Arrow file?"
    />
  );
}
