import { StatePanel } from '../../../ui/state-panel';

/** No resource model yet: nothing to measure utilization or needs against. */
export function CapacityModelEmpty() {
  return (
    <StatePanel title="No capacity model yet">
      <p>Capacity compares the minutes each procedure takes of a resource with the hours the departments have. An administrator sets up the resource model first:</p>
      <ol className="capacity-steps">
        <li>the resource types (scanners, rooms, staff roles);</li>
        <li>each department&apos;s inventory of them, with opening hours or FTEs;</li>
        <li>the holidays;</li>
        <li>the minutes each code takes of each resource (the profiles).</li>
      </ol>
      <p>Load each list from a CSV file under Resource model below, in that order. The demo data comes with a model.</p>
    </StatePanel>
  );
}
