import type { Clause } from '../api';
import { MAX_QUOTE_LENGTH, quoteOccursIn } from './quote';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  MAX_COMMENT_LENGTH,
  SEVERITIES,
  type Category,
  type Severity,
} from './vocabulary';
import { humanise } from '../format';

export interface CommentDraft {
  quote: string;
  category: Category | '';
  severity: Severity;
  body: string;
  proposedText: string;
  confidential: boolean;
}

export const emptyDraft = (quote = ''): CommentDraft => ({
  quote,
  category: '',
  severity: 'medium',
  body: '',
  proposedText: '',
  confidential: false,
});

/** Whether anything has been typed or chosen: such a draft is kept when its thread closes. */
export const draftHasContent = (draft: CommentDraft): boolean =>
  Boolean(draft.body.trim() || draft.proposedText.trim() || draft.quote.trim() || draft.category);

/** What is wrong with a draft, field by field, checked the way the server checks it. */
export function draftProblems(
  draft: CommentDraft,
  clause: Clause | undefined,
): Partial<Record<keyof CommentDraft, string>> {
  const problems: Partial<Record<keyof CommentDraft, string>> = {};
  if (!draft.category) problems.category = 'Choose a category.';
  if (draft.body.trim() === '') problems.body = 'Write your comment.';
  if (clause && !quoteOccursIn(clause, draft.quote)) {
    problems.quote = `The quote must be words that appear in clause ${clause.ref}.`;
  }
  return problems;
}

interface Props {
  idPrefix: string;
  draft: CommentDraft;
  onChange(draft: CommentDraft): void;
  /** Shown only after a submit attempt, so the form does not scold an empty start. */
  problems: Partial<Record<keyof CommentDraft, string>>;
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}

export function CommentFields({ idPrefix, draft, onChange, problems }: Props) {
  const set = <K extends keyof CommentDraft>(key: K, value: CommentDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const id = (name: string) => `${idPrefix}-${name}`;
  const invalid = (name: keyof CommentDraft) =>
    problems[name]
      ? { 'aria-invalid': true as const, 'aria-describedby': id(`${name}-error`) }
      : {};

  return (
    <>
      <div className="field">
        <label htmlFor={id('quote')}>Quoted text (optional)</label>
        <input
          id={id('quote')}
          value={draft.quote}
          maxLength={MAX_QUOTE_LENGTH}
          onChange={(e) => set('quote', e.target.value)}
          {...invalid('quote')}
        />
        <FieldError id={id('quote-error')} message={problems.quote} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={id('category')}>Category</label>
          <select
            id={id('category')}
            value={draft.category}
            onChange={(e) => set('category', e.target.value as Category | '')}
            {...invalid('category')}
          >
            <option value="">Choose…</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
          <FieldError id={id('category-error')} message={problems.category} />
        </div>
        <div className="field">
          <label htmlFor={id('severity')}>Severity</label>
          <select
            id={id('severity')}
            value={draft.severity}
            onChange={(e) => set('severity', e.target.value as Severity)}
          >
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {humanise(s)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={id('body')}>Comment</label>
        <textarea
          id={id('body')}
          rows={5}
          maxLength={MAX_COMMENT_LENGTH}
          value={draft.body}
          onChange={(e) => set('body', e.target.value)}
          {...invalid('body')}
        />
        <FieldError id={id('body-error')} message={problems.body} />
      </div>
      <div className="field">
        <label htmlFor={id('proposed')}>Proposed text (optional)</label>
        <textarea
          id={id('proposed')}
          rows={3}
          maxLength={MAX_COMMENT_LENGTH}
          value={draft.proposedText}
          onChange={(e) => set('proposedText', e.target.value)}
        />
      </div>
      <div className="checkbox">
        <input
          id={id('confidential')}
          type="checkbox"
          checked={draft.confidential}
          onChange={(e) => set('confidential', e.target.checked)}
          aria-describedby={id('confidential-hint')}
        />
        <label htmlFor={id('confidential')}>Confidential</label>
        <p id={id('confidential-hint')} className="hint">
          Only your organisation, the code body and the programme will see it.
        </p>
      </div>
    </>
  );
}
