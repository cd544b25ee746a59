import { z } from 'zod';
import { RANKED_MATCHES, searchClauses, searchComments } from '../../db/queries/search.js';
import { parseSearchQuery } from '../../domain/searchQuery.js';
import { badRequest } from '../../errors.js';
import { jsonCursor } from '../../http/cursor.js';
import { endpoint } from '../../http/endpoint.js';
import { commentVisibility } from '../../policies/commentVisibility.js';
import { presentClauseHit, presentCommentHit, searchHitSchema } from '../../presenters/search.js';
import { searchQuery } from './schema.js';

const offsetCursor = jsonCursor(z.object({ o: z.number().int().min(0).max(100_000) }));
const decodeCursor = (raw: string) => offsetCursor.decode(raw).o;
const encodeCursor = (offset: number) => offsetCursor.encode({ o: offset });

export const searchEndpoints = [
  endpoint({
    method: 'get',
    path: '/search',
    summary:
      'Full-text search over the clauses of every artefact, or over the comments you may see',
    operationId: 'search',
    response: z.object({
      data: z.array(searchHitSchema).describe('Clause hits, or with scope=comments comment hits'),
      nextCursor: z.string().nullable().describe('Null on the last page'),
      broad: z
        .boolean()
        .describe(
          'More clauses match than are ranked: only the first `rankedMatches` are in order of relevance',
        ),
      rankedMatches: z.number().int(),
    }),
    tag: 'search',
    policy: 'search.read',
    query: searchQuery,
    async handler({ query, actor, services }) {
      const terms = parseSearchQuery(query.q);
      if (!terms.length) throw badRequest('query.q: search for at least one word or number');
      // A one-letter beginning would merge the index entries of most words in it.
      const short = terms.find((t) => t.prefix && (t.words[t.words.length - 1]?.length ?? 0) < 2);
      if (short)
        throw badRequest(
          `query.q: "${short.words.join(' ')}*" is too short to search for as a beginning: put at least two letters before the *`,
        );
      const offset = query.cursor ? decodeCursor(query.cursor) : 0;
      const page = { limit: query.limit + 1, offset };
      const filters = { code: query.code, kind: query.kind, version: query.version };
      let data;
      let broad = false;
      if (query.scope === 'clauses') {
        const found = await searchClauses(services.db, terms, filters, page);
        data = found.rows.map((row) => presentClauseHit(row, terms));
        broad = found.broad;
      } else {
        const rows = await searchComments(
          services.db,
          commentVisibility(actor),
          terms,
          filters,
          page,
        );
        data = rows.map((row) => presentCommentHit(row, terms));
      }
      const more = data.length > query.limit;
      return {
        data: data.slice(0, query.limit),
        nextCursor: more ? encodeCursor(offset + query.limit) : null,
        // Past RANKED_MATCHES matches, only the first are ranked: the client says so.
        broad,
        rankedMatches: RANKED_MATCHES,
      };
    },
  }),
];
