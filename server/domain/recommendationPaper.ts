import { createHash } from 'node:crypto';
import { outstandingCommentsText } from './commentWords.js';
import type { DueProcessSummary } from './dueProcess.js';
import { plural } from './plural.js';
import {
  CRITERIA,
  type ArtefactReadiness,
  type Blocker,
  type CodeReadiness,
  type CriterionId,
  type CriterionResult,
  type Readiness,
} from './readiness.js';
import { ukDateTime } from './ukDateTime.js';
import { BRAG_VALUES, type Brag } from './vocabulary.js';
import { WORK_OFF_PAPER_HEADER, paperWorkOffRow, type PaperWorkOffItem } from './paperWorkOff.js';

/** The seed pack's recommendation, word for word, used only when everything holds. */
export const STANDARD_RECOMMENDATION =
  'Based on the current MHHS Design, the Code Artefacts have been translated accurately (subject to CRs and Design Changes), they meet the M6 success criteria and are ready to be CCAG approved to baseline the MHHS Code Artefacts';

export const KEY_ARTEFACTS = 'BSC/REC documents and subsidiary documents and DCUSA text';

const SUCCESS_CRITERIA: CriterionId[] = ['SC1', 'SC2', 'SC3', 'SC4', 'SC5'];
const KEY_DEPENDENCIES: CriterionId[] = ['KD1', 'KD2', 'KD3'];
const CODE_TITLES: Record<string, string> = {
  BSC: 'BSC Code Artefacts',
  REC: 'REC Code Artefacts',
  DCUSA: 'Code Artefacts – DCUSA',
};

export const codeTitle = (code: string): string => CODE_TITLES[code] ?? `${code} Code Artefacts`;

/** A code's line under "status:", counting confidential comments without naming them. */
export function codeStatus(code: PaperReadiness['byCode'][number]): string {
  const all = allOutstanding(code);
  if (all === 0) return 'No outstanding queries';
  const confidential = code.commentsNotShown?.outstanding ?? 0;
  return `${plural(all, 'outstanding industry comment')}${confidential ? `, ${confidential} of them confidential` : ''}`;
}

/**
 * An artefact's "Current status and issues", worded from its counts rather than taken as stored,
 * so that papers made before the wording was mended read correctly too.
 */
export const artefactIssues = (a: PaperReadiness['artefacts'][number]): string =>
  outstandingCommentsText(allOutstanding(a), a.commentsNotShown?.outstanding ?? 0);

/** BRAG as a paper prints it: the word, kept in colour and in black and white alike. */
export const BRAG_LABELS: Record<Brag, string> = {
  blue: 'Blue',
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
};

/** A stored rating as a paper prints it; a value that is no rating stays as it is. */
export const bragLabel = (value: string): string =>
  (BRAG_LABELS as Record<string, string | undefined>)[value] ?? value;

export const bragText = (a: { brag: Brag; bragSource: 'computed' | 'override' }): string =>
  `${BRAG_LABELS[a.brag]}${a.bragSource === 'override' ? ' (override)' : ''}`;

/** A code's artefacts by BRAG, in BRAG order, leaving out the ratings none has: "3 Blue, 1 Red". */
export const bragCounts = (counts: Record<Brag, number>): string =>
  BRAG_VALUES.filter((b) => counts[b] > 0)
    .map((b) => `${counts[b]} ${BRAG_LABELS[b]}`)
    .join(', ') || 'None';

/** The "at a glance" table under the verdict: one row per code. */
export const GLANCE_HEADER = ['Code', 'Documents', 'BRAG', 'Outstanding industry comments'];

export function glanceRows(r: PaperReadiness): string[][] {
  return r.byCode.map((code) => {
    const documents = r.artefacts.filter((a) => a.code === code.code).length;
    return [code.code, String(documents), bragCounts(code.brag), codeStatus(code)];
  });
}

export const dueProcessTitle = (summary: DueProcessSummary): string =>
  plural(summary.responses, 'Due Process response');

type PaperCriterion = CriterionResult & { blockerCount: number };

/** Confidential comments a paper counts but does not name (absent from papers made before). */
interface NotShown {
  commentsNotShown?: { outstanding: number; total: number };
}

/**
 * A readiness evaluation as frozen into a paper by the presenter: blockers capped, confidential
 * comments only counted (`outstandingComments` are the others, `commentsNotShown` those).
 */
