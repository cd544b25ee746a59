import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { CRITERIA, type CriterionId } from '../domain/readiness.js';
import {
  ARTEFACT_HEADER,
  artefactIssues,
  BASELINE_HEADER,
  baselineRow,
  BRAG_LABELS,
  codeStatus,
  codeTitle,
  dueProcessCoverage,
  dueProcessTitle,
  evidenceLines,
  GLANCE_HEADER,
  glanceRows,
  KEY_ARTEFACTS,
  notReadyReasons,
  STANDARD_RECOMMENDATION,
  unlistedBlockers,
  WAIVER_HEADER,
  waiverRow,
  type PaperMeta,
  type PaperSnapshot,
} from '../domain/recommendationPaper.js';
import { WORK_OFF_PAPER_HEADER, paperWorkOffRow } from '../domain/paperWorkOff.js';
import { ukDateTime } from '../domain/ukDateTime.js';
import type { Brag } from '../domain/vocabulary.js';

// Sizes are in twips (1/20 pt; 567 to the centimetre) and font sizes in half-points, as Word has them.
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134;
/** The width between the margins: every table's columns add up to it. */
const CONTENT = A4.width - 2 * MARGIN;
const FONT = 'Arial';
const NAVY = '0B3D6E';
const HEADER_FILL = 'E8EEF5';
const BORDER = '8C8C8C';

/**
 * BRAG cells are filled in their colour and keep the word, so the rating reads on a black and
 * white print too; the text colour keeps at least 4.5:1 against the fill.
 */
const BRAG_FILL: Record<Brag, { fill: string; color: string }> = {
  blue: { fill: '0070C0', color: 'FFFFFF' },
  red: { fill: 'C00000', color: 'FFFFFF' },
  amber: { fill: 'FFC000', color: '000000' },
  green: { fill: '00B050', color: '000000' },
};
const MET_FILL = { met: 'E2F0D9', notMet: 'FBE4E4' };

/** One cell: its lines (each a paragraph) or runs, and how it is filled. */
interface Cell {
  lines: (string | TextRun[])[];
  fill?: string;
  color?: string;
  bold?: boolean;
}

const cell = (text: string, options: Omit<Cell, 'lines'> = {}): Cell => ({
  lines: [text],
  ...options,
});

function tableCell(content: Cell, width: number, header: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    verticalAlign: VerticalAlignTable.TOP,
    ...(content.fill && {
      shading: { type: ShadingType.CLEAR, color: 'auto', fill: content.fill },
    }),
    children: content.lines.map(
      (line) =>
        new Paragraph({
          spacing: { before: 0, after: 0 },
          // A header row stays with the first row below it.
          keepNext: header,
          children:
            typeof line === 'string'
              ? [
                  new TextRun({
                    text: line,
                    size: 18,
                    bold: header || content.bold,
                    ...(content.color && { color: content.color }),
                  }),
                ]
              : line,
        }),
    ),
  });
}

/**
 * A table with fixed column widths (twips, adding up to the text width), a header row that
 * repeats on every page (unless `headed` is false), and rows never split across a page break.
 */
function table(columns: { header: string; width: number }[], rows: Cell[][], headed = true): Table {
  const widths = columns.map((c) => c.width);
  const row = (cells: Cell[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map((c, i) => tableCell(c, widths[i] ?? 0, header)),
    });
  const line = { style: BorderStyle.SINGLE, size: 4, color: BORDER };
  return new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: line,
      bottom: line,
      left: line,
      right: line,
      insideHorizontal: line,
      insideVertical: line,
    },
    rows: [
      ...(headed
        ? [
            row(
              columns.map((c) => cell(c.header, { fill: HEADER_FILL })),
              true,
            ),
          ]
        : []),
      ...rows.map((cells) => row(cells, false)),
    ],
  });
}

