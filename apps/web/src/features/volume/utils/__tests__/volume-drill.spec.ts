import { drillCrumbs, drillLevel, drillScope, parseVolumeDrill, scopeName, TOP_LEVEL, volumeDrillSearch } from '../volume-drill';

const params = { grain: 'month', from: '2025-01-01', to: '2025-12-31' } as const;

describe('parseVolumeDrill', () => {
  it('reads no drill as the top level', () => {
    expect(parseVolumeDrill('')).toEqual(TOP_LEVEL);
    expect(drillLevel(parseVolumeDrill(''))).toBe('all');
  });

  it('reads a section, and a code with the section it belongs to', () => {
    expect(parseVolumeDrill('?drill_section=radiology')).toEqual({ section: 'radiology', code: null });
    expect(parseVolumeDrill('drill_section=radiology&drill_code=70450')).toEqual({ section: 'radiology', code: '70450' });
    expect(drillLevel(parseVolumeDrill('drill_code=70450'))).toBe('code');
  });

  it('takes the section from the code when a link disagrees, and tidies the code', () => {
    expect(parseVolumeDrill('drill_section=surgery&drill_code=%2070450')).toEqual({ section: 'radiology', code: '70450' });
    expect(parseVolumeDrill('drill_code=j1100')).toEqual({ section: 'hcpcs_ii', code: 'J1100' });
  });

  it('falls back a level on an unknown section or an invalid code', () => {
    expect(parseVolumeDrill('drill_section=x-ray')).toEqual(TOP_LEVEL);
    expect(parseVolumeDrill('drill_section=radiology&drill_code=ABC')).toEqual({ section: 'radiology', code: null });
  });
});

describe('volumeDrillSearch', () => {
  it('sets the drill after the filters, keeping their literal commas and other parameters', () => {
    expect(volumeDrillSearch('?grain=quarter&department=CARD,RAD&tab=x', { section: 'radiology', code: '70450' })).toBe(
      '?grain=quarter&department=CARD,RAD&tab=x&drill_section=radiology&drill_code=70450',
    );
  });

  it('goes up a level by dropping the drill keys', () => {
    expect(volumeDrillSearch('?grain=week&drill_section=radiology&drill_code=70450', { section: 'radiology', code: null })).toBe('?grain=week&drill_section=radiology');
    expect(volumeDrillSearch('?drill_section=radiology', TOP_LEVEL)).toBe('');
  });
});

describe('drillScope', () => {
  it('leaves the filters alone at the top level', () => {
    expect(drillScope(TOP_LEVEL, params)).toEqual({ params, outsideFilters: false });
  });

  it('narrows to the section and the code', () => {
    expect(drillScope({ section: 'radiology', code: '70450' }, { ...params, section: ['radiology', 'surgery'] })).toEqual({
      params: { ...params, section: ['radiology'], code: ['70450'] },
      outsideFilters: false,
    });
  });

  it('says so when the section filter leaves the drilled section out', () => {
    expect(drillScope({ section: 'radiology', code: null }, { ...params, section: ['surgery'] }).outsideFilters).toBe(true);
  });
});

describe('drillCrumbs and scopeName', () => {
  it('list the way back up, the current level last', () => {
    expect(drillCrumbs({ section: 'radiology', code: '70450' }).map((crumb) => crumb.label)).toEqual(['All sections', 'Radiology', '70450']);
    expect(drillCrumbs({ section: 'radiology', code: '70450' })[1]?.drill).toEqual({ section: 'radiology', code: null });
    expect(drillCrumbs(TOP_LEVEL)).toHaveLength(1);
  });

  it('name what the figures cover', () => {
    expect(scopeName(TOP_LEVEL)).toBe('all sections');
    expect(scopeName({ section: 'pathology_lab', code: null })).toBe('Pathology & laboratory');
    expect(scopeName({ section: 'radiology', code: '70450' })).toBe('code 70450');
  });
});
