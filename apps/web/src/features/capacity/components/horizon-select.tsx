import { useId } from 'react';
import { horizonWords } from '../utils/capacity-format';
import { MAX_HORIZON } from '../utils/capacity-queries';

const OPTIONS = Array.from({ length: MAX_HORIZON }, (_, index) => index + 1);

function optionLabel(months: number): string {
  const words = horizonWords(months);
  return months === 1 || months === 3 ? `${words[0]?.toUpperCase()}${words.slice(1)} (${months} ${months === 1 ? 'month' : 'months'})` : `${months} months`;
}

/** How far the forecast and the needs look ahead: 1 to 18 months. */
export function HorizonSelect({ value, onChange }: { value: number; onChange: (months: number) => void }) {
  const id = useId();
  return (
    <div className="capacity-horizon">
      <label htmlFor={id}>Look ahead</label>
      <select id={id} value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {OPTIONS.map((months) => (
          <option key={months} value={months}>
            {optionLabel(months)}
          </option>
        ))}
      </select>
    </div>
  );
}