/** Column widths as shares of the text width, the last taking what rounding leaves. */
function columns(headers: string[], shares: number[]): { header: string; width: number }[] {
  const widths = shares.map((s) => Math.floor(CONTENT * s));
  widths[widths.length - 1] = CONTENT - widths.slice(0, -1).reduce((n, w) => n + w, 0);
  return headers.map((header, i) => ({ header, width: widths[i] ?? 0 }));
}

/** A BRAG cell: filled in the rating's colour, the word in it, and whether it was overridden. */
function bragCell(a: { brag: Brag; bragSource: 'computed' | 'override' }): Cell {
  const { fill, color } = BRAG_FILL[a.brag];
  const override = a.bragSource === 'override';
  return {
    fill,
    lines: [
      [new TextRun({ text: BRAG_LABELS[a.brag], bold: true, size: 18, color })],
      ...(override ? [[new TextRun({ text: '(override)', size: 16, color })]] : []),
    ],
  };
}

/** A document as the seed pack names it: "Section E – BSC Agents", the reference in bold. */
const documentCell = (a: { reference: string; title: string }): Cell => ({
  lines: [
    [
      new TextRun({ text: a.reference, bold: true, size: 18 }),
      new TextRun({ text: ` – ${a.title}`, size: 18 }),
    ],
  ],
});

const plainRows = (rows: string[][]): Cell[][] => rows.map((r) => r.map((text) => cell(text)));

type Level = (typeof HeadingLevel)[keyof typeof HeadingLevel];
const heading = (text: string, level: Level, pageBreakBefore = false) =>
  new Paragraph({ text, heading: level, pageBreakBefore });
const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });

/** The verdict, boxed and shaded so it is the first thing a member sees. */
function verdictBox(children: TextRun[]): Paragraph {
  const side = { style: BorderStyle.SINGLE, size: 12, color: NAVY, space: 6 };
  return new Paragraph({
    children,
    border: { top: side, bottom: side, left: side, right: side },
    shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F6FA' },
    spacing: { before: 120, after: 240 },
    indent: { left: 120, right: 120 },
  });
}

function criteriaTable(snapshot: PaperSnapshot, label: string, ids: CriterionId[]): Table {
  const r = snapshot.readiness;
  return table(
    columns([label, 'Status', 'Evidence'], [0.36, 0.12, 0.52]),
    ids.map((id) => {
      const c = r.criteria.find((x) => x.id === id);
      const met = Boolean(c?.met);
      return [
        {
          lines: [
            [
              new TextRun({ text: `${id} `, bold: true, size: 18 }),
              new TextRun({ text: CRITERIA[id], size: 18 }),
            ],
          ],
        },
        cell(met ? 'Met' : 'Not met', {
          bold: true,
          fill: met ? MET_FILL.met : MET_FILL.notMet,
        }),
        { lines: c ? evidenceLines(c.evidence) : [''] },
      ];
    }),
  );
}

/** The recommendation and verdict first, with the paper's particulars and a summary per code. */
function recommendationSection(snapshot: PaperSnapshot, meta: PaperMeta): (Paragraph | Table)[] {
  const r = snapshot.readiness;
  const particulars: string[][] = [
    ['Paper reference', meta.reference],
    ['For', 'Decision: CCAG recommendation, then SRO approval'],
    ['Generated', `${ukDateTime(meta.generatedAt)} by ${meta.generatedBy}`],
    ['Readiness evaluated', ukDateTime(r.evaluatedAt)],
    ...(meta.snapshotHash ? [['Snapshot hash (SHA-256)', meta.snapshotHash]] : []),
  ];
  const out: (Paragraph | Table)[] = [
    new Paragraph({
      children: [new TextRun({ text: 'Cross Code Advisory Group', bold: true, color: NAVY })],
    }),
    heading('CDWG Recommendation for Code Artefacts Approval (M6)', HeadingLevel.TITLE),
    table(
      columns(['', ''], [0.27, 0.73]),
      particulars.map(([label = '', value = '']) => [
        cell(label, { bold: true, fill: HEADER_FILL }),
        cell(value),
      ]),
      false,
    ),
    heading('CDWG Recommendation', HeadingLevel.HEADING_1),
    heading('The recommendation is –', HeadingLevel.HEADING_2),
  ];
  if (r.ready)
    out.push(verdictBox([new TextRun({ text: STANDARD_RECOMMENDATION, italics: true })]));
  else
    out.push(
      verdictBox([
        new TextRun({ text: 'Not ready. ', bold: true, color: BRAG_FILL.red.fill }),
        new TextRun('The Code Artefacts cannot yet be recommended for baselining at M6:'),
      ]),
      ...notReadyReasons(r).map(bullet),
    );
  out.push(
    heading('At a glance', HeadingLevel.HEADING_2),
    table(columns(GLANCE_HEADER, [0.14, 0.16, 0.3, 0.4]), plainRows(glanceRows(r))),
  );
  return out;
}

