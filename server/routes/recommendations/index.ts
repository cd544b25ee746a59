import { generateRecommendation } from '../../commands/generateRecommendation.js';
import { recordDecision } from '../../commands/recordDecision.js';
import type { Db } from '../../db/database.js';
import {
  confidentialCommentIds,
  findBaseline,
  findRecommendation,
  listAllDecisions,
  listDecisions,
  listRecommendations,
} from '../../db/queries/recommendations.js';
import {
  paperReference,
  renderPaperMarkdown,
  sha256,
  type PaperSnapshot,
} from '../../domain/recommendationPaper.js';
import { paperWorkOffCommentIds, withoutConfidentialWorkOff } from '../../domain/paperWorkOff.js';
import { notFound } from '../../errors.js';
import { endpoint } from '../../http/endpoint.js';
import { DOCX_CONTENT_TYPE } from '../../lib/docxToMarkdown.js';
import { renderPaperDocx } from '../../lib/paperDocx.js';
import { paperCommentIds, withoutConfidentialComments } from '../../presenters/readiness.js';
import { commentVisibility } from '../../policies/commentVisibility.js';
import { z } from 'zod';
import { dataOf } from '../../presenters/envelope.js';
import { m6BaselineSchema } from '../../presenters/readiness.js';
import {
  paperHtml,
  presentRecommendation,
  recommendationSchema,
  recommendationSummarySchema,
} from '../../presenters/recommendation.js';
import { baselineWorkOffSchema, presentBaselineWorkOff } from '../../presenters/workOff.js';
import { decisionBody, paperParams, recommendationParams } from './schema.js';

async function loadPaper(db: Db, id: string) {
  const row = await findRecommendation(db, id);
  if (!row) throw notFound(`No recommendation with id "${id}"`);
  return row;
}

/** A paper and its snapshot as it may be read now: naming no comment that is confidential. */
async function readPaper(db: Db, id: string) {
  const row = await loadPaper(db, id);
  const stored = JSON.parse(row.snapshot) as PaperSnapshot;
  const confidential = await confidentialCommentIds(db, [
    ...paperCommentIds(stored.readiness),
    ...paperWorkOffCommentIds(stored.workOff),
  ]);
  const readiness = withoutConfidentialComments(stored.readiness, confidential);
  const workOff = stored.workOff && withoutConfidentialWorkOff(stored.workOff, confidential);
  return { row, snapshot: { ...stored, readiness, ...(workOff && { workOff }) } };
}

async function presentOne(db: Db, id: string) {
  const { row, snapshot } = await readPaper(db, id);
  const [decisions, baseline] = await Promise.all([listDecisions(db, id), findBaseline(db)]);
  return {
    data: presentRecommendation(
      row,
      snapshot,
      decisions,
      baseline?.recommendationId === id ? baseline.id : null,
    ),
  };
}

