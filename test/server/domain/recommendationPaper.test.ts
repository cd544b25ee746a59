import { expect } from 'chai';
import JSZip from 'jszip';
import { Marked } from 'marked';
import { summariseDueProcess, type DueProcessSummary } from '../../../server/domain/dueProcess.js';
import { computeReadiness, type ArtefactFacts } from '../../../server/domain/readiness.js';
import {
  dueProcessCoverage,
  markdownText,
  renderPaperMarkdown,
  type PaperMeta,
  type PaperSnapshot,
} from '../../../server/domain/recommendationPaper.js';
import { renderPaperDocx } from '../../../server/lib/paperDocx.js';
import { paperHtml } from '../../../server/presenters/recommendation.js';
import { PAPER_AUDIENCE, presentReadiness } from '../../../server/presenters/readiness.js';

/** User text that would be structure if a paper took it as Markdown or HTML. */
const HOSTILE = [
  'CDWG Recommendation: READY\n====',
  'Not ready after all\n---',
  '| Verdict | Ready |\n|---|---|\n| CDWG | READY |',
  '---',
  '***',
  '# READY',
  '> quoted approval',
  '1. first\n2. second',
  '- item\n+ item\n* item',
  '    indented code',
  '```\nfenced\n```',
  '`code`',
  '<img src=x onerror=alert(1)>',
  '<script>alert(2)</script>',
  '[link](javascript:alert(3))',
  '![image](https://evil.example/x.png)',
  '<https://evil.example>',
  'https://evil.example/path and www.evil.example and mail@evil.example',
  '[ref]: https://evil.example',
  '**bold** _em_ ~~struck~~',
  '&lt;b&gt; &amp; &#60;i&#62;',
  'trailing backslash\\',
];
const WAIVER_KINDS = ['waived-finding', 'brag-override', 'no-code-impact'] as const;
const BENIGN = HOSTILE.map((_, i) => `plain words ${i}`);

function artefact(text: (i: number) => string, i: number, code: string): ArtefactFacts {
  return {
    id: `a${i}`,
    slug: `a${i}`,
    code,
    reference: text(i),
    title: text(i + 1),
    topicArea: text(i + 2),
    bragOverride: null,
    bragOverrideReason: null,
    currentVersion: { id: `v${i}`, label: text(i + 4), incorporates: [], clauseRefs: ['1'] },
    firstVersionAt: '2026-05-01T00:00:00.000Z',
    consultations: [],
    comments: [],
    outstandingComments: 0,
    totalComments: 0,
    confidentialComments: [],
    changes: [{ id: 'CR053', title: text(i + 5), status: 'approved', noCodeImpact: false }],
    openFindings: [{ id: `f${i}`, clauseRef: '1', kind: 'undefined-term', excerpt: text(i + 6) }],
    baselined: false,
  };
}

/** A paper whose every piece of user text is taken from `corpus`. */
function paper(corpus: string[]): { snapshot: PaperSnapshot; meta: PaperMeta } {
  const text = (i: number) => corpus[i % corpus.length] ?? '';
  const readiness = computeReadiness({
    now: '2026-06-30T12:00:00.000Z',
    artefacts: corpus.map((_, i) => artefact(text, i, i % 2 ? 'BSC' : 'REC')),
    requirements: [],
    dueProcessResponses: corpus.length,
    decisions: { ccagRecommended: false, sroApproved: false },
  });
  return {
    snapshot: {
      readiness: presentReadiness(readiness, PAPER_AUDIENCE),
      dueProcess: summariseDueProcess(
        corpus.map((lessonsLearnt) => ({ answers: {}, lessonsLearnt })),
      ),
      baseline: corpus.map((_, i) => ({
        code: i % 2 ? 'BSC' : 'REC',
        reference: text(i),
        title: text(i + 1),
        version: {
          label: text(i + 2),
          publishedAt: '2026-05-01T00:00:00.000Z',
          contentHash: 'ab'.repeat(32),
          incorporates: [text(i + 3)],
        },
      })),
      waivers: corpus.map((_, i) => ({
        kind: WAIVER_KINDS[i % WAIVER_KINDS.length] ?? 'brag-override',
        reference: text(i),
        subject: text(i + 1),
        reason: text(i + 2),
        decidedAt: i % 2 ? '2026-05-01T00:00:00.000Z' : null,
      })),
    },
    meta: {
      reference: 'CDWG-M6-20260630-0A1B2C3D',
      generatedAt: '2026-06-30T12:00:00.000Z',
      generatedBy: text(7),
    },
  };
}

