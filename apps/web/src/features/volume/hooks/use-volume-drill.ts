import { useCallback, useMemo } from 'react';
import { useLocation } from 'react-router';
import { parseVolumeDrill, volumeDrillSearch } from '../utils/volume-drill';
import type { VolumeDrill } from '../utils/volume-drill';

/**
 * The Volume page's drill-down, read from the address. Each level is a link (`hrefOf`), so a
 * reload keeps it, Back goes up a level, and a level can open in a new tab.
 */
export function useVolumeDrill() {
  const { pathname, search } = useLocation();
  const drill = useMemo(() => parseVolumeDrill(search), [search]);
  const hrefOf = useCallback((next: VolumeDrill) => `${pathname}${volumeDrillSearch(search, next)}`, [pathname, search]);
  return { drill, hrefOf };
}
