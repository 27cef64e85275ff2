import { ComingSoon } from '../ui/coming-soon';

export function ReimbursementPage() {
  return (
    <ComingSoon
      title="Reimbursement"
      audience="revenue cycle and finance"
      question="What did we charge, what was allowed and paid by each payer, where are the denials, and how does expected (fee schedule) payment compare with actual?"
    />
  );
}