function criteriaSection(snapshot: PaperSnapshot): (Paragraph | Table)[] {
  const r = snapshot.readiness;
  const out: (Paragraph | Table)[] = [
    heading('M6 - Success Criteria', HeadingLevel.HEADING_1, true),
    heading('Code Baseline Success Criteria', HeadingLevel.HEADING_2),
    criteriaTable(snapshot, 'Criterion', ['SC1', 'SC2', 'SC3', 'SC4', 'SC5']),
    heading('Key Dependencies', HeadingLevel.HEADING_2),
    criteriaTable(snapshot, 'Dependency', ['KD1', 'KD2', 'KD3']),
    heading('Key Artefacts', HeadingLevel.HEADING_2),
    bullet(KEY_ARTEFACTS),
    heading('Blockers', HeadingLevel.HEADING_2),
  ];
  const blocking = r.criteria.filter((c) => c.id !== 'SC5' && c.blockers.length);
  if (!blocking.length) out.push(bullet('None'));
  for (const c of blocking) {
    out.push(
      heading(`${c.id} ${CRITERIA[c.id]}`, HeadingLevel.HEADING_3),
      ...c.blockers.map((b) => bullet(b.message)),
    );
    const more = unlistedBlockers(c);
    if (more > 0) out.push(bullet(`… and ${more} more`));
  }
  return out;
}

function dueProcessSection(snapshot: PaperSnapshot): Paragraph[] {
  const d = snapshot.dueProcess;
  return [
    heading(dueProcessTitle(d), HeadingLevel.HEADING_1, true),
    ...dueProcessCoverage(d).map(bullet),
    heading('Responses confirmed', HeadingLevel.HEADING_2),
    ...d.confirmations.map((c) =>
      bullet(`${c.text}: ${c.confirmed} of ${d.responses} (${Math.round(c.share * 100)}%)`),
    ),
    heading('Workstream lessons learnt', HeadingLevel.HEADING_2),
    ...(d.lessonsLearnt.length ? d.lessonsLearnt : ['None recorded']).map(bullet),
  ];
}

/** One code's page(s), laid out as the seed pack's "BSC Code Artefacts" slides. */
function codeSection(
  snapshot: PaperSnapshot,
  code: PaperSnapshot['readiness']['byCode'][number],
): (Paragraph | Table)[] {
  const artefacts = snapshot.readiness.artefacts.filter((a) => a.code === code.code);
  return [
    heading(codeTitle(code.code), HeadingLevel.HEADING_1, true),
    new Paragraph({ text: `${code.code} status:`, keepNext: true }),
    new Paragraph({ text: codeStatus(code), bullet: { level: 0 }, keepNext: true }),
    table(
      columns(ARTEFACT_HEADER, [0.12, 0.33, 0.13, 0.1, 0.32]),
      artefacts.map((a) => [
        cell(a.topicArea),
        documentCell(a),
        cell(a.status),
        bragCell(a),
        cell(artefactIssues(a)),
      ]),
    ),
  ];
}

