import { expect } from 'chai';
import { chooseArtefactSlug, slugify } from '../../../server/domain/slugs.js';

describe('slugs', () => {
  it('slugifies references', () => {
    expect(slugify('BSC Section S Annex S-3')).to.equal('bsc-section-s-annex-s-3');
    expect(slugify('  Énergie & Co. ')).to.equal('energie-co');
  });
  it('falls back to the title, then a number, when the reference is taken', () => {
    const a = { code: 'REC', reference: 'Data Specification', title: 'Data Item Catalogue' };
    expect(chooseArtefactSlug(a, new Set())).to.equal('rec-data-specification');
    expect(chooseArtefactSlug(a, new Set(['rec-data-specification']))).to.equal(
      'rec-data-item-catalogue',
    );
    expect(
      chooseArtefactSlug(a, new Set(['rec-data-specification', 'rec-data-item-catalogue'])),
    ).to.equal('rec-data-specification-2');
  });
});