export type PaperReadiness = Omit<Readiness, 'criteria' | 'byCode' | 'artefacts'> & {
  criteria: PaperCriterion[];
  byCode: (Omit<CodeReadiness, 'criteria'> & NotShown & { criteria: PaperCriterion[] })[];
  artefacts: (Omit<ArtefactReadiness, 'criteria' | 'confidentialComments'> &
    NotShown & { criteria: PaperCriterion[] })[];
};

/** Every outstanding comment a paper's artefact or code counts, named or not. */
export const allOutstanding = (x: { outstandingComments: number } & NotShown): number =>
  x.outstandingComments + (x.commentsNotShown?.outstanding ?? 0);

/** Blockers a criterion has beyond those the paper lists or counts. */
export const unlistedBlockers = (c: PaperCriterion): number =>
  c.blockerCount - c.blockers.reduce((n, b) => n + (b.count ?? 1), 0);

/** An artefact as the paper proposes to baseline it: its current version, dated and hashed. */
export interface BaselinedArtefact {
  code: string;
  reference: string;
  title: string;
  version: {
    label: string;
    publishedAt: string;
    /** SHA-256 of the version's stored Markdown source, so a member can check the text is the one. */
    contentHash: string;
    /** The CRs and DINs the version incorporates. */
    incorporates: string[];
  } | null;
}

/** A check set aside by someone, with their reason: the paper shows every one. */
export interface PaperWaiver {
  kind: 'waived-finding' | 'brag-override' | 'no-code-impact';
  reference: string;
  subject: string;
  reason: string;
  decidedAt: string | null;
}