export const recommendationEndpoints = [
  endpoint({
    method: 'post',
    path: '/recommendations',
    summary: 'Generate the CDWG recommendation paper from the readiness of this moment',
    operationId: 'createRecommendation',
    response: dataOf(recommendationSchema),
    tag: 'recommendations',
    policy: 'recommendation.create',
    status: 201,
    async handler({ actor, services }) {
      const paper = await generateRecommendation(services.db, actor);
      return presentOne(services.db, paper.id);
    },
  }),
  endpoint({
    method: 'get',
    path: '/recommendations',
    summary: 'Recommendation papers, newest first',
    operationId: 'listRecommendations',
    response: dataOf(z.array(recommendationSummarySchema)),
    tag: 'recommendations',
    policy: 'recommendation.read',
    async handler({ services }) {
      const [rows, decisions] = await Promise.all([
        listRecommendations(services.db),
        listAllDecisions(services.db),
      ]);
      // The latest decision of each body stands.
      const latest = (id: string, body: 'CCAG' | 'SRO') =>
        decisions.findLast((d) => d.recommendationId === id && d.body === body)?.outcome ?? null;
      return {
        data: rows.map((r) => ({
          id: r.id,
          verdict: r.verdict,
          createdAt: r.createdAt,
          createdBy: r.createdByName,
          ccag: latest(r.id, 'CCAG'),
          sro: latest(r.id, 'SRO'),
        })),
      };
    },
  }),
  endpoint({
    method: 'get',
    path: '/recommendations/:id',
    summary: 'A recommendation paper as JSON, or the paper itself with .html, .md or .docx',
    operationId: 'getRecommendation',
    response: {
      json: dataOf(recommendationSchema),
      raw: ['text/html', 'text/markdown', DOCX_CONTENT_TYPE],
      description:
        'The paper as JSON; with .html, .md or .docx after the id, the paper itself: a print-ready page, Markdown or a Word document',
    },
    tag: 'recommendations',
    policy: 'recommendation.read',
    params: paperParams,
    async handler({ params, services, res }) {
      const [id = '', format] = params.id.split('.');
      if (!format) return presentOne(services.db, id);
      const { row, snapshot } = await readPaper(services.db, id);
      const meta = {
        reference: paperReference(row),
        generatedAt: row.createdAt,
        generatedBy: row.createdByName ?? 'unknown',
        snapshotHash: sha256(row.snapshot),
      };
      const markdown = renderPaperMarkdown(snapshot, meta);
      const filename = `${meta.reference}.${format}`;
      res.setHeader(
        'Content-Disposition',
        `${format === 'html' ? 'inline' : 'attachment'}; filename="${filename}"`,
      );
      if (format === 'md') res.type('text/markdown; charset=utf-8').send(markdown);
      else if (format === 'html')
        res
          .type('text/html; charset=utf-8')
          .send(paperHtml(markdown, `CDWG Recommendation (M6) – ${meta.reference}`));
      else {
        res.type(DOCX_CONTENT_TYPE).send(await renderPaperDocx(snapshot, meta));
      }
      return undefined;
    },
  }),
  endpoint({
    method: 'post',
    path: '/recommendations/:id/decisions',
    summary: "Record CCAG's recommendation or the SRO's decision; SRO approval baselines M6",
    operationId: 'recordDecision',
    response: dataOf(recommendationSchema),
    errors: [409],
    tag: 'recommendations',
    policy: 'decision.record',
    params: recommendationParams,
    body: decisionBody,
    status: 201,
    async handler({ params, body, actor, services }) {
      const paper = await loadPaper(services.db, params.id);
      await recordDecision(services.db, actor, paper, body);
      return presentOne(services.db, paper.id);
    },
  }),
  endpoint({
    method: 'get',
    path: '/baseline',
    summary: 'The M6 baseline: the frozen version of every artefact and the post-M6 work-off items',
    operationId: 'getBaseline',
    errors: [404],
    response: dataOf(
      m6BaselineSchema.extend({
        versions: z
          .array(
            z.object({
              artefactId: z.string(),
              slug: z.string(),
              code: z.string(),
              reference: z.string(),
              title: z.string(),
              versionId: z.string(),
              label: z.string(),
            }),
          )
          .describe('The frozen version of every artefact'),
        workOff: z.array(baselineWorkOffSchema).describe('Comments deferred to post-M6 work-off'),
      }),
    ),
    tag: 'recommendations',
    policy: 'recommendation.read',
    async handler({ actor, services }) {
      const baseline = await findBaseline(services.db);
      if (!baseline) throw notFound('M6 has not been baselined yet');
      const visibility = commentVisibility(actor);
      const workOff = baseline.workOff.map((w) => presentBaselineWorkOff(w, visibility));
      // `singleton` only keeps the table to one row.
      const { singleton: _singleton, ...shown } = baseline;
      return { data: { ...shown, workOff } };
    },
  }),
];
