import { expect } from 'chai';
import fc from 'fast-check';
import { clauseChangeHtml, partsHtml } from '../../../server/domain/redlineHtml.js';
import { wordDiff, type DiffPart } from '../../../server/domain/wordDiff/index.js';

/** clauseChangeHtml as redline.ts calls it: with the clause's own word diff. */
const html = (before: string, after: string) =>
  clauseChangeHtml(before, after, wordDiff(before, after).parts);

const table = (...rows: string[][]) =>
  [rows[0], rows[0]?.map(() => '---'), ...rows.slice(1)]
    .map((cells) => `| ${(cells ?? []).join(' | ')} |`)
    .join('\n');

const ALLOWED_TAGS = new Set([
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'ins',
  'del',
  'br',
  'p',
]);
const ALLOWED_ATTRIBUTES = new Set([
  '',
  ' class="redline-table"',
  ' class="redline-row-added"',
  ' class="redline-row-removed"',
]);

/** Every `<` and `>` in the output belongs to an allowed tag with an allowed attribute. */
function expectSafe(out: string) {
  const rest = out.replace(/<\/?([a-z]+)([^<>]*)>/g, (tag, name: string, attributes: string) => {
    expect(ALLOWED_TAGS.has(name), `tag ${tag}`).to.equal(true);
    expect(ALLOWED_ATTRIBUTES.has(attributes), `tag ${tag}`).to.equal(true);
    return '';
  });
  expect(rest).to.not.match(/[<>]/);
}

const unescape = (s: string) =>
  s.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

/** The text of one side as rendered: the other side's changes dropped, tags stripped. */
const sideText = (out: string, drop: 'ins' | 'del') =>
  unescape(
    out
      .replace(new RegExp(`<${drop}>[^]*?</${drop}>`, 'g'), '')
      .replace(/<br>/g, '\n')
      .replace(/<[^>]*>/g, ''),
  );

describe('partsHtml', () => {
  it('escapes text and marks insertions and deletions', () => {
    const parts: DiffPart[] = [
      { op: 'equal', text: 'a < b & ' },
      { op: 'delete', text: '"c"' },
      { op: 'insert', text: "'d'" },
    ];
    expect(partsHtml(parts)).to.equal(
      'a &#60; b &#38; <del>&#34;c&#34;</del><ins>&#39;d&#39;</ins>',
    );
  });
});

