import { ComingSoon } from '../ui/coming-soon';

export function CapacityPage() {
  return (
    <ComingSoon
      title="Capacity"
      audience="planners"
      question="Do we have the scanners, rooms and staff for next quarter, which resource is the bottleneck, and how many FTEs or units do we need?"
    />
  );
}
