import Database from 'better-sqlite3';
import { parseSearchQuery, toFts5 } from '../../server/domain/searchQuery.js';
import { rankClauses } from '../../server/domain/searchRank.js';
const db = new Database('/tmp/exp/m6.sqlite', { readonly: true });
for (const q of ['unmetered', '"data collector"', 'supplier shall']) {
  const terms = parseSearchQuery(q);
  const m = toFts5(terms, { columns: ['heading', 'text'] });
  const time = (label: string, f: () => unknown) => { let best = 1e9; let r: unknown; for (let i = 0; i < 10; i++) { const t0 = performance.now(); r = f(); best = Math.min(best, performance.now() - t0); } console.log(q, label, best.toFixed(2)); return r; };
  const ids = time('ids', () => db.prepare('select rowid id from clause_current_fts where clause_current_fts match ? order by rowid limit 1001').all(m)) as { id: number }[];
  const list = ids.slice(0, 1000).map((r) => r.id);
  const rows = time('texts', () => db.prepare(`select id, heading, text from clause_search where id in (${list.join(',')})`).all()) as never[];
  time('rank', () => rankClauses(rows, terms));
}
