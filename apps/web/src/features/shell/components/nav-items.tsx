import type { ReactNode } from 'react';

export interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
}

// 20px line icons drawn in currentColor, so they follow the link's colour and state.
const icon = (d: string) => (
  <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
    <path d={d} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'Overview', icon: icon('M4 4h7v7H4zM13 4h7v4h-7zM13 10h7v10h-7zM4 13h7v7H4z') },
  { to: '/volume', label: 'Volume', icon: icon('M4 20V10M10 20V4M16 20v-7M22 20H2') },
  { to: '/reimbursement', label: 'Reimbursement', icon: icon('M12 3v18M16.5 7.5c0-1.7-2-3-4.5-3s-4.5 1.3-4.5 3 2 2.6 4.5 3 4.5 1.3 4.5 3-2 3-4.5 3-4.5-1.3-4.5-3') },
  { to: '/capacity', label: 'Capacity', icon: icon('M3 12a9 9 0 1 1 18 0M12 12l4-4M7 16h10') },
  { to: '/reports', label: 'Reports', icon: icon('M6 3h9l4 4v14H6zM15 3v4h4M9 12h7M9 16h7') },
  { to: '/data', label: 'Data', icon: icon('M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zM4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3') },
];

/** Shown to admins only; the pages themselves refuse anyone else. */
export const ADMIN_NAV_ITEMS: readonly NavItem[] = [
  { to: '/admin/users', label: 'Users', icon: icon('M16 20v-1.5a3.5 3.5 0 0 0-3.5-3.5h-5A3.5 3.5 0 0 0 4 18.5V20M10 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM20 20v-1.5a3.5 3.5 0 0 0-2.5-3.4M15.5 4.2a3.5 3.5 0 0 1 0 6.6') },
  { to: '/admin/audit', label: 'Audit log', icon: icon('M12 3l7 3v5c0 4.4-3 8.3-7 10-4-1.7-7-5.6-7-10V6zM9 12l2 2 4-4') },
];
