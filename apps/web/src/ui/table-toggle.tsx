/** The "Show table" switch that every chart and tile group carries for its numbers. */
export function TableToggle({ shown, controls, onToggle }: { shown: boolean; controls: string; onToggle: () => void }) {
  return (
    <button type="button" className="button button-quiet" aria-expanded={shown} aria-controls={controls} onClick={onToggle}>
      {shown ? 'Hide table' : 'Show table'}
    </button>
  );
}
