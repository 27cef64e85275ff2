import { isSectionId, isValidCode, normalizeCode, SECTION_LABELS, SECTIONS, sectionOf, type SectionId } from '../codes.js';

describe('sectionOf', () => {
  // First and last code of every range of DESIGN §3.3 and the neighbours just outside.
  it.each<[string, SectionId]>([
    ['00050', 'other'],
    ['00099', 'other'],
    ['00100', 'anesthesia'],
    ['01999', 'anesthesia'],
    ['02000', 'other'],
    ['10003', 'other'],
    ['10004', 'surgery'],
    ['69990', 'surgery'],
    ['69991', 'other'],
    ['70009', 'other'],
    ['70010', 'radiology'],
    ['79999', 'radiology'],
    ['80000', 'other'],
    ['80046', 'other'],
    ['80047', 'pathology_lab'],
    ['89398', 'pathology_lab'],
    ['89399', 'other'],
    ['90280', 'other'],
    ['90281', 'medicine'],
    ['99099', 'medicine'],
    ['99100', 'anesthesia'],
    ['99140', 'anesthesia'],
    ['99141', 'medicine'],
    ['99199', 'medicine'],
    ['99200', 'other'],
    ['99201', 'other'],
    ['99202', 'em'],
    ['99213', 'em'],
    ['99499', 'em'],
    ['99500', 'medicine'],
    ['99607', 'medicine'],
    ['99608', 'other'],
    ['99999', 'other'],
    ['0001U', 'pathology_lab'],
    ['0001M', 'pathology_lab'],
    ['0001A', 'medicine'],
    ['0001F', 'category_ii'],
    ['0001T', 'category_iii'],
    ['A0021', 'hcpcs_ii'],
    ['G0008', 'hcpcs_ii'],
    ['V5364', 'hcpcs_ii'],
  ])('puts %s in %s', (code, section) => {
    expect(sectionOf(code)).toBe(section);
  });

  it('normalizes before deciding', () => {
    expect(sectionOf(' a0021 ')).toBe('hcpcs_ii');
    expect(sectionOf('0001u')).toBe('pathology_lab');
  });

  it('calls an invalid code other', () => {
    expect(sectionOf('W1234')).toBe('other');
  });
});

describe('isValidCode', () => {
  it.each(['99213', '00100', '0001A', '0001M', '0001F', '0001T', '0001U', 'A0021', 'V5364', 'J1100'])('accepts %s', (code) => {
    expect(isValidCode(code)).toBe(true);
  });

  it.each(['W1234', 'Z1234', '1234', '123456', '0001B', '0001X', 'AA123', 'A12345', 'a0021', ' 99213', '99213 ', '9921.', ''])(
    'refuses %p',
    (code) => {
      expect(isValidCode(code)).toBe(false);
    },
  );

  it('accepts lower-case and padded codes once normalized', () => {
    expect(normalizeCode('  a0021 ')).toBe('A0021');
    expect(normalizeCode('\t0001u')).toBe('0001U');
    expect(isValidCode(normalizeCode(' 99213\t'))).toBe(true);
    expect(isValidCode(normalizeCode('g0008'))).toBe(true);
  });
});

describe('sections', () => {
  it('labels every section in our own words', () => {
    expect(SECTION_LABELS).toEqual({
      em: 'Evaluation & management',
      anesthesia: 'Anesthesia',
      surgery: 'Surgery',
      radiology: 'Radiology',
      pathology_lab: 'Pathology & laboratory',
      medicine: 'Medicine',
      category_ii: 'Category II (performance)',
      category_iii: 'Category III (emerging)',
      hcpcs_ii: 'HCPCS Level II',
      other: 'Other',
    });
  });

  it('recognises section ids', () => {
    expect(SECTIONS.every(isSectionId)).toBe(true);
    expect(isSectionId('lab')).toBe(false);
    expect(isSectionId('EM')).toBe(false);
  });
});
