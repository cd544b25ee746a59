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
  createdAt: string;
  updatedAt: string;
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
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface CounterTable {
  name: string;
  value: number;
}

export interface ConsultationTable {
  id: string;
  title: string;
  opensAt: string;
  closesAt: string;
  createdBy: string | null;
  createdAt: string;
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
  decidedByName: string | null;
  decidedAt: string | null;
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

export interface Database {
  codeBodies: CodeBodyTable;
  organisations: OrganisationTable;
  users: UserTable;
  artefacts: ArtefactTable;
  artefactVersions: ArtefactVersionTable;
  auditEvents: AuditEventTable;
  meta: MetaTable;
  counters: CounterTable;
  consultations: ConsultationTable;
  consultationArtefacts: ConsultationArtefactTable;
  comments: CommentTable;
  commentTallies: CommentTallyTable;
  commentReplies: CommentReplyTable;
  triageDecisions: TriageDecisionTable;
}
