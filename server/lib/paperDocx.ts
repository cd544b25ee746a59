import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { CRITERIA, type CriterionId } from '../domain/readiness.js';
import {
  codeStatus,
  codeTitle,
  dueProcessCoverage,
  evidenceText,
  generatedLine,
  incorporatesText,
  KEY_ARTEFACTS,
  notReadyReasons,
  shortHash,
  STANDARD_RECOMMENDATION,
  unlistedBlockers,
  versionText,
  waiverKind,
  type PaperMeta,
  type PaperSnapshot,
} from '../domain/recommendationPaper.js';
import { ukDateTime } from '../domain/ukDateTime.js';
import { WORK_OFF_PAPER_HEADER, paperWorkOffRow } from '../domain/paperWorkOff.js';

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ text, heading: level });
const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });

function table(header: string[], rows: string[][]): Table {
  const row = (cells: string[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      children: cells.map(
        (text) =>
          new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [row(header, true), ...rows.map((cells) => row(cells, false))],
  });
}

/**
 * The same paper as the Markdown and HTML, as a Word document. User text goes only into text
 * runs, which Word shows as written: no markup in it becomes structure.
 */
export async function renderPaperDocx(snapshot: PaperSnapshot, meta: PaperMeta): Promise<Buffer> {
  const r = snapshot.readiness;
  const opening = generatedLine(r, meta);
  const criteriaRows = (ids: CriterionId[]) =>
    ids.map((id) => {
      const c = r.criteria.find((x) => x.id === id);
      const evidence = c ? evidenceText(c.evidence) : '';
      return [`${id} ${CRITERIA[id]}`, c?.met ? 'Met' : 'Not met', evidence];
    });
  const children: (Paragraph | Table)[] = [
    heading('CDWG Recommendation for Code Artefacts Approval (M6)', HeadingLevel.TITLE),
    new Paragraph(opening.generated),
    ...(opening.hash ? [new Paragraph(opening.hash)] : []),
    heading('M6 - Success Criteria', HeadingLevel.HEADING_1),
    heading('Code Baseline Success Criteria', HeadingLevel.HEADING_2),
    table(['Criterion', 'Status', 'Evidence'], criteriaRows(['SC1', 'SC2', 'SC3', 'SC4', 'SC5'])),
    heading('Key Dependencies', HeadingLevel.HEADING_2),
    table(['Dependency', 'Status', 'Evidence'], criteriaRows(['KD1', 'KD2', 'KD3'])),
    heading('Key Artefacts', HeadingLevel.HEADING_2),
    bullet(KEY_ARTEFACTS),
    heading(`${snapshot.dueProcess.responses} Due Process responses`, HeadingLevel.HEADING_1),
    ...dueProcessCoverage(snapshot.dueProcess).map(bullet),
    heading('Responses confirmed', HeadingLevel.HEADING_2),
    ...snapshot.dueProcess.confirmations.map((c) =>
      bullet(
        `${c.text}: ${c.confirmed} of ${snapshot.dueProcess.responses} (${Math.round(c.share * 100)}%)`,
      ),
    ),
    heading('Workstream lessons learnt', HeadingLevel.HEADING_2),
    ...(snapshot.dueProcess.lessonsLearnt.length
      ? snapshot.dueProcess.lessonsLearnt
      : ['None recorded']
    ).map(bullet),
  ];
  for (const code of r.byCode) {
    children.push(
      heading(codeTitle(code.code), HeadingLevel.HEADING_1),
      new Paragraph(`${code.code} status: ${codeStatus(code)}`),
      table(
        ['Topic Area', 'Document', 'Status', 'BRAG', 'Current status and issues'],
        r.artefacts
          .filter((a) => a.code === code.code)
          .map((a) => [
            a.topicArea,
            `${a.reference} – ${a.title}`,
            a.status,
            `${a.brag.toUpperCase()}${a.bragSource === 'override' ? ' (override)' : ''}`,
            a.statusText,
          ]),
      ),
    );
  }
  children.push(...baselineDocx(snapshot));
  children.push(heading('Blockers', HeadingLevel.HEADING_1));
  const blocking = r.criteria.filter((c) => c.id !== 'SC5' && c.blockers.length);
  if (!blocking.length) children.push(bullet('None'));
  for (const c of blocking) {
    children.push(
      heading(`${c.id} ${CRITERIA[c.id]}`, HeadingLevel.HEADING_2),
      ...c.blockers.map((b) => bullet(b.message)),
    );
    const more = unlistedBlockers(c);
    if (more > 0) children.push(bullet(`… and ${more} more`));
  }
  children.push(
    heading('CDWG Recommendation', HeadingLevel.HEADING_1),
    heading('The recommendation is –', HeadingLevel.HEADING_2),
  );
  if (r.ready)
    children.push(
      new Paragraph({ children: [new TextRun({ text: STANDARD_RECOMMENDATION, italics: true })] }),
    );
  else {
    children.push(
      new Paragraph({
        children: [
          new TextRun({ text: 'Not ready.', bold: true }),
          new TextRun(' The Code Artefacts cannot yet be recommended for baselining at M6:'),
        ],
      }),
    );
    children.push(...notReadyReasons(r).map(bullet));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** What is being baselined, and every waiver and override with its reason. */
function baselineDocx(snapshot: PaperSnapshot): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (snapshot.baseline)
    out.push(
      heading('What is being baselined', HeadingLevel.HEADING_1),
      table(
        ['Document', 'Version', 'Content hash (SHA-256)', 'Incorporates'],
        snapshot.baseline.map((a) => [
          `${a.reference} – ${a.title}`,
          versionText(a),
          a.version ? shortHash(a.version.contentHash) : '–',
          incorporatesText(a),
        ]),
      ),
    );
  if (snapshot.waivers) {
    out.push(heading('Waivers and overrides', HeadingLevel.HEADING_1));
    if (!snapshot.waivers.length) out.push(bullet('None'));
    else
      out.push(
        table(
          ['Document', 'Kind', 'Subject', 'Reason', 'Recorded'],
          snapshot.waivers.map((w) => [
            w.reference,
            waiverKind(w),
            w.subject,
            w.reason,
            w.decidedAt ? ukDateTime(w.decidedAt) : '–',
          ]),
        ),
      );
  }
  if (snapshot.workOff) {
    out.push(heading('Post-M6 work-off items', HeadingLevel.HEADING_1));
    if (!snapshot.workOff.length) out.push(bullet('None'));
    else out.push(table(WORK_OFF_PAPER_HEADER, snapshot.workOff.map(paperWorkOffRow)));
  }
  return out;
}
