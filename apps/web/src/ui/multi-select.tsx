import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';

export interface MultiSelectOption {
  value: string;
  label: string;
}

interface MultiSelectProps<T extends string> {
  label: string;
  options: ReadonlyArray<MultiSelectOption & { value: T }>;
  selected: readonly T[];
  /**
   * The new selection, in the options' order. `continued` is true for the second and later
   * change while the list stays open, so a caller can fold them into one history entry.
   */
  onChange: (next: T[], info: { continued: boolean }) => void;
  /** Shown when nothing is selected (nothing selected = no filter). */
  allLabel?: string;
  /** Shown in the open list while the options load. */
  loading?: boolean;
}

/**
 * A compact multiple choice: a button that names the selection and opens a list of
 * checkboxes. Keyboard: Enter/Space opens, Tab or the arrow keys move through the boxes,
 * Space ticks, Escape closes and returns to the button; clicking or tabbing away closes it.
 */
export function MultiSelect<T extends string>({ label, options, selected, onChange, allLabel = 'All', loading = false }: MultiSelectProps<T>) {
  const [open, setOpen] = useState(false);
  const changedWhileOpen = useRef(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const labelId = `${id}-label`;
  const valueId = `${id}-value`;
  const panelId = `${id}-panel`;

  useEffect(() => {
    if (!open) return;
    changedWhileOpen.current = false;
    rootRef.current?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus();
    const closeOnOutsidePointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutsidePointer);
    return () => document.removeEventListener('pointerdown', closeOnOutsidePointer);
  }, [open]);

  const chosen = new Set<string>(selected);
  const toggle = (value: T) => {
    const next = options.filter((option) => (option.value === value ? !chosen.has(value) : chosen.has(option.value))).map((option) => option.value);
    onChange(next, { continued: changedWhileOpen.current });
    changedWhileOpen.current = true;
  };
  const clear = () => {
    onChange([], { continued: changedWhileOpen.current });
    changedWhileOpen.current = true;
  };

  const onPanelKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const boxes = [...event.currentTarget.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    const index = boxes.indexOf(document.activeElement as HTMLInputElement);
    const next = boxes[Math.min(boxes.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  return (
    <div
      className="multi-select"
      ref={rootRef}
      onBlur={(event) => {
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <span id={labelId} className="filter-label">
        {label}
      </span>
      <button
        ref={buttonRef}
        type="button"
        className="filter-control multi-select-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-labelledby={`${labelId} ${valueId}`}
        onClick={() => setOpen((shown) => !shown)}
      >
        <span id={valueId} className="multi-select-value">
          {summarise(options, selected, allLabel)}
        </span>
        <svg className="select-chevron" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
          <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </button>
      <div id={panelId} className="multi-select-panel" role="group" aria-labelledby={labelId} hidden={!open} onKeyDown={onPanelKeyDown}>
        {open ? (
          <>
            {loading && options.length === 0 ? <p className="multi-select-note">Loading…</p> : null}
            {!loading && options.length === 0 ? <p className="multi-select-note">Nothing to choose from yet.</p> : null}
            <ul className="multi-select-options">
              {options.map((option) => (
                <li key={option.value}>
                  <label>
                    <input type="checkbox" checked={chosen.has(option.value)} onChange={() => toggle(option.value)} />
                    <span>{option.label}</span>
                  </label>
                </li>
              ))}
            </ul>
            {selected.length > 0 ? (
              <button type="button" className="button button-quiet button-small multi-select-clear" onClick={clear}>
                Clear {label.toLowerCase()}
              </button>
            ) : null}
          </>
        ) : null}
      </div>
    </div>
  );
}

/** `All`, the one label chosen, or `3 selected`. */
export function summarise(options: ReadonlyArray<MultiSelectOption>, selected: readonly string[], allLabel: string): string {
  if (selected.length === 0) return allLabel;
  if (selected.length === 1) return options.find((option) => option.value === selected[0])?.label ?? selected[0] ?? allLabel;
  return `${selected.length} selected`;
}
