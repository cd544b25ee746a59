import { expect } from 'chai';
import { can, policies, type Action, type Actor } from '../../../server/policies/index.js';
import { ROLES, type Role } from '../../../server/domain/vocabulary.js';

const actor = (role: Role, code: string | null = null): Actor => ({
  id: `u-${role}`,
  role,
  code,
  organisationId: role === 'participant' ? 'org-1' : null,
});

// The whole role-by-action matrix, written out so that a change to a policy must change this table.
const expected: Record<Action, Role[]> = {
  'me.read': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'me.signOut': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'artefact.list': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'artefact.read': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'artefact.create': ['programme', 'admin'],
  'artefact.update': ['programme', 'admin'],
  'version.list': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'version.read': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'version.publish': ['code_body', 'admin'],
  'version.prepareDraft': ['code_body', 'admin'],
  'consultation.list': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'consultation.create': ['programme', 'admin'],
  'consultation.control': ['programme', 'admin'],
  'comment.list': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'search.read': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'glossary.read': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'comment.read': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'comment.create': ['participant', 'code_body', 'programme'],
  'comment.edit': ['participant', 'code_body', 'programme'],
  'comment.withdraw': ['participant', 'code_body', 'programme'],
  'comment.reply': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'comment.triage': ['code_body'],
  'comment.export': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'comment.import': ['programme', 'code_body'],
  'audit.read': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'audit.verify': ['admin'],
  'change.list': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'change.create': ['programme', 'admin'],
  'change.update': ['programme', 'admin'],
  'change.markNoImpact': ['code_body', 'programme', 'admin'],
  'requirement.list': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'requirement.create': ['programme', 'admin'],
  'requirement.trace': ['code_body', 'programme', 'admin'],
  'requirement.markNone': ['code_body', 'programme', 'admin'],
  'dueProcess.respond': ['participant'],
  'dueProcess.read': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'dueProcess.answerRefusal': ['programme', 'admin'],
  'finding.list': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'finding.waive': ['code_body', 'programme'],
  'finding.define': ['code_body', 'programme'],
  'plainEnglish.configure': ['programme', 'admin'],
  'readiness.read': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'brag.override': ['code_body', 'programme'],
  'recommendation.create': ['programme'],
  'recommendation.read': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'decision.record': ['programme', 'sro'],
  'workOff.list': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'workOff.update': ['code_body', 'programme', 'admin'],
  'notification.read': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'notification.markRead': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'notification.settings': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'follow.read': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'follow.change': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'organisation.list': ['participant', 'code_body', 'programme', 'sro', 'admin'],
  'organisation.create': ['admin'],
  'user.list': ['admin'],
  'user.create': ['admin'],
  'user.deactivate': ['admin'],
  'user.resetPassword': ['admin'],
  'user.changeRole': ['admin'],
  'emailDelivery.list': ['admin'],
  'emailDelivery.retry': ['admin'],
};

describe('policies', () => {
  it('declares exactly the actions in the matrix', () => {
    expect(Object.keys(policies).sort()).to.deep.equal(Object.keys(expected).sort());
  });

  for (const [action, allowed] of Object.entries(expected) as [Action, Role[]][]) {
    for (const role of ROLES) {
      const verdict = allowed.includes(role);
      it(`${role} ${verdict ? 'may' : 'may not'} ${action}`, () => {
        expect(can(actor(role, role === 'code_body' ? 'BSC' : null), action)).to.equal(verdict);
      });
    }
  }

  describe('workOff.update on a specific item', () => {
    it('lets the owning code body and the programme edit, not another code body', () => {
      expect(can(actor('code_body', 'BSC'), 'workOff.update', { ownerCode: 'BSC' })).to.equal(true);
      expect(can(actor('code_body', 'REC'), 'workOff.update', { ownerCode: 'BSC' })).to.equal(
        false,
      );
      expect(can(actor('code_body', 'BSC'), 'workOff.update', { ownerCode: null })).to.equal(false);
      expect(can(actor('programme'), 'workOff.update', { ownerCode: null })).to.equal(true);
      expect(can(actor('participant'), 'workOff.update', { ownerCode: 'BSC' })).to.equal(false);
    });
  });

  describe('comment.triage on a specific artefact', () => {
    it('lets only a code-body user of that code triage', () => {
      expect(can(actor('code_body', 'BSC'), 'comment.triage', { code: 'BSC' })).to.equal(true);
      expect(can(actor('code_body', 'REC'), 'comment.triage', { code: 'BSC' })).to.equal(false);
      for (const role of ['admin', 'programme', 'sro', 'participant'] as const) {
        expect(can(actor(role), 'comment.triage', { code: 'BSC' }), role).to.equal(false);
      }
    });
  });

  describe('comment.import rows and audit.read entities', () => {
    it('lets programme import for any code and a code body only for its own', () => {
      expect(can(actor('programme'), 'comment.import', { code: 'REC' })).to.equal(true);
      expect(can(actor('code_body', 'BSC'), 'comment.import', { code: 'BSC' })).to.equal(true);
      expect(can(actor('code_body', 'BSC'), 'comment.import', { code: 'REC' })).to.equal(false);
    });
    it('shows comment history to anyone who can see the comment, other history to overseers only', () => {
      expect(can(actor('participant'), 'audit.read', { entity: 'comment' })).to.equal(true);
      expect(can(actor('participant'), 'audit.read', { entity: 'user' })).to.equal(false);
      expect(can(actor('code_body', 'BSC'), 'audit.read', { entity: 'artefact' })).to.equal(false);
      for (const role of ['programme', 'sro', 'admin'] as const) {
        expect(can(actor(role), 'audit.read', { entity: 'user' }), role).to.equal(true);
      }
    });
  });

  describe('resource rules for readiness work', () => {
    it('lets code bodies act on their own code only; programme on any', () => {
      for (const action of [
        'change.markNoImpact',
        'requirement.trace',
        'finding.waive',
        'finding.define',
        'brag.override',
      ] as const) {
        expect(can(actor('code_body', 'BSC'), action, { code: 'BSC' }), action).to.equal(true);
        expect(can(actor('code_body', 'REC'), action, { code: 'BSC' }), action).to.equal(false);
        expect(can(actor('programme'), action, { code: 'BSC' }), action).to.equal(true);
      }
    });
    it('lets only the SRO record the SRO decision and only the programme record CCAG', () => {
      expect(can(actor('sro'), 'decision.record', { body: 'SRO' })).to.equal(true);
      expect(can(actor('programme'), 'decision.record', { body: 'SRO' })).to.equal(false);
      expect(can(actor('programme'), 'decision.record', { body: 'CCAG' })).to.equal(true);
      expect(can(actor('sro'), 'decision.record', { body: 'CCAG' })).to.equal(false);
    });
  });

  describe('version.publish on a specific artefact', () => {
    const bsc = { code: 'BSC' };
    it('lets a BSC code-body user publish on a BSC artefact', () => {
      expect(can(actor('code_body', 'BSC'), 'version.publish', bsc)).to.equal(true);
    });
    it('refuses a REC code-body user on a BSC artefact', () => {
      expect(can(actor('code_body', 'REC'), 'version.publish', bsc)).to.equal(false);
    });
    it('lets an admin publish on any code', () => {
      expect(can(actor('admin'), 'version.publish', { code: 'DCUSA' })).to.equal(true);
    });
    it('refuses programme, SRO and participant users whatever the code', () => {
      for (const role of ['programme', 'sro', 'participant'] as const) {
        expect(can(actor(role), 'version.publish', bsc), role).to.equal(false);
      }
    });
  });
});
