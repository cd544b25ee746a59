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

export interface DueProcessOrganisation {
  id: string;
  name: string;
}

/** A "no" to a confirmation, and what the programme said back (null until it has). */
export interface DueProcessRefusal {
  responseId: string;
  organisation: DueProcessOrganisation;
  key: DueProcessKey;
  confirmation: string;
  text: string | null;
  programmeResponse: { text: string; respondedAt: string } | null;
}

export interface DueProcessSummary {
  /** Participant organisations: coverage is counted over all of them, not over responders. */
  participants: number;
  responses: number;
  nonResponders: DueProcessOrganisation[];
  /** Each share is over the responders. */
  confirmations: { key: DueProcessKey; text: string; confirmed: number; share: number }[];
  refusals: DueProcessRefusal[];
  lessonsLearnt: string[];
}

export interface DueProcessResponseFacts {
  id?: string;
  organisation?: DueProcessOrganisation;
  answers: Partial<DueProcessAnswers>;
  lessonsLearnt: string;
  /** The programme's answers to refusals, by confirmation. */
  programmeResponses?: Partial<Record<DueProcessKey, { text: string; respondedAt: string }>>;
}

/**
 * How many responding organisations gave each confirmation, who refused which and what the
 * programme answered, which participant organisations have not responded, and the lessons
 * written down. A missing answer counts as not confirmed; `share` is 0 when nobody has responded.
 * Responses from organisations outside `participants` still count as responses.
 */
export function summariseDueProcess(
  responses: readonly DueProcessResponseFacts[],
  participants: readonly DueProcessOrganisation[] = [],
): DueProcessSummary {
  const n = responses.length;
  const responded = new Set(responses.map((r) => r.organisation?.id));
  return {
    participants: participants.length,
    responses: n,
    nonResponders: participants.filter((p) => !responded.has(p.id)),
    confirmations: DUE_PROCESS_CONFIRMATIONS.map(({ key, text }) => {
      const confirmed = responses.filter((r) => r.answers[key]?.confirmed === true).length;
      return { key, text, confirmed, share: n === 0 ? 0 : confirmed / n };
    }),
    refusals: responses.flatMap((r) =>
      DUE_PROCESS_CONFIRMATIONS.filter(({ key }) => r.answers[key]?.confirmed === false).map(
        ({ key, text }) => ({
          responseId: r.id ?? '',
          organisation: r.organisation ?? { id: '', name: '' },
          key,
          confirmation: text,
          text: r.answers[key]?.text ?? null,
          programmeResponse: r.programmeResponses?.[key] ?? null,
        }),
      ),
    ),
    lessonsLearnt: responses.map((r) => r.lessonsLearnt.trim()).filter((l) => l !== ''),
  };
}
