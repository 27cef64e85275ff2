import { NavLink } from 'react-router';
import { NAV_ITEMS } from './nav-items';

export function SideNav() {
  return (
    <nav className="side-nav" aria-label="Main">
      <ul>
        {NAV_ITEMS.map((item) => (
          <li key={item.to}>
            {/* NavLink sets aria-current="page" on the active link; `end` keeps "/" from matching everything. */}
            <NavLink to={item.to} end={item.to === '/'} className="nav-link">
              {item.icon}
              <span>{item.label}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
