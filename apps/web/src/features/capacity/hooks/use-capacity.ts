import type { CapacityForecastResponse, CapacityNeedsResponse, CapacityResourceTypesResponse, CapacityUtilizationResponse } from '@caseload/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../api/api-fetch';
import { forecastUrl, needsUrl, RESOURCE_TYPES_URL, utilizationUrl } from '../utils/capacity-queries';
import type { CapacityWhatIf } from '../utils/capacity-queries';

/** One GET of the capacity routes; a change keeps the old answer on show while the new one loads. */
function useCapacityRoute<T>(url: string) {
  return useQuery({
    queryKey: ['capacity', url],
    queryFn: ({ signal }) => apiFetch<T>(url, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Needs of the coming months; with the default scenario it is the page's own question. */
export function useCapacityNeeds(departments: readonly string[], horizon: number, whatIf: CapacityWhatIf) {
  return useCapacityRoute<CapacityNeedsResponse>(needsUrl(departments, horizon, whatIf));
}

export function useCapacityUtilization(from: string, to: string, departments: readonly string[]) {
  return useCapacityRoute<CapacityUtilizationResponse>(utilizationUrl(from, to, departments));
}

export function useCapacityForecast(departments: readonly string[], sections: readonly string[], horizon: number) {
  return useCapacityRoute<CapacityForecastResponse>(forecastUrl(departments, sections, horizon));
}

/** The resource types: their display names, and whether a capacity model exists at all. */
export function useResourceTypes() {
  return useQuery({
    queryKey: ['capacity', RESOURCE_TYPES_URL],
    queryFn: ({ signal }) => apiFetch<CapacityResourceTypesResponse>(RESOURCE_TYPES_URL, { signal }),
    staleTime: 5 * 60_000,
  });
}
