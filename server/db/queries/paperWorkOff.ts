import { paperSubject, type PaperWorkOffItem } from '../../domain/paperWorkOff.js';
import { WORK_OFF_CHANGE_STATUSES, defaultChangeOwner } from '../../domain/workOff.js';
import type { Db } from '../database.js';

/**
 * What will become post-M6 work-off items if this paper is approved: the deferred comments and
 * live post-M6 changes, with the code body that would own each (as createWorkOffItems decides).
 */
export async function loadPaperWorkOff(db: Db): Promise<PaperWorkOffItem[]> {
  const k = db.kysely;
  const [comments, changes, links] = await Promise.all([
    k
      .selectFrom('comments as c')
      .innerJoin('artefacts as a', 'a.id', 'c.artefactId')
      .select(['c.id', 'c.ref', 'c.clauseRef', 'c.body', 'c.confidential', 'a.reference', 'a.code'])
      .where('c.status', '=', 'deferred')
      .orderBy('a.position')
      .orderBy('c.ref')
      .execute(),
    k
      .selectFrom('changes')
      .select(['id', 'title'])
      .where('postM6', '=', 1)
      .where('status', 'in', WORK_OFF_CHANGE_STATUSES)
      .orderBy('id')
      .execute(),
    k
      .selectFrom('changeArtefacts as ca')
      .innerJoin('changes as ch', 'ch.id', 'ca.changeId')
      .innerJoin('artefacts as a', 'a.id', 'ca.artefactId')
      .select(['ca.changeId', 'a.code'])
      .where('ch.postM6', '=', 1)
      .execute(),
  ]);
  return [
    ...comments.map((c): PaperWorkOffItem =>
      Number(c.confidential) === 1
        ? { kind: 'comment', confidential: true, document: c.reference, owner: c.code }
        : {
            kind: 'comment',
            confidential: false,
            id: c.id,
            reference: c.ref,
            document: c.reference,
            subject: paperSubject(`Clause ${c.clauseRef}: ${c.body}`),
            owner: c.code,
          },
    ),
    ...changes.map((c): PaperWorkOffItem => ({
      kind: 'change',
      reference: c.id,
      subject: paperSubject(c.title),
      owner: defaultChangeOwner(links.filter((l) => l.changeId === c.id).map((l) => l.code)),
    })),
  ];
}
