import { z } from 'zod';
import { configurePlainEnglish } from '../../commands/configurePlainEnglish.js';
import { defineTerm } from '../../commands/defineTerm.js';
import { raiseFinding } from '../../commands/raiseFinding.js';
import { recheckPlainEnglish } from '../../commands/recheckPlainEnglish.js';
import { waiveFinding } from '../../commands/waiveFinding.js';
import { listFindings, readPlainEnglishConfig } from '../../db/queries/findings.js';
import { loadVersionClauses } from '../../db/versionCache.js';
import { FINDING_KINDS } from '../../domain/plainEnglish/index.js';
import { notFound } from '../../errors.js';
import { endpoint } from '../../http/endpoint.js';
import { requireArtefact } from '../requireArtefact.js';
import { dataOf } from '../../presenters/envelope.js';
import {
  definedTermSchema,
  findingSchema,
  plainEnglishConfigSchema,
  presentDefinedTerm,
  presentFinding,
  presentPlainEnglishConfig,
} from '../../presenters/finding.js';
import {
  defineTermBody,
  findingArtefactParams,
  findingParams,
  listFindingsQuery,
  plainEnglishConfigBody,
  waiveFindingBody,
} from './schema.js';

const kindOrder = new Map<string, number>(FINDING_KINDS.map((kind, i) => [kind, i]));

export const findingEndpoints = [
  endpoint({
    method: 'get',
    path: '/artefacts/:id/findings',
    summary: 'Plain-English findings on a version of an artefact (default: its current version)',
    operationId: 'listFindings',
    response: dataOf(z.array(findingSchema)),
    tag: 'findings',
    policy: 'finding.list',
    params: findingArtefactParams,
    query: listFindingsQuery,
    async handler({ params, query, services }) {
      const { db } = services;
      const artefact = await requireArtefact(db, params.id);
      const versionId = query.versionId ?? artefact.currentVersionId;
      if (!versionId) return { data: [] };
      const version = await loadVersionClauses(db, versionId);
      if (!version || version.artefactId !== artefact.id)
        throw notFound(`${artefact.reference} has no version with id "${versionId}"`);
      // In reading order: by clause, then where the excerpt occurs in it.
      const clauses = new Map(version.clauses.map((c, i) => [c.ref, { i, text: c.text }]));
      const place = (f: { clauseRef: string; excerpt: string }) => {
        const clause = clauses.get(f.clauseRef);
        const at = clause ? clause.text.indexOf(f.excerpt.replace(/…$/, '')) : -1;
        return [clause?.i ?? Infinity, at < 0 ? Infinity : at] as const;
      };
      const rows = (await listFindings(db.kysely, version.id, query.status))
        .map((row) => ({ row, at: place(row) }))
        .sort(
          (a, b) =>
            a.at[0] - b.at[0] ||
            a.at[1] - b.at[1] ||
            (kindOrder.get(a.row.kind) ?? 0) - (kindOrder.get(b.row.kind) ?? 0) ||
            a.row.excerpt.localeCompare(b.row.excerpt),
        )
        .map(({ row }) => row);
      return { data: rows.map(presentFinding) };
    },
  }),
  endpoint({
    method: 'post',
    path: '/findings/:id/waive',
    summary: 'Waive an open plain-English finding, with the reason',
    operationId: 'waiveFinding',
    response: dataOf(findingSchema),
    errors: [409],
    tag: 'findings',
    policy: 'finding.waive',
    params: findingParams,
    body: waiveFindingBody,
    async handler({ params, body, actor, services }) {
      return {
        data: presentFinding(await waiveFinding(services.db, actor, params.id, body.reason)),
      };
    },
  }),
  endpoint({
    method: 'post',
    path: '/findings/:id/define',
    summary:
      "Define an undefined-term finding's term in the configured glossary and re-check, closing its findings",
    operationId: 'defineFindingTerm',
    response: dataOf(definedTermSchema),
    errors: [409],
    tag: 'findings',
    policy: 'finding.define',
    params: findingParams,
    body: defineTermBody,
    async handler({ params, body, actor, services }) {
      return {
        data: presentDefinedTerm(await defineTerm(services.db, actor, params.id, body.definition)),
      };
    },
  }),
  endpoint({
    method: 'post',
    path: '/findings/:id/raise',
    summary: 'Raise an open plain-English finding as a comment on its clause',
    operationId: 'raiseFinding',
    response: dataOf(findingSchema),
    errors: [409],
    tag: 'findings',
    policy: 'comment.create',
    params: findingParams,
    async handler({ params, actor, services }) {
      return { data: presentFinding(await raiseFinding(services.db, actor, params.id)) };
    },
  }),
  endpoint({
    method: 'get',
    path: '/plain-english/config',
    summary: 'The extra defined terms and vague terms used by the plain-English checks',
    operationId: 'getPlainEnglishConfig',
    response: dataOf(plainEnglishConfigSchema),
    tag: 'findings',
    policy: 'finding.list',
    async handler({ services }) {
      return { data: presentPlainEnglishConfig(await readPlainEnglishConfig(services.db.kysely)) };
    },
  }),
  endpoint({
    method: 'put',
    path: '/plain-english/config',
    summary: 'Replace the extra defined terms and vague terms (takes effect at the next check)',
    operationId: 'configurePlainEnglish',
    response: dataOf(plainEnglishConfigSchema),
    tag: 'findings',
    policy: 'plainEnglish.configure',
    body: plainEnglishConfigBody,
    async handler({ body, actor, services }) {
      return {
        data: presentPlainEnglishConfig(await configurePlainEnglish(services.db, actor, body)),
      };
    },
  }),
  endpoint({
    method: 'post',
    path: '/plain-english/recheck',
    summary: 'Re-run the plain-English checks over the current version of every artefact',
    operationId: 'recheckPlainEnglish',
    response: dataOf(
      z.object({
        versions: z.number().int().describe('Current versions checked'),
        findings: z.number().int().describe('Findings they now have'),
      }),
    ),
    tag: 'findings',
    policy: 'plainEnglish.configure',
    async handler({ actor, services }) {
      return { data: await recheckPlainEnglish(services.db, actor) };
    },
  }),
];
