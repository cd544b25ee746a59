import { expect } from 'chai';
import { parseClauses } from '../../../server/domain/parseClauses.js';
import { writeRedlineDocx } from '../../../server/lib/redlineDocx.js';
import { acceptedText, documentXml } from '../../helpers/wordRedline.js';
import { SCENARIOS } from '../../fixtures/legalCorpus/scenarios.js';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Each clause as the parser reads it, spacing aside: what "the same text" means for a version. */
const clausesOf = (markdown: string) =>
  parseClauses(markdown).clauses.map((c) => ({
    ref: c.ref,
    heading: c.heading && squash(c.heading.replace(/\\/g, '')),
    text: squash(c.text.replace(/\\([.()[\]*_|-])/g, '$1')),
  }));

describe('Word redline (tracked changes)', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.name}: accepting every change gives the later version exactly`, async () => {
      const docx = await writeRedlineDocx(scenario.base, scenario.edited, {
        title: scenario.name,
        author: 'Bea BSC (Elexon)',
        date: '2024-08-21T13:05:00.000Z',
      });
      expect(clausesOf(await acceptedText(docx))).to.deep.equal(clausesOf(scenario.edited));
      const xml = documentXml(docx);
      const changed = scenario.base !== scenario.edited;
      expect(/<w:ins /.test(xml) || /<w:del /.test(xml), 'has revisions').to.equal(changed);
      for (const revision of xml.match(/<w:(?:ins|del) [^>]*>/g) ?? []) {
        expect(revision).to.contain('w:author="Bea BSC (Elexon)"');
        expect(revision).to.match(/w:date="2024-08-21T13:05:00(\.000)?Z"/);
      }
    });
  }

  it('keeps tables as tables, a changed cell a tracked change inside it', async () => {
    const before = [
      '1.1 The Data Items are:',
      '| Data Item | Owner |\n| --- | --- |\n| D0010 | Supplier |\n| D0036 | Data Collector |',
    ].join('\n\n');
    const after = before.replace('| D0036 | Data Collector |', '| D0036 | Data Service |');
    const docx = await writeRedlineDocx(before, after, {
      title: 't',
      author: 'A',
      date: '2024-01-01T00:00:00Z',
    });
    const xml = documentXml(docx);
    expect(xml.match(/<w:tbl>/g)).to.have.length(1);
    expect(xml).to.match(/<w:del [^>]*>(?:(?!<\/w:del>).)*Collector/);
    expect(xml).to.match(/<w:ins [^>]*>(?:(?!<\/w:ins>).)*Service/);
    expect(await acceptedText(docx)).to.contain('| D0036 | Data Service |');
  });

  it('shows an inserted clause as inserted and the edited one after it as edited', async () => {
    const before = '1.1.1 Suppliers shall register.\n\n1.1.2 The Smart Data Service sends data.';
    const after =
      '1.1.1 Suppliers shall register.\n\n1.1.2 Agents shall comply.\n\n1.1.3 The Smart Data Service delivers data.';
    const xml = documentXml(
      await writeRedlineDocx(before, after, {
        title: 't',
        author: 'A',
        date: '2024-01-01T00:00:00Z',
      }),
    );
    // The whole new clause is one insertion, paragraph mark and all.
    expect(xml).to.match(/<w:ins [^>]*>(?:(?!<\/w:ins>).)*1\.1\.2 Agents shall comply\./);
    expect(xml).to.match(/<w:del [^>]*>(?:(?!<\/w:del>).)*sends/);
    expect(xml).to.match(/<w:ins [^>]*>(?:(?!<\/w:ins>).)*delivers/);
  });
});
