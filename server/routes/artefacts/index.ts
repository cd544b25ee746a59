import { publishVersion } from '../../commands/publishVersion.js';
import { createArtefact, updateArtefact } from '../../commands/saveArtefact.js';
import type { Db } from '../../db/database.js';
import {
  findArtefact,
  findVersion,
  listArtefacts,
  listVersions,
} from '../../db/queries/artefacts.js';
import { commentCountsByArtefact } from '../../db/queries/comments.js';
import { cachedRead } from '../../db/readCache.js';
import { notFound } from '../../errors.js';
import { commentVisibility } from '../../policies/commentVisibility.js';
import type { Actor } from '../../policies/index.js';
import { endpoint } from '../../http/endpoint.js';
import { presentArtefact } from '../../presenters/artefact.js';
import { presentVersion, presentVersionSummary } from '../../presenters/version.js';
import {
  artefactParams,
  createArtefactBody,
  listArtefactsQuery,
  publishVersionBody,
  updateArtefactBody,
  versionParams,
} from './schema.js';

async function loadArtefact(db: Db, idOrSlug: string) {
  const artefact = await findArtefact(db, idOrSlug);
  if (!artefact) throw notFound(`No artefact with id or slug "${idOrSlug}"`);
  return artefact;
}

async function presentOne(db: Db, actor: Actor, idOrSlug: string) {
  const artefact = await loadArtefact(db, idOrSlug);
  const counts = await commentCountsByArtefact(db, commentVisibility(actor), artefact.id);
  return { data: presentArtefact(artefact, counts.get(artefact.id)) };
}

export const artefactEndpoints = [
  endpoint({
    method: 'get',
    path: '/artefacts',
    summary: 'List code artefacts with BRAG and comment counts',
    tag: 'artefacts',
    policy: 'artefact.list',
    query: listArtefactsQuery,
    async handler({ query, actor, services }) {
      const { db } = services;
      const visibility = commentVisibility(actor);
      // The registry is read far more than it changes: the presented list is cached per filter and
      // viewer until the next audited write (see db/readCache.ts).
      return cachedRead(db, `artefact-list:${JSON.stringify({ query, visibility })}`, async () => {
        const [rows, counts] = await Promise.all([
          listArtefacts(db, query),
          commentCountsByArtefact(db, visibility),
        ]);
        const data = rows.map((row) => presentArtefact(row, counts.get(row.id)));
        return { data: query.brag ? data.filter((a) => a.brag === query.brag) : data };
      });
    },
  }),
  endpoint({
    method: 'post',
    path: '/artefacts',
    summary: 'Add an artefact to the registry',
    tag: 'artefacts',
    policy: 'artefact.create',
    body: createArtefactBody,
    status: 201,
    async handler({ body, actor, services }) {
      const created = await createArtefact(services.db, actor.id, body);
      return presentOne(services.db, actor, created.id);
    },
  }),
  endpoint({
    method: 'get',
    path: '/artefacts/:id',
    summary: 'One artefact, by id or slug',
    tag: 'artefacts',
    policy: 'artefact.read',
    params: artefactParams,
    async handler({ params, actor, services }) {
      return presentOne(services.db, actor, params.id);
    },
  }),
  endpoint({
    method: 'patch',
    path: '/artefacts/:id',
    summary: "Edit an artefact's registry fields",
    tag: 'artefacts',
    policy: 'artefact.update',
    params: artefactParams,
    body: updateArtefactBody,
    async handler({ params, body, actor, services }) {
      const artefact = await loadArtefact(services.db, params.id);
      await updateArtefact(services.db, actor.id, artefact.id, body);
      return presentOne(services.db, actor, artefact.id);
    },
  }),
  endpoint({
    method: 'get',
    path: '/artefacts/:id/versions',
    summary: 'Versions of an artefact, newest first',
    tag: 'versions',
    policy: 'version.list',
    params: artefactParams,
    async handler({ params, services }) {
      const artefact = await loadArtefact(services.db, params.id);
      return { data: (await listVersions(services.db, artefact.id)).map(presentVersionSummary) };
    },
  }),
  endpoint({
    method: 'post',
    path: '/artefacts/:id/versions',
    summary: 'Publish a new immutable version (Markdown) of an artefact',
    tag: 'versions',
    policy: 'version.publish',
    params: artefactParams,
    body: publishVersionBody,
    status: 201,
    async handler({ params, body, actor, services }) {
      const artefact = await loadArtefact(services.db, params.id);
      const version = await publishVersion(services.db, actor, artefact, body);
      const stored = await findVersion(services.db, artefact.id, version.id);
      return { data: presentVersion(stored ?? { ...version, authorName: null }) };
    },
  }),
  endpoint({
    method: 'get',
    path: '/artefacts/:id/versions/:versionId',
    summary: 'One version with its clauses and sanitised HTML',
    tag: 'versions',
    policy: 'version.read',
    params: versionParams,
    async handler({ params, services }) {
      const artefact = await loadArtefact(services.db, params.id);
      const version = await findVersion(services.db, artefact.id, params.versionId);
      if (!version)
        throw notFound(`${artefact.reference} has no version with id "${params.versionId}"`);
      return { data: presentVersion(version) };
    },
  }),
];
