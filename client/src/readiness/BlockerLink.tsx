import { Link } from 'react-router-dom';
import type { Blocker } from './readinessApi';

export interface BlockerContext {
  /** Artefact slugs by id, to link a blocker to its artefact's page. */
  slugs: ReadonlyMap<string, string>;
  /** Whether the viewer can open the triage queue (code bodies, the programme, admins). */
  canTriage: boolean;
}

/** Where a blocker is dealt with, or null when there is nowhere to go. */
export function blockerHref(blocker: Blocker, { slugs, canTriage }: BlockerContext): string | null {
  const slug = blocker.artefactId ? slugs.get(blocker.artefactId) : undefined;
  const artefactPage = slug ? `/artefacts/${encodeURIComponent(slug)}` : null;
  switch (blocker.kind) {
    case 'comment':
    case 'decision':
      return canTriage ? `/triage?comment=${encodeURIComponent(blocker.id)}` : artefactPage;
    case 'change':
      return blocker.artefactId
        ? `/changes?artefactId=${encodeURIComponent(blocker.artefactId)}`
        : '/changes';
    case 'clause':
    case 'finding':
      if (!artefactPage) return null;
      return blocker.clauseRef
        ? `${artefactPage}?clause=${encodeURIComponent(blocker.clauseRef)}`
        : artefactPage;
    case 'due-process':
      return '/due-process';
    case 'requirement':
      return '/requirements';
    default:
      // artefact, consultation: the artefact they hold up.
      return artefactPage;
  }
}

export function BlockerLink({ blocker, context }: { blocker: Blocker; context: BlockerContext }) {
  const href = blockerHref(blocker, context);
  return href ? <Link to={href}>{blocker.message}</Link> : <span>{blocker.message}</span>;
}
