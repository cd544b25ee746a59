import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { User } from '../api';
import { BragBadge } from '../BragBadge';
import { CODES } from '../format';
import { BlockerLink, type BlockerContext } from './BlockerLink';
import { BragOverrideForm } from './BragOverrideForm';
import { GATING, type ArtefactReadiness } from './readinessApi';

/** How many of an artefact's blockers are listed under "Current status and issues". */
const ISSUES_SHOWN = 3;

export const canOverrideBrag = (user: User | null, code: string) =>
  user?.role === 'programme' || (user?.role === 'code_body' && user.code === code);

interface Props {
  artefacts: ArtefactReadiness[];
  user: User | null;
  context: BlockerContext;
  onChanged(): void;
}

/** One table per code, in the seed pack's columns, each row tinted by its BRAG. */
export function ArtefactBragTables({ artefacts, user, context, onChanged }: Props) {
  const codes = [...new Set([...CODES, ...artefacts.map((a) => a.code)])];
  return (
    <>
      {codes.map((code) => {
        const rows = artefacts.filter((a) => a.code === code);
        if (rows.length === 0) return null;
        return (
          <section key={code} aria-labelledby={`artefacts-${code}`}>
            <h3 id={`artefacts-${code}`}>{code} Code Artefacts</h3>
            <div className="table-wrap">
              <table className="brag-table">
                <caption className="visually-hidden">{code} artefacts by BRAG</caption>
                <thead>
                  <tr>
                    <th scope="col">Topic Area</th>
                    <th scope="col">{code} Document</th>
                    <th scope="col">Status</th>
                    <th scope="col">BRAG</th>
                    <th scope="col">Current status and issues</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((a) => (
                    <ArtefactRow
                      key={a.id}
                      artefact={a}
                      canOverride={canOverrideBrag(user, a.code)}
                      context={context}
                      onChanged={onChanged}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </>
  );
}

interface RowProps {
  artefact: ArtefactReadiness;
  canOverride: boolean;
  context: BlockerContext;
  onChanged(): void;
}

function ArtefactRow({ artefact: a, canOverride, context, onChanged }: RowProps) {
  const [editing, setEditing] = useState(false);
  const issues = a.criteria.filter((c) => GATING.includes(c.id)).flatMap((c) => c.blockers);
  // KD3 repeats SC4's blockers: list each once.
  const unique = issues.filter(
    (b, i) => issues.findIndex((o) => o.kind === b.kind && o.id === b.id) === i,
  );
  return (
    <tr className={`brag-row brag-row-${a.brag}`} data-testid={`brag-row-${a.slug}`}>
      <td>{a.topicArea}</td>
      <td>
        <Link to={`/artefacts/${encodeURIComponent(a.slug)}`}>
          {a.reference} – {a.title}
        </Link>
      </td>
      <td className="nowrap">{a.status}</td>
      <td>
        <BragBadge brag={a.brag} />
        {a.bragSource === 'override' && (
          <p className="muted small">
            Override{a.bragOverrideReason ? `: ${a.bragOverrideReason}` : ''}
          </p>
        )}
        {canOverride && !editing && (
          <button
            type="button"
            className="link-button small"
            aria-label={`Change the BRAG of ${a.reference}`}
            onClick={() => setEditing(true)}
          >
            Change
          </button>
        )}
        {editing && (
          <BragOverrideForm
            artefact={a}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              onChanged();
            }}
          />
        )}
      </td>
      <td>
        {a.statusText}
        {unique.length > 0 && (
          <ul className="issues">
            {unique.slice(0, ISSUES_SHOWN).map((b) => (
              <li key={`${b.kind}-${b.id}`}>
                <BlockerLink blocker={b} context={context} />
              </li>
            ))}
            {unique.length > ISSUES_SHOWN && (
              <li className="muted">and {unique.length - ISSUES_SHOWN} more</li>
            )}
          </ul>
        )}
      </td>
    </tr>
  );
}