export interface PaperSnapshot {
  readiness: PaperReadiness;
  dueProcess: DueProcessSummary;
  /** Absent from papers generated before the paper listed them. */
  baseline?: BaselinedArtefact[];
  waivers?: PaperWaiver[];
  /** What becomes post-M6 work-off at approval; absent from papers made before it was listed. */
  workOff?: PaperWorkOffItem[];
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The hash as a paper shows it: enough to compare by eye. */
export const shortHash = (hash: string): string => hash.slice(0, 12);

/** Evidence keys in words, for every format of the paper. */
export const EVIDENCE_LABELS: Record<string, string> = {
  artefacts: 'Artefacts',
  noRequirementsStatements: 'Artefacts stating no design requirements apply',
  withoutEvidence: 'Artefacts without evidence',
  participantOrganisations: 'Participant organisations',
  nonResponders: 'Organisations not responded',
  unloggedDecisions: 'Comments closed with no decision logged',
  artefactsMeeting: 'Artefacts meeting it',
  requirements: 'Design requirements',
  untraced: 'Untraced requirements',
  traces: 'Traces',
  brokenTraces: 'Broken traces',
  approvedChanges: 'Approved changes',
  incorporated: 'Incorporated',
  plainEnglishComments: 'Plain-English comments',
  openFindings: 'Open plain-English findings',
  consultations: 'Consultations',
  outstandingComments: 'Outstanding comments',
  totalComments: 'Total comments',
  inFlightChanges: 'Changes in flight',
  dueProcessResponses: 'Due-process responses',
  ccagRecommended: 'CCAG recommended',
  sroApproved: 'SRO approved',
};

/** A key missing from the table still reads as words ("someNewKey" -> "Some new key"). */
export function evidenceLabel(key: string): string {
  const known = EVIDENCE_LABELS[key];
  if (known) return known;
  const words = key.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A criterion's evidence in words, one fact a line. */
export function evidenceLines(evidence: Record<string, number | string | string[]>): string[] {
  return Object.entries(evidence).map(
    ([key, value]) =>
      `${evidenceLabel(key)}: ${Array.isArray(value) ? value.join(', ') || 'none' : value}`,
  );
}

/** A criterion's evidence as one line of words. */
export const evidenceText = (evidence: Record<string, number | string | string[]>): string =>
  evidenceLines(evidence).join('; ');

const WAIVER_KINDS: Record<PaperWaiver['kind'], string> = {
  'waived-finding': 'Plain-English finding waived',
  'brag-override': 'BRAG override',
  'no-code-impact': 'No code impact',
};

export const waiverKind = (w: PaperWaiver): string => WAIVER_KINDS[w.kind];

/** "v2, published 21 August 2024, 14:05", or that there is none. */
export function versionText(a: BaselinedArtefact): string {
  return a.version
    ? `${a.version.label}, published ${ukDateTime(a.version.publishedAt)}`
    : 'No version published';
}

export const BASELINE_HEADER = ['Document', 'Version', 'Content hash (SHA-256)', 'Incorporates'];

/** One baselined artefact as the cells of the paper's table, in plain text. */
export const baselineRow = (a: BaselinedArtefact): string[] => [
  `${a.reference} – ${a.title}`,
  versionText(a),
  a.version ? shortHash(a.version.contentHash) : '–',
  incorporatesText(a),
];

export const WAIVER_HEADER = ['Document', 'Kind', 'Subject', 'Reason', 'Recorded'];

/** One waiver or override as the cells of the paper's table, in plain text. */
export const waiverRow = (w: PaperWaiver): string[] => [
  w.reference,
  waiverKind(w),
  w.subject,
  w.reason,
  w.decidedAt ? ukDateTime(w.decidedAt) : '–',
];

export const incorporatesText = (a: BaselinedArtefact): string =>
  a.version?.incorporates.length ? a.version.incorporates.join(', ') : 'None';

/**
 * A paper's reference: the day it was made and the start of its id, e.g. CDWG-M6-20240821-1A2B3C4D.
 * Papers carry no other number, and two made on one day still differ.
 */
export const paperReference = (paper: { id: string; createdAt: string }): string =>
  `CDWG-M6-${paper.createdAt.slice(0, 10).replace(/-/g, '')}-${paper.id
    .replace(/[^0-9a-z]/gi, '')
    .slice(0, 8)
    .toUpperCase()}`;

/** The paper's opening line: who made it, when, on what evaluation, and the snapshot's hash. */
export function generatedLine(
  r: Pick<PaperReadiness, 'evaluatedAt'>,
  meta: PaperMeta,
): { generated: string; hash: string | null } {
  return {
    generated: `Generated ${ukDateTime(meta.generatedAt)} by ${meta.generatedBy}; readiness evaluated at ${ukDateTime(r.evaluatedAt)}.`,
    hash: meta.snapshotHash ? `Snapshot hash (SHA-256): ${meta.snapshotHash}` : null,
  };
}

/** Due-process facts that papers made since coverage was counted carry. */
interface DueProcessCoverage {
  participants?: number;
  nonResponders?: { name: string }[];
  refusals?: {
    organisation: { name: string };
    confirmation: string;
    text: string | null;
    programmeResponse: { text: string; respondedAt: string } | null;
  }[];
}

/**
 * Coverage over all participant organisations, who has not responded, and each refusal with the
 * programme's response, as plain-text lines; none for papers made before these were recorded.
 */
export function dueProcessCoverage(summary: DueProcessSummary): string[] {
  const d = summary as DueProcessSummary & DueProcessCoverage;
  const lines: string[] = [];
  if (typeof d.participants === 'number' && d.participants > 0)
    lines.push(
      `Responded: ${d.responses} of ${plural(d.participants, 'participant organisation')}`,
    );
  if (d.nonResponders)
    lines.push(
      `Not responded: ${d.nonResponders.length ? d.nonResponders.map((o) => o.name).join(', ') : 'none'}`,
    );
  for (const r of d.refusals ?? [])
    lines.push(
      `${r.organisation.name} did not confirm "${r.confirmation}"${r.text ? `: ${r.text}` : ''}. Programme response: ${
        r.programmeResponse
          ? `${r.programmeResponse.text} (${ukDateTime(r.programmeResponse.respondedAt)})`
          : 'none yet'
      }`,
    );
  return lines;
}

export interface PaperMeta {
  /** What a reader cites the paper by (`paperReference`), in every page's header. */
  reference: string;
  generatedAt: string;
  generatedBy: string;
  /** SHA-256 of the snapshot as stored, so a copy of the paper can be matched to its record. */
  snapshotHash?: string;
}

/**
 * What the verdict rests on, hashed: each artefact's version, counts and rating, and each
 * criterion's result and blockers. The SRO may only approve a paper whose fingerprint still
 * matches the state of the system.
 */
export function fingerprintReadiness(
  r: Pick<Readiness, 'ready' | 'criteria' | 'artefacts'>,
): string {
  const state = {
    ready: r.ready,
    criteria: r.criteria
      .filter((c) => c.id !== 'SC5')
      .map((c) => [c.id, c.met, c.blockers.map((b) => `${b.kind}:${b.id}`)]),
    artefacts: r.artefacts.map((a) => [
      a.id,
      a.currentVersion?.id ?? null,
      a.outstandingComments,
      a.brag,
    ]),
  };
  return createHash('sha256').update(JSON.stringify(state)).digest('hex');
}

/** What changed between a paper's snapshot and now, in words, for the 409 that refuses approval. */
export function describeStateChanges(
  before: Pick<Readiness, 'criteria'> & { artefacts: PaperReadiness['artefacts'] },
  now: Pick<Readiness, 'criteria' | 'artefacts'>,
): string[] {
  const changes: string[] = [];
  const earlier = new Map(before.artefacts.map((a) => [a.id, a]));
  for (const a of now.artefacts) {
    const b = earlier.get(a.id);
    if (!b) {
      changes.push(`${a.reference} was added to the registry`);
      continue;
    }
    if ((b.currentVersion?.id ?? null) !== (a.currentVersion?.id ?? null)) {
      changes.push(
        `${a.reference}: current version ${b.currentVersion?.label ?? 'none'} → ${a.currentVersion?.label ?? 'none'}`,
      );
    }
    if (allOutstanding(b) !== a.outstandingComments) {
      changes.push(
        `${a.reference}: outstanding comments ${allOutstanding(b)} → ${a.outstandingComments}`,
      );
    }
    if (b.brag !== a.brag) changes.push(`${a.reference}: BRAG ${b.brag} → ${a.brag}`);
  }
  for (const c of now.criteria) {
    const b = before.criteria.find((x) => x.id === c.id);
    if (c.id !== 'SC5' && b && b.met !== c.met)
      changes.push(`${c.id} was ${b.met ? 'met' : 'not met'}, is now ${c.met ? 'met' : 'not met'}`);
  }
  return changes.length ? changes : ['the blockers behind the readiness evaluation changed'];
}

/**
 * Text as Markdown that renders as exactly that text. Every ASCII punctuation character Markdown
 * or GFM gives a meaning is backslash-escaped (CommonMark makes each escaped one literal), so no
 * user text can open an HTML tag, entity, link, autolink, emphasis, code span or table cell, nor
 * start a heading, Setext underline, rule, list, quote or table row; runs of whitespace, line
 * breaks included, become one space, so nothing can begin a line or an indented code block either.
 */
export const markdownText = (text: string): string =>
  text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]()#+\-.!|<>~=:@&^]/g, '\\$&');

// Our own words (criteria, evidence, counts) go in as they are; everything else through this.
const esc = markdownText;
const status = (met: boolean) => (met ? 'Met' : 'Not met');
const percent = (share: number) => `${Math.round(share * 100)}%`;

function blockerLine(b: Blocker): string {
  return `- ${esc(b.message)}`;
}

/** Why the paper is "not ready", one reason per failing criterion and per red artefact. */
export function notReadyReasons(r: PaperReadiness): string[] {
  const reasons = r.criteria
    .filter((c) => c.id !== 'SC5' && !c.met)
    .map(
      (c) =>
        `${c.id} (${c.text}) is not met: ${c.blockerCount} blocker${c.blockerCount === 1 ? '' : 's'}`,
    );
  const red = r.artefacts.filter((a) => a.brag === 'red');
  if (red.length)
    reasons.push(
      `${red.length} artefact${red.length === 1 ? ' is' : 's are'} Red: ${red
        .slice(0, 10)
        .map((a) => a.reference)
        .join(', ')}${red.length > 10 ? ', …' : ''}`,
    );
  return reasons;
}

/** A Markdown table row; cells are escaped by the caller. */
const mdRow = (cells: string[]): string => `| ${cells.join(' | ')} |`;
const mdTable = (header: string[], rows: string[][]): string[] => [
  mdRow(header),
  `|${header.map(() => '---').join('|')}|`,
  ...rows.map(mdRow),
];

/**
 * The CDWG recommendation paper in Markdown (and, rendered, in HTML), mirroring the seed pack's
 * "CDWG Escalations" in the order the Word paper has: the verdict first, then what it rests on.
 */
export function renderPaperMarkdown(snapshot: PaperSnapshot, meta: PaperMeta): string {
  const r = snapshot.readiness;
  const opening = generatedLine(r, { ...meta, generatedBy: esc(meta.generatedBy) });
  const criteriaRows = (ids: CriterionId[]) =>
    ids.map((id) => {
      const c = r.criteria.find((x) => x.id === id);
      return [`${id} ${CRITERIA[id]}`, status(Boolean(c?.met)), c ? evidenceText(c.evidence) : ''];
    });
  const lines: string[] = [
    '# CDWG Recommendation for Code Artefacts Approval (M6)',
    '',
    `Paper reference: ${esc(meta.reference)}`,
    '',
    opening.generated,
    '',
    ...(opening.hash ? [opening.hash, ''] : []),
    '## CDWG Recommendation',
    '',
    '### The recommendation is –',
    '',
  ];
  if (r.ready) lines.push(`*${STANDARD_RECOMMENDATION}*`, '');
  else
    lines.push(
      '**Not ready.** The Code Artefacts cannot yet be recommended for baselining at M6:',
      '',
      ...notReadyReasons(r).map((reason) => `- ${esc(reason)}`),
      '',
    );
  lines.push(
    '### At a glance',
    '',
    ...mdTable(
      GLANCE_HEADER,
      glanceRows(r).map((row) => row.map(esc)),
    ),
    '',
    '## M6 - Success Criteria',
    '',
    '### Code Baseline Success Criteria',
    '',
    ...mdTable(['Criterion', 'Status', 'Evidence'], criteriaRows(SUCCESS_CRITERIA)),
    '',
    '### Key Dependencies',
    '',
    ...mdTable(['Dependency', 'Status', 'Evidence'], criteriaRows(KEY_DEPENDENCIES)),
    '',
    '### Key Artefacts',
    '',
    `- ${KEY_ARTEFACTS}`,
    '',
  );
  const blocking = r.criteria.filter((c) => c.id !== 'SC5' && c.blockers.length);
  lines.push('### Blockers', '');
  if (!blocking.length) lines.push('- None', '');
  for (const c of blocking) {
    lines.push(`#### ${c.id} ${CRITERIA[c.id]}`, '', ...c.blockers.map(blockerLine));
    const more = unlistedBlockers(c);
    if (more > 0) lines.push(`- … and ${more} more`);
    lines.push('');
  }
  lines.push(
    `## ${dueProcessTitle(snapshot.dueProcess)}`,
    '',
    ...dueProcessCoverage(snapshot.dueProcess).map((line) => `- ${esc(line)}`),
    '',
    '### Responses confirmed',
    '',
    ...snapshot.dueProcess.confirmations.map(
      (c) =>
        `- ${esc(c.text)}: ${c.confirmed} of ${snapshot.dueProcess.responses} (${percent(c.share)})`,
    ),
    '',
    '### Workstream lessons learnt',
    '',
    ...(snapshot.dueProcess.lessonsLearnt.length
      ? snapshot.dueProcess.lessonsLearnt.map((l) => `- ${esc(l)}`)
      : ['- None recorded']),
    '',
  );
  for (const code of r.byCode) {
    const artefacts = r.artefacts.filter((a) => a.code === code.code);
    lines.push(
      `## ${esc(codeTitle(code.code))}`,
      '',
      `${esc(code.code)} status:`,
      '',
      `- ${codeStatus(code)}`,
      '',
      ...mdTable(
        ARTEFACT_HEADER,
        artefacts.map((a) => [
          esc(a.topicArea),
          esc(`${a.reference} – ${a.title}`),
          esc(a.status),
          bragText(a),
          artefactIssues(a),
        ]),
      ),
      '',
    );
  }
  lines.push(...baselineMarkdown(snapshot), ...workOffMarkdown(snapshot));
  return lines.join('\n') + '\n';
}

/** The seed pack's per-code table. */
export const ARTEFACT_HEADER = [
  'Topic Area',
  'Document',
  'Status',
  'BRAG',
  'Current status and issues',
];

/** What is being baselined, and every waiver and override with its reason. */
function baselineMarkdown(snapshot: PaperSnapshot): string[] {
  const lines: string[] = [];
  if (snapshot.baseline) {
    lines.push(
      '## What is being baselined',
      '',
      ...mdTable(
        BASELINE_HEADER,
        snapshot.baseline.map((a) => baselineRow(a).map(esc)),
      ),
      '',
    );
  }
  if (snapshot.waivers) {
    lines.push('## Waivers and overrides', '');
    if (!snapshot.waivers.length) lines.push('- None', '');
    else
      lines.push(
        ...mdTable(
          WAIVER_HEADER,
          snapshot.waivers.map((w) => waiverRow(w).map(esc)),
        ),
        '',
      );
  }
  return lines;
}

/** The deferred comments and post-M6 changes that become work-off items at approval. */
function workOffMarkdown(snapshot: PaperSnapshot): string[] {
  if (!snapshot.workOff) return [];
  const lines = ['## Post-M6 work-off items', ''];
  if (!snapshot.workOff.length) return [...lines, '- None', ''];
  return [
    ...lines,
    ...mdTable(
      WORK_OFF_PAPER_HEADER,
      snapshot.workOff.map((item) => paperWorkOffRow(item).map(esc)),
    ),
    '',
  ];
}
