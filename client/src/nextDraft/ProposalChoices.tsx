import { useId } from 'react';
import type { DraftChoices, PreparedDraft, Proposal } from './nextDraftApi';
import { WordRedline } from './WordRedline';

interface Props {
  draft: PreparedDraft;
  choices: DraftChoices;
  /** The text has been edited: changing the selection would throw the edits away. */
  locked: boolean;
  onChange(choices: DraftChoices): void;
  onUnlock(): void;
}

const without = (list: string[], ref: string) => list.filter((r) => r !== ref);

/** Each proposal applied, switchable; conflicts side by side; what could not be placed, and why. */
export function ProposalChoices({ draft, choices, locked, onChange, onUnlock }: Props) {
  const id = useId();
  const byRef = new Map(draft.proposals.map((p) => [p.commentRef, p]));
  const inConflict = new Set(draft.conflicts.flatMap((c) => c.commentRefs));
  const switchable = draft.proposals.filter(
    (p) =>
      !inConflict.has(p.commentRef) && !draft.unapplied.some((u) => u.commentRef === p.commentRef),
  );
  const applied = new Map(draft.applied.map((a) => [a.commentRef, a]));
  const toggle = (ref: string, on: boolean) =>
    onChange({ ...choices, skip: on ? without(choices.skip, ref) : [...choices.skip, ref] });
  const choose = (refs: string[], ref: string | null) =>
    onChange({
      ...choices,
      choose: [...choices.choose.filter((r) => !refs.includes(r)), ...(ref ? [ref] : [])],
    });

  if (!draft.proposals.length)
    return (
      <p className="empty">
        No accepted comment on {draft.version.label} has proposed text still to incorporate.
      </p>
    );
  return (
    <section aria-labelledby={`${id}-applied`} className="proposal-choices">
      <h2 id={`${id}-applied`}>Proposals from accepted comments</h2>
      {locked && (
        <p className="notice">
          You have edited the text, so the selection is fixed.{' '}
          <button type="button" className="link-button" onClick={onUnlock}>
            Discard my edits and change the selection
          </button>
        </p>
      )}
      {switchable.length > 0 && (
        <ul className="plain-list">
          {switchable.map((p) => {
            const done = applied.get(p.commentRef);
            return (
              <li key={p.commentRef} className="proposal-choice">
                <label>
                  <input
                    type="checkbox"
                    checked={!choices.skip.includes(p.commentRef)}
                    disabled={locked}
                    onChange={(e) => toggle(p.commentRef, e.target.checked)}
                  />{' '}
                  <strong>{p.commentRef}</strong> on clause {p.clauseRef}
                </label>
                <p className="plain-text">
                  {done ? (
                    <WordRedline before={done.before} after={done.after} />
                  ) : (
                    <span className="muted">Left out: {p.proposedText}</span>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {draft.conflicts.map((conflict) => {
        // The choice as made here, not as the last draft fetched says: a radio follows its click.
        const chosen = conflict.commentRefs.find((r) => choices.choose.includes(r)) ?? null;
        return (
          <fieldset key={conflict.clauseRef} className="proposal-conflict">
            <legend>
              Clause {conflict.clauseRef}: {conflict.commentRefs.length} proposals conflict; choose
              one
            </legend>
            <div className="side-by-side">
              <label>
                <input
                  type="radio"
                  name={`${id}-${conflict.clauseRef}`}
                  checked={chosen === null}
                  disabled={locked}
                  onChange={() => choose(conflict.commentRefs, null)}
                />{' '}
                Leave clause {conflict.clauseRef} as it is
              </label>
              {conflict.commentRefs.map((ref) => (
                <ConflictOption
                  key={ref}
                  name={`${id}-${conflict.clauseRef}`}
                  proposal={byRef.get(ref)}
                  commentRef={ref}
                  checked={chosen === ref}
                  disabled={locked}
                  onChoose={() => choose(conflict.commentRefs, ref)}
                />
              ))}
            </div>
          </fieldset>
        );
      })}
      {draft.unapplied.length > 0 && (
        <>
          <h3>Could not be applied</h3>
          <ul>
            {draft.unapplied.map((u) => (
              <li key={u.commentRef}>
                {u.commentRef}: {u.reason}; apply it by hand below if it still stands.
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ConflictOption(props: {
  name: string;
  commentRef: string;
  proposal: Proposal | undefined;
  checked: boolean;
  disabled: boolean;
  onChoose(): void;
}) {
  const { proposal } = props;
  return (
    <label className="conflict-option">
      <input
        type="radio"
        name={props.name}
        checked={props.checked}
        disabled={props.disabled}
        onChange={props.onChoose}
      />{' '}
      <strong>{props.commentRef}</strong>
      {proposal?.quote && <> replaces &ldquo;{proposal.quote}&rdquo; with</>}
      <span className="plain-text conflict-text">{proposal?.proposedText}</span>
    </label>
  );
}
