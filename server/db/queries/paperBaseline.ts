import {
  bragLabel,
  sha256,
  type BaselinedArtefact,
  type PaperWaiver,
} from '../../domain/recommendationPaper.js';
import type { Db } from '../database.js';

/**
 * What a paper proposes to baseline (each artefact's current version, its source hashed) and
 * every check set aside with its reason: waived plain-English findings on current versions, BRAG
 * overrides and no-code-impact marks.
 */
export async function loadPaperBaseline(
  db: Db,
): Promise<{ baseline: BaselinedArtefact[]; waivers: PaperWaiver[] }> {
  const k = db.kysely;
  const [artefacts, findings, noImpact] = await Promise.all([
    k
      .selectFrom('artefacts as a')
      .leftJoin('artefactVersions as v', 'v.id', 'a.currentVersionId')
      .select([
        'a.code',
        'a.reference',
        'a.title',
        'a.bragOverride',
        'a.bragOverrideReason',
        'v.label',
        'v.body',
        'v.incorporates',
        'v.createdAt as publishedAt',
      ])
      .orderBy('a.position')
      .orderBy('a.id')
      .execute(),
    k
      .selectFrom('plainEnglishFindings as f')
      .innerJoin('artefacts as a', 'a.currentVersionId', 'f.versionId')
      .select(['a.reference', 'f.clauseRef', 'f.excerpt', 'f.message', 'f.reason', 'f.decidedAt'])
      .where('f.status', '=', 'waived')
      .orderBy('a.position')
      .orderBy('f.clauseRef')
      .orderBy('f.id')
      .execute(),
    k
      .selectFrom('changeArtefacts as ca')
      .innerJoin('changes as ch', 'ch.id', 'ca.changeId')
      .innerJoin('artefacts as a', 'a.id', 'ca.artefactId')
      .select(['a.reference', 'ch.id', 'ch.title', 'ca.noImpactReason'])
      .where('ca.noCodeImpact', '=', 1)
      .orderBy('a.position')
      .orderBy('ch.id')
      .execute(),
  ]);
  const baseline = artefacts.map((a) => ({
    code: a.code,
    reference: a.reference,
    title: a.title,
    version:
      a.label !== null && a.body !== null
        ? {
            label: a.label,
            publishedAt: String(a.publishedAt),
            contentHash: sha256(a.body),
            incorporates: JSON.parse(a.incorporates ?? '[]') as string[],
          }
        : null,
  }));
  const waivers: PaperWaiver[] = [
    ...findings.map((f) => ({
      kind: 'waived-finding' as const,
      reference: f.reference,
      subject: `Clause ${f.clauseRef}: ${f.message} (“${f.excerpt}”)`,
      reason: f.reason ?? '',
      decidedAt: f.decidedAt,
    })),
    ...artefacts
      .filter((a) => a.bragOverride !== null)
      .map((a) => ({
        kind: 'brag-override' as const,
        reference: a.reference,
        subject: `BRAG set to ${bragLabel(String(a.bragOverride))}`,
        reason: a.bragOverrideReason ?? '',
        decidedAt: null,
      })),
    ...noImpact.map((c) => ({
      kind: 'no-code-impact' as const,
      reference: c.reference,
      subject: `${c.id} (${c.title}) has no code impact`,
      reason: c.noImpactReason ?? '',
      decidedAt: null,
    })),
  ];
  return { baseline, waivers };
}