/** How many of each element an HTML document has: its structure, whatever its text. */
function structure(html: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [, tag] of html.matchAll(/<([a-z][a-z0-9]*)[\s>/]/gi)) {
    const name = (tag ?? '').toLowerCase();
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

const marked = new Marked({ gfm: true });
const decode = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('recommendation paper: user text is text', () => {
  const hostile = paper(HOSTILE);
  const benign = paper(BENIGN);

  it('escapes every Markdown construct, so the .md renders as the text that was written', () => {
    for (const s of HOSTILE) {
      const html = marked.parse(markdownText(s), { async: false });
      expect(structure(html), s).to.deep.equal({ p: 1 });
      expect(decode(html).trim(), s).to.equal(oneLine(s));
    }
  });

  it('gives the .md paper the same structure whatever its user text', () => {
    const md = renderPaperMarkdown(hostile.snapshot, hostile.meta);
    const html = marked.parse(md, { async: false });
    const expected = structure(
      marked.parse(renderPaperMarkdown(benign.snapshot, benign.meta), { async: false }),
    );
    expect(structure(html)).to.deep.equal(expected);
    for (const tag of ['img', 'a', 'script', 'code', 'pre', 'blockquote', 'hr'])
      expect(structure(html), tag).to.not.have.property(tag);
    const text = decode(html);
    for (const s of HOSTILE) expect(text, s).to.include(oneLine(s));
  });

  it('gives the .html paper the same structure whatever its user text', () => {
    const page = (p: ReturnType<typeof paper>) =>
      paperHtml(renderPaperMarkdown(p.snapshot, p.meta), 'CDWG Recommendation (M6)');
    const html = page(hostile);
    expect(structure(html)).to.deep.equal(structure(page(benign)));
    expect(html).to.not.match(/<(img|a|script)\b/i);
    expect(html).to.include('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('puts user text into the .docx as text runs only', async () => {
    const documentXml = async (p: ReturnType<typeof paper>) =>
      (await JSZip.loadAsync(await renderPaperDocx(p.snapshot, p.meta)))
        .file('word/document.xml')
        ?.async('string') ?? '';
    const xml = await documentXml(hostile);
    const shape = (x: string) => ({
      ...structure(x),
      styles: [...x.matchAll(/<w:pStyle w:val="([^"]+)"/g)].map((m) => m[1]).join(','),
    });
    expect(shape(xml)).to.deep.equal(shape(await documentXml(benign)));
    expect(xml).to.not.include('w:hyperlink');
    expect(xml).to.include('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('recommendation paper: due-process coverage', () => {
  it('names the non-responders and each refusal with the programme’s response, in UK dates', () => {
    const summary = {
      ...summariseDueProcess([{ answers: {}, lessonsLearnt: '' }]),
      participants: 2,
      nonResponders: [{ id: 'o2', name: 'Beta Energy' }],
      refusals: [
        {
          responseId: 'r1',
          organisation: { id: 'o1', name: 'Alpha Supply' },
          key: 'artefactsMakeSense' as const,
          confirmation: 'Code Artefacts made sense',
          text: 'Annex X-1 is unclear',
          programmeResponse: { text: 'Rewritten in v3', respondedAt: '2024-08-21T13:05:00.000Z' },
        },
      ],
    };
    expect(dueProcessCoverage(summary)).to.deep.equal([
      'Responded: 1 of 2 participant organisations',
      'Not responded: Beta Energy',
      'Alpha Supply did not confirm "Code Artefacts made sense": Annex X-1 is unclear. Programme response: Rewritten in v3 (21 August 2024, 14:05)',
    ]);
  });

  it('adds nothing for a paper made before coverage was recorded', () => {
    // As papers stored it before coverage was counted.
    const old = { responses: 0, confirmations: [], lessonsLearnt: [] } as unknown;
    expect(dueProcessCoverage(old as DueProcessSummary)).to.deep.equal([]);
  });
});
