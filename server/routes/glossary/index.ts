import { loadGlossary } from '../../db/glossaryCache.js';
import { endpoint } from '../../http/endpoint.js';
import { z } from 'zod';
import { dataOf } from '../../presenters/envelope.js';
import { glossaryEntrySchema, presentGlossaryEntry } from '../../presenters/glossary.js';
import { glossaryQuery } from './schema.js';

// Definitions are clause text, which every signed-in user may read; no comment is in them. Where a
// term is used is a phrase search (GET /api/search?q="term"), which already pages and ranks.
export const glossaryEndpoints = [
  endpoint({
    method: 'get',
    path: '/glossary',
    summary:
      'Every defined term with its definitions across the code glossaries and the configured list, A to Z',
    operationId: 'listGlossary',
    response: dataOf(z.array(glossaryEntrySchema)),
    tag: 'glossary',
    policy: 'glossary.read',
    query: glossaryQuery,
    async handler({ query, services }) {
      const needle = query.q?.toLowerCase() ?? '';
      const entries = (await loadGlossary(services.db)).filter(
        (e) =>
          (query.conflicting !== 'true' || e.conflicting) && e.term.toLowerCase().includes(needle),
      );
      return { data: entries.map(presentGlossaryEntry) };
    },
  }),
];
