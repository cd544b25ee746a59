import type { Generated } from 'kysely';
import type { CommentCategory, CommentStatus, Severity } from '../domain/commentLifecycle.js';

// Timestamps are ISO-8601 UTC strings and booleans are 0/1 integers on both dialects,
// so one query path returns the same JavaScript values from SQLite and PostgreSQL.

export interface CodeBodyTable {
  code: string;
  name: string;
}

export interface OrganisationTable {
  id: string;
  name: string;
  kind: 'participant' | 'code_body' | 'programme';
  marketRole: string | null;
  code: string | null;
  createdAt: string;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  role: 'participant' | 'code_body' | 'programme' | 'sro' | 'admin';
  organisationId: string | null;
  code: string | null;
  passwordHash: string;
  active: number;
  /** Carried by every token; bumping it ends all of the user's sessions. */
  tokenVersion: number;
  createdAt: string;
  updatedAt: string;
}

/** Failed sign-ins of one account (`account:<email>`) or client address (`address:<ip>`). */
export interface SignInThrottleTable {
  key: string;
  failures: number;
  windowStartedAt: string;
  lockedUntil: string | null;
  /** Length of the latest lock, doubled by the next one (domain/signInThrottle.ts). */
  lockSeconds: number;
}

export interface ArtefactTable {
  id: string;
  slug: string;
  code: string;
  kind: string;
  reference: string;
  title: string;
  topicArea: string;
  status: string;
  bragOverride: string | null;
  bragOverrideReason: string | null;
  /** The audited statement that no design requirements apply, and who made it when. */
  noRequirementsReason: string | null;
  noRequirementsAt: string | null;
  noRequirementsBy: string | null;
  currentVersionId: string | null;
  /** Display order: the seed pack's order, then creation order. */
  position: number;
  createdAt: string;
  updatedAt: string;
}

export interface ArtefactVersionTable {
  id: string;
  artefactId: string;
  label: string;
  body: string;
  html: string;
  clauses: string;
  changeNote: string;
  incorporates: string;
  authorId: string | null;
  isBaseline: number;
  createdAt: string;
}

export interface AuditEventTable {
  id: Generated<number>;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: string | null;
  after: string | null;
  at: string;
  /** Hash chain (see domain/auditChain.ts); null only before migration 0006 filled it in. */
  prevHash: string | null;
  hash: string | null;
}

