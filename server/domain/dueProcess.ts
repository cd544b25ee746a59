// The due-process confirmations of the M6 seed pack ("Due Process Evidence"): each party says
// whether it could engage, input, saw its comments addressed, and found the design translated and
// the artefacts sensible. Pure: no I/O.

export const DUE_PROCESS_CONFIRMATIONS = [
  { key: 'engaged', text: 'Parties had been able to engage with the Code workstream' },
  {
    key: 'input',
    text: 'Parties have been able to input to the meetings, Code Artefacts and decisions',
  },
  { key: 'commentsAddressed', text: 'Parties confirmed comments had been addressed' },
  { key: 'designTranslated', text: 'The Design had been correctly translated into Code' },
  { key: 'artefactsMakeSense', text: 'Code Artefacts made sense' },
] as const;

export type DueProcessKey = (typeof DUE_PROCESS_CONFIRMATIONS)[number]['key'];
export const DUE_PROCESS_KEYS = DUE_PROCESS_CONFIRMATIONS.map((c) => c.key) as [
  DueProcessKey,
  ...DueProcessKey[],
];

export interface DueProcessAnswer {
  confirmed: boolean;
  text: string | null;
}

export type DueProcessAnswers = Record<DueProcessKey, DueProcessAnswer>;

export interface DueProcessSummary {
  responses: number;
  confirmations: { key: DueProcessKey; text: string; confirmed: number; share: number }[];
  lessonsLearnt: string[];
}

/**
 * How many responding organisations gave each confirmation, and the lessons they wrote down.
 * A missing answer counts as not confirmed; `share` is 0 when nobody has responded.
 */
export function summariseDueProcess(
  responses: readonly { answers: Partial<DueProcessAnswers>; lessonsLearnt: string }[],
): DueProcessSummary {
  const n = responses.length;
  return {
    responses: n,
    confirmations: DUE_PROCESS_CONFIRMATIONS.map(({ key, text }) => {
      const confirmed = responses.filter((r) => r.answers[key]?.confirmed === true).length;
      return { key, text, confirmed, share: n === 0 ? 0 : confirmed / n };
    }),
    lessonsLearnt: responses.map((r) => r.lessonsLearnt.trim()).filter((l) => l !== ''),
  };
}
