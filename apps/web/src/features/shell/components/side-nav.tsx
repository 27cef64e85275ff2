import { NavLink, useLocation } from 'react-router';
import { filterSearchOf } from '../../filters/utils/dashboard-filters';
import { isDashboardPath } from '../../filters/utils/dashboard-paths';
import { useSessionUser } from '../../auth/hooks/use-session-user';
import { isAdmin } from '../../auth/utils/session-user';
import { ADMIN_NAV_ITEMS, NAV_ITEMS, type NavItem } from './nav-items';

export function SideNav() {
  const admin = isAdmin(useSessionUser());
  return (
    <nav className="side-nav" aria-label="Main">
      <NavList items={NAV_ITEMS} />
      {admin ? (
        <div className="nav-section">
          <h2 id="nav-admin-title" className="nav-section-title">
            Admin
          </h2>
          <NavList items={ADMIN_NAV_ITEMS} labelledBy="nav-admin-title" />
        </div>
      ) : null}
    </nav>
  );
}

function NavList({ items, labelledBy }: { items: readonly NavItem[]; labelledBy?: string }) {
  // Moving between the dashboard pages keeps the filters: the filter bar is the same on each.
  const location = useLocation();
  const filterSearch = isDashboardPath(location.pathname) ? filterSearchOf(location.search) : '';
  const target = (to: string) => (filterSearch !== '' && isDashboardPath(to) ? { pathname: to, search: `?${filterSearch}` } : to);
  return (
    <ul aria-labelledby={labelledBy}>
      {items.map((item) => (
        <li key={item.to}>
          {/* NavLink sets aria-current="page" on the active link; `end` keeps "/" from matching everything. */}
          <NavLink to={target(item.to)} end={item.to === '/'} className="nav-link">
            {item.icon}
            <span>{item.label}</span>
          </NavLink>
        </li>
      ))}
    </ul>
  );
}
