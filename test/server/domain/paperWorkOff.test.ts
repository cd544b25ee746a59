import { expect } from 'chai';
import {
  paperWorkOffCommentIds,
  paperWorkOffRow,
  withoutConfidentialWorkOff,
  type PaperWorkOffItem,
} from '../../../server/domain/paperWorkOff.js';

const items: PaperWorkOffItem[] = [
  {
    kind: 'comment',
    confidential: false,
    id: 'c1',
    reference: 'C-000001',
    document: 'BSCP701',
    subject: 'Clause 1.1: Public',
    owner: 'BSC',
  },
  {
    kind: 'comment',
    confidential: false,
    id: 'c2',
    reference: 'C-000002',
    document: 'BSCP702',
    subject: 'Clause 2: Made confidential since',
    owner: 'BSC',
  },
  { kind: 'comment', confidential: true, document: 'BSCP701', owner: 'BSC' },
  { kind: 'change', reference: 'CR900', subject: 'After M6', owner: null },
];

describe('post-M6 work-off items in a paper', () => {
  it('names the comments it may check, and stops naming one made confidential since', () => {
    expect(paperWorkOffCommentIds(items)).to.deep.equal(['c1', 'c2']);
    const rows = withoutConfidentialWorkOff(items, new Set(['c2'])).map(paperWorkOffRow);
    expect(rows).to.deep.equal([
      ['Comment C-000001', 'BSCP701', 'Clause 1.1: Public', 'BSC'],
      ['A confidential comment', 'BSCP702', '(not named)', 'BSC'],
      ['A confidential comment', 'BSCP701', '(not named)', 'BSC'],
      ['Change CR900', '–', 'After M6', 'Not yet assigned'],
    ]);
    expect(JSON.stringify(withoutConfidentialWorkOff(items, new Set(['c2'])))).to.not.include(
      'C-000002',
    );
  });
});
