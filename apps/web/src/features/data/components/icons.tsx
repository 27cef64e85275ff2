import type { StatusTone } from '../utils/import-status';

// Line icons drawn in currentColor, decorative: the text beside them carries the meaning.
function Icon({ d, size = 16, className }: { d: string; size?: number; className?: string }) {
  return (
    <svg className={className} viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false">
      <path d={d} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

const STATUS_PATHS: Record<StatusTone, string> = {
  waiting: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 7v5l3 2',
  working: 'M20 12a8 8 0 0 1-14.3 4.9M4 12a8 8 0 0 1 14.3-4.9M18.5 3v4.2h-4.2M5.5 21v-4.2h4.2',
  done: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM8 12.5l2.7 2.7L16 9.8',
  failed: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM9 9l6 6M15 9l-6 6',
};

export function StatusIcon({ tone, size }: { tone: StatusTone; size?: number }) {
  return <Icon d={STATUS_PATHS[tone]} size={size} className="status-chip-icon" />;
}

export function WarningIcon({ size }: { size?: number }) {
  return <Icon d="M12 3l9.5 17h-19zM12 10v4.5M12 17.5v.01" size={size} className="status-chip-icon" />;
}

export function UploadIcon() {
  return <Icon d="M12 16V4M7 9l5-5 5 5M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3" size={32} className="data-dropzone-icon" />;
}

export function FileIcon() {
  return <Icon d="M6 3h9l4 4v14H6zM15 3v4h4M9 13h7M9 17h7" size={24} className="data-file-icon" />;
}
