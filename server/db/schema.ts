import type { Generated } from 'kysely';

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

export interface Database {
  codeBodies: CodeBodyTable;
  organisations: OrganisationTable;
  users: UserTable;
  artefacts: ArtefactTable;
  artefactVersions: ArtefactVersionTable;
  auditEvents: AuditEventTable;
  meta: MetaTable;
}
