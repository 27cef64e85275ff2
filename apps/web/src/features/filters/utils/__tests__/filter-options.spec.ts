import { PAYER_CATEGORY_OPTIONS, PLACE_OF_SERVICE_OPTIONS, SECTION_OPTIONS, withSelected } from '../filter-options';

describe('filter options', () => {
  it('offers every section and payer category of the domain', () => {
    expect(SECTION_OPTIONS.map((option) => option.value)).toContain('pathology_lab');
    expect(SECTION_OPTIONS).toHaveLength(10);
    expect(PAYER_CATEGORY_OPTIONS.map((option) => option.label)).toEqual(['Medicare', 'Medicaid', 'Commercial', 'Self-pay', 'Other']);
  });

  it('keeps a selected value that the list does not offer, so it can be removed', () => {
    const options = withSelected(PLACE_OF_SERVICE_OPTIONS, ['22', '65']);
    expect(options.filter((option) => option.value === '22')).toHaveLength(1);
    expect(options.at(-1)).toEqual({ value: '65', label: '65' });
  });
});
