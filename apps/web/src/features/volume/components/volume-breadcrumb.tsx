import { Link } from 'react-router';
import { drillCrumbs, drillLevel } from '../utils/volume-drill';
import type { VolumeDrill } from '../utils/volume-drill';

interface VolumeBreadcrumbProps {
  drill: VolumeDrill;
  hrefOf: (drill: VolumeDrill) => string;
}

/** Where the drill-down is, each level above a link back up. */
export function VolumeBreadcrumb({ drill, hrefOf }: VolumeBreadcrumbProps) {
  const crumbs = drillCrumbs(drill);
  const level = drillLevel(drill);
  return (
    <nav className="volume-breadcrumb" aria-label="Drill-down">
      <ol>
        {crumbs.map((crumb, index) => (
          <li key={crumb.label}>
            {index === crumbs.length - 1 ? (
              <span aria-current="location">{crumb.label}</span>
            ) : (
              <Link to={hrefOf(crumb.drill)}>{crumb.label}</Link>
            )}
          </li>
        ))}
      </ol>
      <p className="volume-breadcrumb-hint">
        {level === 'all'
          ? 'Choose a section in “Volume by section” to see its codes.'
          : level === 'section'
            ? 'Choose a code in the table below to see it by department.'
            : null}
      </p>
    </nav>
  );
}