describe('clauseChangeHtml', () => {
  it('is partsHtml of the given parts when neither side has a table', () => {
    const parts: DiffPart[] = [
      { op: 'equal', text: 'Any | pipe ' },
      { op: 'insert', text: 'here' },
    ];
    expect(clauseChangeHtml('Any | pipe ', 'Any | pipe here', parts)).to.equal(partsHtml(parts));
    // Pipe lines with no separator row are not a table either.
    const text = '| not | a table |\n| just | pipes |';
    expect(clauseChangeHtml(text, text, [{ op: 'equal', text }])).to.equal(
      '| not | a table |\n| just | pipes |',
    );
  });

  it('renders an edited cell, an unchanged row and an added row', () => {
    const before = table(['Item', 'Value'], ['Alpha', '1'], ['Beta', '2']);
    const after = table(['Item', 'Value'], ['Alpha', '10'], ['Beta', '2'], ['Gamma', '3']);
    expect(html(before, after)).to.equal(
      '<table class="redline-table">' +
        '<thead><tr><th>Item</th><th>Value</th></tr></thead>' +
        '<tbody>' +
        '<tr><td>Alpha</td><td><del>1</del><ins>10</ins></td></tr>' +
        '<tr><td>Beta</td><td>2</td></tr>' +
        '<tr class="redline-row-added"><td><ins>Gamma</ins></td><td><ins>3</ins></td></tr>' +
        '</tbody></table>',
    );
  });

  it('renders a removed row, and pairs an edited row past an inserted one', () => {
    const before = table(
      ['Item', 'Value'],
      ['Alpha', 'one'],
      ['Beta', 'two units'],
      ['Gamma', 'three'],
    );
    const after = table(['Item', 'Value'], ['Delta', 'four'], ['Beta', 'two more units']);
    expect(html(before, after)).to.equal(
      '<table class="redline-table">' +
        '<thead><tr><th>Item</th><th>Value</th></tr></thead>' +
        '<tbody>' +
        '<tr><td><del>Alpha</del><ins>Delta</ins></td><td><del>one</del><ins>four</ins></td></tr>' +
        '<tr><td>Beta</td><td>two <ins>more </ins>units</td></tr>' +
        '<tr class="redline-row-removed"><td><del>Gamma</del></td><td><del>three</del></td></tr>' +
        '</tbody></table>',
    );
  });

  it('aligns an inserted column by content and marks its cells inserted', () => {
    const before = table(['Code', 'Owner'], ['D0010', 'Supplier'], ['D0036', 'MOA']);
    const after = table(
      ['Code', 'Flow name', 'Owner'],
      ['D0010', 'Meter readings', 'Supplier'],
      ['D0036', 'Validated readings', 'MOA'],
    );
    expect(html(before, after)).to.equal(
      '<table class="redline-table">' +
        '<thead><tr><th>Code</th><th><ins>Flow name</ins></th><th>Owner</th></tr></thead>' +
        '<tbody>' +
        '<tr><td>D0010</td><td><ins>Meter readings</ins></td><td>Supplier</td></tr>' +
        '<tr><td>D0036</td><td><ins>Validated readings</ins></td><td>MOA</td></tr>' +
        '</tbody></table>',
    );
  });

  it('marks the cells of a removed column deleted', () => {
    const before = table(['Code', 'Flow name', 'Owner'], ['D0010', 'Meter readings', 'Supplier']);
    const after = table(['Code', 'Owner'], ['D0010', 'Supplier']);
    expect(html(before, after)).to.equal(
      '<table class="redline-table">' +
        '<thead><tr><th>Code</th><th><del>Flow name</del></th><th>Owner</th></tr></thead>' +
        '<tbody><tr><td>D0010</td><td><del>Meter readings</del></td><td>Supplier</td></tr>' +
        '</tbody></table>',
    );
  });

  it('renders <br> in a cell as a line break, an escaped pipe as a pipe, and escapes the rest', () => {
    const before = table(['Rule', 'Detail'], ['R1', 'first line<br>second line']);
    const after = table(
      ['Rule', 'Detail'],
      ['R1', 'first line<br>second line<br>third \\| line'],
      ['R2', '<script>alert("x")</script> & <b>bold</b>'],
    );
    const out = html(before, after);
    expect(out).to.include('<td>first line<br>second line<ins><br>third | line</ins></td>');
    expect(out).to.include(
      '<td><ins>&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#60;b&#62;bold&#60;/b&#62;</ins></td>',
    );
    expect(out).to.not.include('<script>');
    expectSafe(out);
  });

  it('diffs the paragraphs around a table as text and never shows the pipes', () => {
    const before = `Intro to the flows.\n\n${table(['A', 'B'], ['1', '2'])}\n\nClosing words here.`;
    const after = `Intro to the data flows.\n\n${table(['A', 'B'], ['1', '3'])}\n\nClosing words here.`;
    const out = html(before, after);
    expect(out).to.equal(
      '<p>Intro to the <ins>data </ins>flows.</p>' +
        '<table class="redline-table"><thead><tr><th>A</th><th>B</th></tr></thead>' +
        '<tbody><tr><td>1</td><td><del>2</del><ins>3</ins></td></tr></tbody></table>' +
        '<p>Closing words here.</p>',
    );
    expect(out).to.not.include('|');
  });

  it('shows a table added to a clause as a table of added rows', () => {
    const after = `Intro.\n\n${table(['A', 'B'], ['1', '2'])}`;
    expect(html('Intro.', after)).to.equal(
      '<p>Intro.</p><table class="redline-table">' +
        '<thead><tr class="redline-row-added"><th><ins>A</ins></th><th><ins>B</ins></th></tr></thead>' +
        '<tbody><tr class="redline-row-added"><td><ins>1</ins></td><td><ins>2</ins></td></tr>' +
        '</tbody></table>',
    );
  });

  it('shows a removed table as a table of removed rows, and an unchanged one plainly', () => {
    const t = table(['A', 'B'], ['1', '2']);
    expect(html(`${t}\n\nAfter.`, 'After.')).to.equal(
      '<table class="redline-table">' +
        '<thead><tr class="redline-row-removed"><th><del>A</del></th><th><del>B</del></th></tr></thead>' +
        '<tbody><tr class="redline-row-removed"><td><del>1</del></td><td><del>2</del></td></tr>' +
        '</tbody></table><p>After.</p>',
    );
    expect(html(t, t)).to.equal(
      '<table class="redline-table"><thead><tr><th>A</th><th>B</th></tr></thead>' +
        '<tbody><tr><td>1</td><td>2</td></tr></tbody></table>',
    );
  });

  it('pairs tables with tables and text with text when blocks are added around them', () => {
    const t1 = table(['Flow', 'Owner'], ['D0010', 'Supplier']);
    const t2 = table(['Party', 'Role'], ['NHHDA', 'Aggregator']);
    const before = `${t1}\n\nNotes on the flows.`;
    const after = `${t2}\n\nNew paragraph.\n\n${t1}\n\nNotes on the flows.`;
    const out = html(before, after);
    // The old table is unchanged (no ins or del inside it); the new one is all added.
    expect(out).to.include(
      '<table class="redline-table"><thead><tr><th>Flow</th><th>Owner</th></tr></thead>' +
        '<tbody><tr><td>D0010</td><td>Supplier</td></tr></tbody></table>',
    );
    expect(out).to.include('<tr class="redline-row-added"><td><ins>NHHDA</ins></td>');
    expect(out).to.include('<p><ins>New paragraph.</ins></p>');
    expect(out).to.match(/<p>Notes on the flows\.<\/p>$/);
  });

  describe('safety and completeness (property-based)', () => {
    const cellText = fc
      .array(
        fc.constantFrom(
          'data',
          'Supplier',
          '2.1.3',
          '<script>',
          '</td>',
          '&amp;',
          '"q"',
          "'s'",
          '<br>',
          '|',
          '-',
          '---',
          'é',
          '😀',
        ),
        { minLength: 1, maxLength: 5 },
      )
      .map((words) => words.join(' '));
    const grid = fc.integer({ min: 1, max: 4 }).chain((width) =>
      fc.array(fc.array(cellText, { minLength: width, maxLength: width }), {
        minLength: 2,
        maxLength: 6,
      }),
    );
    const paragraph = fc.constantFrom('', 'Intro <b>text</b> & more.', 'Notes | with a pipe.');
    /** Markdown for a grid: pipes in cells escaped, as our Word import writes them. */
    const markdown = (rows: string[][]) =>
      table(...rows.map((r) => r.map((c) => c.replace(/\|/g, '\\|'))));
    /** A cell as displayed: `<br>` a line break. */
    const shown = (cell: string) => cell.replace(/<br>/g, '\n');

    type Edit = { row: number; col: number; text: string };
    const edits = fc.array(fc.record({ row: fc.nat(), col: fc.nat(), text: cellText }), {
      maxLength: 4,
    });

    it('emits only allowed tags, and every cell of each side in its text', () => {
      fc.assert(
        fc.property(
          grid,
          edits,
          fc.nat(),
          fc.boolean(),
          paragraph,
          paragraph,
          (rows, cellEdits: Edit[], dropRow, addColumn, p1, p2) => {
            const after = rows.map((r) => [...r]);
            for (const e of cellEdits) {
              const row = after[e.row % after.length] as string[];
              row[e.col % row.length] = e.text;
            }
            if (after.length > 2) after.splice(1 + (dropRow % (after.length - 1)), 1);
            if (addColumn) after.forEach((r, i) => r.splice(1, 0, `new ${i}`));
            const before = `${p1}\n\n${markdown(rows)}`;
            const afterText = `${p2}\n\n${markdown(after)}`;
            const out = html(before, afterText);
            expectSafe(out);
            // No raw Markdown: all text sits in a cell or a paragraph.
            expect(out.replace(/<(td|th|p)>[^]*?<\/\1>/g, '').replace(/<[^>]*>/g, '')).to.equal('');
            const oldText = sideText(out, 'ins');
            const newText = sideText(out, 'del');
            for (const cell of rows.flat()) expect(oldText).to.include(shown(cell));
            for (const cell of after.flat()) expect(newText).to.include(shown(cell));
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});
