/**
 * ExportMenu — the "Export" button of a chart or table card, with a menu of files:
 * CSV, Excel (XLSX), PDF, and a PNG of the chart when the card has one.
 *
 * Props
 * - `query` (AggregateQuery, required): the card's own aggregate query, the same object
 *   its data hook passes to `aggregateUrl`. The files come from `GET /api/v1/export` with
 *   exactly these parameters plus `format`, so a file holds the numbers the card shows
 *   (viewers' files have small cells suppressed, DESIGN §7).
 * - `title` (string, required): the card's title. It completes the button's accessible
 *   name ("Export Procedure lines by month"), heads the PNG, and names the files.
 * - `fileName` (string, optional): the file name's card part when the title does not suit
 *   (`caseload-<fileName>-<from>-<to>.csv`). Default: the title, in lower-case-hyphens.
 * - `chart` (ref to an element, optional): the element that holds the card's Recharts
 *   chart (ChartFrame's `chartRef`). With it, the menu offers "PNG image" of that chart, with
 *   the title, the date range and the card's legend.
 *
 * Usage, in a card header:
 * ```tsx
 * const chart = useRef<HTMLDivElement>(null);
 * <ChartFrame title={title} chartRef={chart} actions={<ExportMenu query={query} title={title} chart={chart} />} …>
 * ```
 *
 * Keyboard (WAI-ARIA menu button): Enter, Space or ↓ opens the menu on its first item, ↑ on
 * its last; ↑/↓ move (wrapping), Home/End jump; Enter or Space picks; Escape closes and
 * returns focus to the button; Tab or a click elsewhere closes it. While a file is being
 * prepared the menu says so; if the server refuses, its message is shown under the button.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import type { AggregateQuery } from '../api/aggregate';
import { chartPng } from './chart-png';
import { EXPORT_FORMAT_NAMES, exportFileName, fetchExport, saveBlob } from './export-download';
import type { ExportFormat } from './export-download';
import { formatDateRange } from './format-period';

export interface ExportMenuProps {
  query: AggregateQuery;
  title: string;
  fileName?: string;
  chart?: RefObject<HTMLElement | null>;
}

type ExportChoice = ExportFormat | 'png';

type ExportState = { kind: 'idle' } | { kind: 'working'; choice: ExportChoice } | { kind: 'saved'; fileName: string } | { kind: 'failed'; choice: ExportChoice; message: string };

const FILE_CHOICES: readonly ExportFormat[] = ['csv', 'xlsx', 'pdf'];

export function ExportMenu({ query, title, fileName, chart }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const focusOnOpen = useRef<'first' | 'last'>('first');
  const running = useRef<AbortController | null>(null);
  const id = useId();
  const buttonId = `${id}-button`;
  const menuId = `${id}-menu`;
  const choices: ExportChoice[] = chart ? [...FILE_CHOICES, 'png'] : [...FILE_CHOICES];
  const working = state.kind === 'working';

  useEffect(() => {
    if (!open) return;
    itemRefs.current[focusOnOpen.current === 'first' ? 0 : choices.length - 1]?.focus();
    const closeOutside = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open, choices.length]);

  // A download still running when the card goes away (a filter change, another page) stops.
  useEffect(() => () => running.current?.abort(), []);

  const openMenu = (focus: 'first' | 'last') => {
    focusOnOpen.current = focus;
    setOpen(true);
  };

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    // Enter and Space click the button, which opens the menu on its first item.
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      openMenu('first');
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openMenu('last');
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close(true);
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = itemRefs.current.slice(0, choices.length);
    const current = items.findIndex((item) => item === document.activeElement);
    const move = (index: number) => items[(index + items.length) % items.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        move(current + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        move(current - 1);
        break;
      case 'Home':
        event.preventDefault();
        move(0);
        break;
      case 'End':
        event.preventDefault();
        move(items.length - 1);
        break;
      case 'Escape':
        event.preventDefault();
        close(true);
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  };

  const pick = async (choice: ExportChoice) => {
    close(true);
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState({ kind: 'working', choice });
    const name = exportFileName(fileName ?? title, query, choice);
    try {
      if (choice === 'png') {
        const container = chart?.current;
        if (!container) throw new Error('There is no chart to save as an image yet.');
        const subtitle = query.from && query.to ? formatDateRange(query.from, query.to) : undefined;
        saveBlob(await chartPng(container, { title, subtitle }), name);
      } else {
        const { blob } = await fetchExport(query, choice, {}, controller.signal);
        saveBlob(blob, name);
      }
      if (!controller.signal.aborted) setState({ kind: 'saved', fileName: name });
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({ kind: 'failed', choice, message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (running.current === controller) running.current = null;
    }
  };

  return (
    <div className="export-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        className="button button-quiet export-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        aria-busy={working || undefined}
        onClick={() => (open ? close(false) : openMenu('first'))}
        onKeyDown={onButtonKeyDown}
      >
        <DownloadIcon />
        <span>{working ? 'Preparing…' : 'Export'}</span>
        <span className="visually-hidden"> {title}</span>
      </button>
      <ul id={menuId} className="export-menu-list" role="menu" aria-labelledby={buttonId} hidden={!open} onKeyDown={onMenuKeyDown}>
        {choices.map((choice, index) => (
          <li key={choice} role="none">
            <button
              ref={(element) => {
                itemRefs.current[index] = element;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="export-menu-item"
              onClick={() => void pick(choice)}
            >
              <span>{EXPORT_FORMAT_NAMES[choice]}</span>
              <span className="export-menu-extension" aria-hidden="true">
                .{choice}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <p className={state.kind === 'working' ? 'export-menu-status' : 'visually-hidden'} role="status">
        {state.kind === 'working' ? `Preparing the ${EXPORT_FORMAT_NAMES[state.choice]} file…` : state.kind === 'saved' ? `Saved ${state.fileName}.` : ''}
      </p>
      {state.kind === 'failed' ? (
        <div className="export-menu-error" role="alert">
          <p>
            The {EXPORT_FORMAT_NAMES[state.choice]} export failed: {state.message}
          </p>
          <button type="button" className="button button-quiet button-small" onClick={() => setState({ kind: 'idle' })}>
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** A tray with an arrow into it, drawn in currentColor; decorative beside the word "Export". */
function DownloadIcon() {
  return (
    <svg className="export-menu-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M12 4v11M7 10l5 5 5-5M4 17v2a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-2" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
