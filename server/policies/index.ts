import { forbidden } from '../errors.js';
import type { Role } from '../domain/vocabulary.js';

export interface Actor {
  id: string;
  role: Role;
  code: string | null;
  organisationId: string | null;
}

interface Rule<R> {
  /** Roles that may attempt the action at all; checked on the route before anything is loaded. */
  roles: readonly Role[];
  /** Finer check once the resource is known. */
  resource?: (actor: Actor, resource: R) => boolean;
}

const everyone: readonly Role[] = ['participant', 'code_body', 'programme', 'sro', 'admin'];
const registryEditors: readonly Role[] = ['programme', 'admin'];
const commenters: readonly Role[] = ['participant', 'code_body', 'programme'];
const overseers: readonly Role[] = ['programme', 'sro', 'admin'];
const ownCode = (actor: Actor, artefact: { code: string }) =>
  actor.role === 'code_body' && actor.code === artefact.code;
const ownCodeOrAdmin = (actor: Actor, artefact: { code: string }) =>
  actor.role === 'admin' || (actor.role === 'code_body' && actor.code === artefact.code);

/** Who may do what. Every route names one of these actions; tests walk the whole matrix. */
export const policies = {
  'me.read': { roles: everyone },
  'me.signOut': { roles: everyone },
  'artefact.list': { roles: everyone },
  'artefact.read': { roles: everyone },
  'artefact.create': { roles: registryEditors },
  'artefact.update': { roles: registryEditors },
  'version.list': { roles: everyone },
  'version.read': { roles: everyone },
  'version.publish': {
    roles: ['code_body', 'admin'],
    resource: ownCodeOrAdmin,
  } satisfies Rule<{ code: string }>,
  // Who publishes a version prepares its next draft.
  'version.prepareDraft': {
    roles: ['code_body', 'admin'],
    resource: ownCodeOrAdmin,
  } satisfies Rule<{ code: string }>,
  'consultation.list': { roles: everyone },
  'consultation.create': { roles: registryEditors },
  // Closing early, extending and reopening a window.
  'consultation.control': { roles: registryEditors },
  'comment.list': { roles: everyone },
  // Comment hits follow the comment visibility rule, like every other comment read.
  'search.read': { roles: everyone },
  // Definitions are clause text; where a term is used is a search.
  'glossary.read': { roles: everyone },
  'comment.read': { roles: everyone },
  'comment.create': { roles: commenters },
  // The author check (only your own comment) is made by the command.
  'comment.edit': { roles: commenters },
  'comment.withdraw': { roles: commenters },
  'comment.reply': { roles: everyone },
  'comment.triage': { roles: ['code_body'], resource: ownCode } satisfies Rule<{ code: string }>,
  'comment.export': { roles: everyone },
  'comment.import': {
    roles: ['programme', 'code_body'],
    resource: (actor, artefact) => actor.role === 'programme' || ownCode(actor, artefact),
  } satisfies Rule<{ code: string }>,
  // Audit of a comment follows comment visibility; sign-in throttling names people's emails and
  // addresses, so it is for administrators; audit of anything else is for overseers.
  'audit.read': {
    roles: everyone,
    resource: (actor, event) =>
      event.entity === 'comment' ||
      (event.entity === 'signIn' ? actor.role === 'admin' : overseers.includes(actor.role)),
  } satisfies Rule<{ entity: string }>,
  // Walks the whole log: for administrators, who act on a broken chain.
  'audit.verify': { roles: ['admin'] },
  'change.list': { roles: everyone },
  'change.create': { roles: registryEditors },
  'change.update': { roles: registryEditors },
  // A code body may say a change has no impact on its own artefacts; the programme on any.
  'change.markNoImpact': {
    roles: ['code_body', 'programme', 'admin'],
    resource: (actor, artefact) => actor.role !== 'code_body' || ownCode(actor, artefact),
  } satisfies Rule<{ code: string }>,
  'requirement.list': { roles: everyone },
  'requirement.create': { roles: registryEditors },
  'requirement.trace': {
    roles: ['code_body', 'programme', 'admin'],
    resource: (actor, artefact) => actor.role !== 'code_body' || ownCode(actor, artefact),
  } satisfies Rule<{ code: string }>,
  // A code body may state that no design requirements apply to its own artefacts; the programme
  // to any.
  'requirement.markNone': {
    roles: ['code_body', 'programme', 'admin'],
    resource: (actor, artefact) => actor.role !== 'code_body' || ownCode(actor, artefact),
  } satisfies Rule<{ code: string }>,
  'dueProcess.respond': { roles: ['participant'] },
  'dueProcess.read': { roles: everyone },
  'dueProcess.answerRefusal': { roles: ['programme', 'admin'] },
  'finding.list': { roles: everyone },
  'finding.waive': {
    roles: ['code_body', 'programme'],
    resource: (actor, artefact) => actor.role === 'programme' || ownCode(actor, artefact),
  } satisfies Rule<{ code: string }>,
  // Adds a finding's term to the configured glossary: whoever may waive the finding.
  'finding.define': {
    roles: ['code_body', 'programme'],
    resource: (actor, artefact) => actor.role === 'programme' || ownCode(actor, artefact),
  } satisfies Rule<{ code: string }>,
  'plainEnglish.configure': { roles: registryEditors },
  'readiness.read': { roles: everyone },
  'brag.override': {
    roles: ['code_body', 'programme'],
    resource: (actor, artefact) => actor.role === 'programme' || ownCode(actor, artefact),
  } satisfies Rule<{ code: string }>,
  'recommendation.create': { roles: ['programme'] },
  'recommendation.read': { roles: everyone },
  // The programme secretariat records CCAG's decision; only the SRO records the SRO's.
  'decision.record': {
    roles: ['programme', 'sro'],
    resource: (actor, decision) =>
      decision.body === 'SRO' ? actor.role === 'sro' : actor.role === 'programme',
  } satisfies Rule<{ body: 'CCAG' | 'SRO' }>,
  // The work-off register (and its export) is for everyone; an item's owning code body or the
  // programme edits it. An unowned item is the programme's to assign.
  'workOff.list': { roles: everyone },
  'workOff.update': {
    roles: ['code_body', 'programme', 'admin'],
    resource: (actor, item) =>
      actor.role !== 'code_body' || (item.ownerCode !== null && actor.code === item.ownerCode),
  } satisfies Rule<{ ownerCode: string | null }>,
  // Everyone has an inbox, settings and follows of their own; the routes only ever use the
  // caller's, so nobody can read or mark another's.
  'notification.read': { roles: everyone },
  'notification.markRead': { roles: everyone },
  'notification.settings': { roles: everyone },
  'follow.read': { roles: everyone },
  'follow.change': { roles: everyone },
  'organisation.list': { roles: everyone },
  'organisation.create': { roles: ['admin'] },
  'user.list': { roles: ['admin'] },
  'user.create': { roles: ['admin'] },
  'user.deactivate': { roles: ['admin'] },
  'user.resetPassword': { roles: ['admin'] },
  'user.changeRole': { roles: ['admin'] },
  // Email deliveries name recipients and quote what they were told: for administrators.
  'emailDelivery.list': { roles: ['admin'] },
  'emailDelivery.retry': { roles: ['admin'] },
} as const;

export type Action = keyof typeof policies;
type ResourceOf<A extends Action> = (typeof policies)[A] extends {
  resource: (a: Actor, r: infer R) => boolean;
}
  ? R
  : never;

export function can<A extends Action>(actor: Actor, action: A, resource?: ResourceOf<A>): boolean {
  const rule = policies[action] as Rule<unknown>;
  if (!rule.roles.includes(actor.role)) return false;
  if (resource !== undefined && rule.resource) return rule.resource(actor, resource);
  return true;
}

export function authorize<A extends Action>(
  actor: Actor,
  action: A,
  resource?: ResourceOf<A>,
): void {
  if (!can(actor, action, resource))
    throw forbidden(`Your role (${actor.role}) may not ${describe(action)}`);
}

function describe(action: Action): string {
  const [entity, verb] = action.split('.');
  return `${verb} ${entity === 'me' ? 'your account' : `this ${entity}`}`
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase();
}