/** What is being baselined, every waiver and override with its reason, and the work-off. */
function baselineSection(snapshot: PaperSnapshot): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (snapshot.baseline)
    out.push(
      heading('What is being baselined', HeadingLevel.HEADING_1, true),
      table(
        columns(BASELINE_HEADER, [0.38, 0.29, 0.15, 0.18]),
        // The first cell is the document, as in the code tables.
        snapshot.baseline.map((a) => [
          documentCell(a),
          ...baselineRow(a)
            .slice(1)
            .map((text) => cell(text)),
        ]),
      ),
    );
  if (snapshot.waivers) {
    out.push(heading('Waivers and overrides', HeadingLevel.HEADING_1, !out.length));
    if (!snapshot.waivers.length) out.push(bullet('None'));
    else
      out.push(
        table(
          columns(WAIVER_HEADER, [0.16, 0.17, 0.24, 0.27, 0.16]),
          plainRows(snapshot.waivers.map(waiverRow)),
        ),
      );
  }
  if (snapshot.workOff) {
    out.push(heading('Post-M6 work-off items', HeadingLevel.HEADING_1, !out.length));
    if (!snapshot.workOff.length) out.push(bullet('None'));
    else
      out.push(
        table(
          columns(WORK_OFF_PAPER_HEADER, [0.2, 0.25, 0.39, 0.16]),
          plainRows(snapshot.workOff.map(paperWorkOffRow)),
        ),
      );
  }
  return out;
}

/** Every page: the paper's reference above, and "Page x of y" below. */
function pageFurniture(meta: PaperMeta) {
  const rule = { style: BorderStyle.SINGLE, size: 4, color: BORDER, space: 4 };
  const small = { size: 16, color: '404040' };
  return {
    headers: {
      default: new Header({
        children: [
          new Paragraph({
            tabStops: [{ type: TabStopType.RIGHT, position: CONTENT }],
            border: { bottom: rule },
            children: [
              new TextRun({ text: 'MHHS Programme · Cross Code Advisory Group', ...small }),
              new TextRun({ text: `\t${meta.reference}`, bold: true, ...small }),
            ],
          }),
        ],
      }),
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            tabStops: [{ type: TabStopType.RIGHT, position: CONTENT }],
            border: { top: rule },
            children: [
              new TextRun({
                text: 'CDWG Recommendation for Code Artefacts Approval (M6)',
                ...small,
              }),
              new TextRun({
                children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
                ...small,
              }),
            ],
          }),
        ],
      }),
    },
  };
}

const heading1to3 = (size: number, before: number) => ({
  run: { font: FONT, size, bold: true, color: NAVY },
  paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
});

/**
 * The same paper as the Markdown and HTML, as a Word document laid out like the seed pack's
 * "CDWG Escalations": the recommendation first, then what it rests on, each part on its own page.
 * User text goes only into text runs, which Word shows as written: no markup in it becomes
 * structure.
 */
export async function renderPaperDocx(snapshot: PaperSnapshot, meta: PaperMeta): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    ...recommendationSection(snapshot, meta),
    ...criteriaSection(snapshot),
    ...dueProcessSection(snapshot),
    ...snapshot.readiness.byCode.flatMap((code) => codeSection(snapshot, code)),
    ...baselineSection(snapshot),
  ];
  const document = new Document({
    title: `CDWG Recommendation for Code Artefacts Approval (M6) – ${meta.reference}`,
    creator: 'M6 Review',
    description: `CDWG recommendation paper ${meta.reference}`,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 20 },
          paragraph: { spacing: { after: 80 } },
        },
        title: {
          run: { font: FONT, size: 40, bold: true, color: NAVY },
          paragraph: { spacing: { before: 60, after: 240 }, alignment: AlignmentType.LEFT },
        },
        heading1: heading1to3(30, 240),
        heading2: heading1to3(24, 240),
        heading3: heading1to3(20, 160),
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: {
              top: MARGIN,
              bottom: MARGIN,
              left: MARGIN,
              right: MARGIN,
              header: 567,
              footer: 567,
            },
          },
        },
        ...pageFurniture(meta),
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