/** The single row (id 1) holding the audit chain's newest link. */
export interface AuditHeadTable {
  id: number;
  lastId: number;
  count: number;
  hash: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface CounterTable {
  name: string;
  value: number;
}

export interface SharedReadTable {
  key: string;
  dataVersion: number;
  /** What else the value depends on besides the data (e.g. the minute, for time-bound reads). */
  stamp: string;
  /**
   * The value in V8's serialisation, deflated: several times faster to read back than JSON when
   * large, and a fraction of the bytes to carry from PostgreSQL.
   */
  value: Buffer;
}

export interface ConsultationTable {
  id: string;
  title: string;
  opensAt: string;
  closesAt: string;
  createdBy: string | null;
  createdAt: string;
  /** Bumped by every change of window; writers present the revision they read. */
  revision: Generated<number>;
}

export interface ConsultationArtefactTable {
  consultationId: string;
  artefactId: string;
}

export interface CommentTable {
  id: string;
  /** Human and external id (C-000042, or the ID column of an imported log); stable across imports. */
  ref: string;
  artefactId: string;
  versionId: string;
  clauseRef: string;
  quote: string | null;
  category: CommentCategory;
  severity: Severity;
  severityRank: number;
  body: string;
  proposedText: string | null;
  confidential: number;
  authorId: string | null;
  organisationId: string | null;
  status: CommentStatus;
  /** Bumped by every change; writers must present the revision they read (optimistic concurrency). */
  revision: number;
  /** The latest code-body response and who gave it, denormalised for lists and exports. */
  response: string | null;
  /** The latest decision's change and action, as the comment log lists them. */
  changeId: string | null;
  action: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  /** An imported comment has no author among our users: the log's "Raised by" name instead. */
  raisedByName: string | null;
  /** Who imported the comment (no author's rights follow from it). */
  importedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CommentTallyTable {
  artefactId: string;
  confidential: number;
  /** '' for public comments: only confidential ones need their organisation for visibility. */
  organisationId: string;
  status: CommentStatus;
  n: number;
}

export interface CommentReplyTable {
  id: string;
  commentId: string;
  body: string;
  authorId: string | null;
  createdAt: string;
}

export interface TriageDecisionTable {
  id: string;
  commentId: string;
  fromStatus: CommentStatus;
  status: CommentStatus;
  response: string;
  action: string | null;
  changeId: string | null;
  duplicateOf: string | null;
  decidedBy: string | null;
  decidedByName: string;
  decidedAt: string;
}

export interface ChangeTable {
  /** CR053, DIN-0179. */
  id: string;
  type: 'CR' | 'DIN';
  title: string;
  status: 'raised' | 'impact-assessment' | 'approved' | 'rejected' | 'implemented' | 'withdrawn';
  decidedAt: string | null;
  /** Approved for after M6: the only kind of change a baselined artefact may take a new version for. */
  postM6: number;
  createdAt: string;
  updatedAt: string;
}

export interface ChangeArtefactTable {
  changeId: string;
  artefactId: string;
  noCodeImpact: number;
  noImpactReason: string | null;
}

export interface RequirementTable {
  id: string;
  text: string;
  source: string;
  createdAt: string;
}

export interface RequirementTraceTable {
  requirementId: string;
  artefactId: string;
  clauseRef: string;
}

export interface DueProcessRefusalResponseTable {
  responseId: string;
  /** The confirmation key the organisation said "no" to. */
  confirmation: string;
  text: string;
  respondedBy: string | null;
  respondedAt: string;
}

export interface DueProcessResponseTable {
  id: string;
  /** One response per organisation; a later one replaces it (audited). */
  organisationId: string;
  /** JSON: the five confirmations, each { confirmed: boolean, text: string | null }. */
  answers: string;
  lessonsLearnt: string;
  submittedBy: string | null;
  submittedAt: string;
}

export interface PlainEnglishFindingTable {
  id: string;
  versionId: string;
  artefactId: string;
  clauseRef: string;
  kind: 'undefined-term' | 'broken-reference' | 'vague-wording' | 'long-sentence';
  excerpt: string;
  message: string;
  status: 'open' | 'waived' | 'raised';
  reason: string | null;
  commentId: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  /** A waiver carried from the previous version: that version's label, and its finding. */
  carriedFrom: string | null;
  carriedFromFindingId: string | null;
}

export interface RecommendationTable {
  id: string;
  verdict: 'ready' | 'not-ready';
  /** JSON: the readiness evaluation frozen when the paper was generated. */
  snapshot: string;
  /** Hash of what the verdict rests on, to tell whether the state has changed since. */
  fingerprint: string;
  createdBy: string | null;
  createdAt: string;
}

export interface DecisionTable {
  id: string;
  recommendationId: string;
  body: 'CCAG' | 'SRO';
  outcome: 'recommended' | 'not-recommended' | 'approved' | 'rejected';
  notes: string;
  decidedBy: string | null;
  decidedAt: string;
}

export interface BaselineTable {
  id: string;
  recommendationId: string;
  createdAt: string;
  /** Always 1 and unique: M6 has at most one baseline. */
  singleton: Generated<number>;
}

/** The single row that transitions of the M6 state lock (db/m6Lock.ts). */
export interface M6StateTable {
  id: number;
}

export interface BaselineVersionTable {
  baselineId: string;
  artefactId: string;
  versionId: string;
}

export type WorkOffTarget = 'M7' | 'M8' | 'Later';
export type WorkOffStatus = 'open' | 'in-progress' | 'done' | 'withdrawn';

/** A post-M6 work-off item: from exactly one source, a deferred comment or a post-M6 change. */
export interface WorkOffItemTable {
  id: string;
  baselineId: string;
  commentId: string | null;
  changeId: string | null;
  /** The code body that owns the work; null until someone assigns one (e.g. a cross-code change). */
  ownerCode: string | null;
  /** Null until a milestone is chosen. */
  target: WorkOffTarget | null;
  status: Generated<WorkOffStatus>;
  notes: Generated<string>;
  /** Bumped by every edit; writers present the revision they read. */
  revision: Generated<number>;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
}

export interface VersionResolvedCommentTable {
  versionId: string;
  commentId: string;
}

export interface CrossReferenceTable {
  sourceArtefactId: string;
  sourceVersionId: string;
  sourceClauseRef: string;
  /** Order of the citation in the version, so a clause's references read as written. */
  position: number;
  raw: string;
  /** The registry key cited ('section s'); null when the citation is within the artefact. */
  targetDocument: string | null;
  targetArtefactId: string | null;
  targetClauseRef: string | null;
  /** 1 when the cited artefact is in the registry and the cited clause is in its current version. */
  resolved: number;
  /** The broken-reference finding on the citing clause, while the cited clause is missing. */
  findingId: string | null;
}

export type NotificationCategory =
  'consultations' | 'my_comments' | 'versions' | 'new_comments' | 'programme' | 'work_off';

export type EmailStatus = 'pending' | 'digest' | 'sending' | 'sent' | 'failed' | 'skipped';

/** The in-app inbox and the email outbox in one (migration 0018 explains the columns). */
export interface NotificationTable {
  id: Generated<number>;
  recipientId: string;
  /** What happened, e.g. `consultation.opened:<id>`; unique per recipient. */
  eventKey: string;
  category: NotificationCategory;
  kind: string;
  /** Plain text, already limited to what the recipient may read. */
  title: string;
  body: string;
  /** App path, e.g. `/artefacts/<slug>?comment=<id>`. */
  link: string;
  entity: string;
  entityId: string;
  /** Events folded into this one (new comments on an artefact are batched). */
  count: number;
  createdAt: string;
  updatedAt: string;
  readAt: string | null;
  emailStatus: EmailStatus;
  emailDueAt: string | null;
  emailAttempts: number;
  emailClaimedBy: string | null;
  emailClaimedUntil: string | null;
  emailError: string | null;
  emailSentAt: string | null;
}

export interface FollowTable {
  userId: string;
  entity: 'artefact' | 'comment';
  entityId: string;
  following: number;
  source: 'explicit' | 'auto';
  createdAt: string;
  updatedAt: string;
}

export interface NotificationSettingsTable {
  userId: string;
  emailMode: 'immediate' | 'digest' | 'off';
  digestHour: number;
  updatedAt: string;
}

export interface EmailOptOutTable {
  userId: string;
  category: NotificationCategory;
  createdAt: string;
}

export interface EmailDigestTable {
  userId: string;
  digestDate: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  dueAt: string;
  attempts: number;
  claimedBy: string | null;
  claimedUntil: string | null;
  error: string | null;
  sentAt: string | null;
  createdAt: string;
}

export interface NotificationMarkTable {
  key: string;
  value: string;
  updatedAt: string;
}

export interface Database {
  codeBodies: CodeBodyTable;
  organisations: OrganisationTable;
  users: UserTable;
  signInThrottles: SignInThrottleTable;
  artefacts: ArtefactTable;
  artefactVersions: ArtefactVersionTable;
  auditEvents: AuditEventTable;
  auditHead: AuditHeadTable;
  meta: MetaTable;
  counters: CounterTable;
  sharedReads: SharedReadTable;
  consultations: ConsultationTable;
  consultationArtefacts: ConsultationArtefactTable;
  comments: CommentTable;
  commentTallies: CommentTallyTable;
  commentReplies: CommentReplyTable;
  triageDecisions: TriageDecisionTable;
  changes: ChangeTable;
  changeArtefacts: ChangeArtefactTable;
  requirements: RequirementTable;
  requirementTraces: RequirementTraceTable;
  dueProcessResponses: DueProcessResponseTable;
  dueProcessRefusalResponses: DueProcessRefusalResponseTable;
  plainEnglishFindings: PlainEnglishFindingTable;
  recommendations: RecommendationTable;
  decisions: DecisionTable;
  baselines: BaselineTable;
  m6State: M6StateTable;
  baselineVersions: BaselineVersionTable;
  workOffItems: WorkOffItemTable;
  versionResolvedComments: VersionResolvedCommentTable;
  crossReferences: CrossReferenceTable;
  notifications: NotificationTable;
  follows: FollowTable;
  notificationSettings: NotificationSettingsTable;
  emailOptOuts: EmailOptOutTable;
  emailDigests: EmailDigestTable;
  notificationMarks: NotificationMarkTable;
}
