import type { NewVersion } from './versionsApi';

export interface PublishDraft {
  label: string;
  changeNote: string;
  /** Comma-separated change ids. */
  incorporates: string;
  source: 'markdown' | 'word';
  body: string;
  file: File | null;
}

export type PublishProblems = Partial<Record<'label' | 'body' | 'file', string>>;

export const emptyPublishDraft = (): PublishDraft => ({
  label: '',
  changeNote: '',
  incorporates: '',
  source: 'markdown',
  body: '',
  file: null,
});

// The server's limit, checked here too so a huge file is not uploaded only to be refused.
const MAX_WORD_BYTES = 20 * 1024 * 1024;

export const WORD_ACCEPT =
  '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** "CR053, DIN-0179" as a list of ids; blanks dropped. */
export const splitChangeIds = (text: string): string[] =>
  text
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);

/**
 * What is plainly wrong with a draft, field by field; empty when it may be sent. The server checks
 * the rest (change ids, duplicate labels, corrupt files) and its message is shown.
 */
export function publishProblems(draft: PublishDraft): PublishProblems {
  const problems: PublishProblems = {};
  if (!draft.label.trim()) problems.label = 'Give the version a label, such as v2.';
  if (draft.source === 'markdown') {
    if (!draft.body.trim()) problems.body = 'Paste or write the text of the version.';
  } else if (!draft.file) {
    problems.file = 'Choose a Word document (.docx).';
  } else if (!/\.docx$/i.test(draft.file.name)) {
    problems.file = `“${draft.file.name}” is not a Word document: choose a .docx file (Word can save older .doc files as .docx).`;
  } else if (draft.file.size > MAX_WORD_BYTES) {
    problems.file = `“${draft.file.name}” is over 20 MB, the largest Word document that can be published.`;
  }
  return problems;
}

/** The draft as sent; call only when it has no problems. */
export function toNewVersion(draft: PublishDraft): NewVersion {
  const fields = {
    label: draft.label.trim(),
    changeNote: draft.changeNote.trim(),
    incorporates: splitChangeIds(draft.incorporates),
  };
  if (draft.source === 'word' && draft.file) return { ...fields, source: 'word', file: draft.file };
  return { ...fields, source: 'markdown', body: draft.body };
}
