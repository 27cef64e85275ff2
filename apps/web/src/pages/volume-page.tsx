import { ComingSoon } from '../ui/coming-soon';

export function VolumePage() {
  return (
    <ComingSoon
      title="Volume"
      audience="administrators"
      question="How is procedure volume trending, per department and per procedure category, against last year, and what changed?"
    />
  );
}
