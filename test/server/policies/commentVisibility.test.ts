import { expect } from 'chai';
import { canSeeComment, commentVisibility } from '../../../server/policies/commentVisibility.js';
import type { Actor } from '../../../server/policies/index.js';

const actor = (role: Actor['role'], extra: Partial<Actor> = {}): Actor => ({
  id: 'u',
  role,
  code: null,
  organisationId: null,
  ...extra,
});

describe('comment visibility', () => {
  const confidentialBsc = { confidential: true, organisationId: 'org-a', artefactCode: 'BSC' };
  const publicBsc = { confidential: false, organisationId: 'org-a', artefactCode: 'BSC' };

  it('shows public comments to everyone', () => {
    for (const role of ['participant', 'code_body', 'programme', 'sro', 'admin'] as const) {
      expect(canSeeComment(commentVisibility(actor(role)), publicBsc), role).to.equal(true);
    }
  });

  it('shows a confidential comment to its own organisation only among participants', () => {
    expect(
      canSeeComment(
        commentVisibility(actor('participant', { organisationId: 'org-a' })),
        confidentialBsc,
      ),
    ).to.equal(true);
    expect(
      canSeeComment(
        commentVisibility(actor('participant', { organisationId: 'org-b' })),
        confidentialBsc,
      ),
    ).to.equal(false);
  });

  it("shows it to the code body of the artefact's code, not to other code bodies", () => {
    expect(
      canSeeComment(commentVisibility(actor('code_body', { code: 'BSC' })), confidentialBsc),
    ).to.equal(true);
    expect(
      canSeeComment(commentVisibility(actor('code_body', { code: 'REC' })), confidentialBsc),
    ).to.equal(false);
  });

  it('shows it to its author, whatever their role, code or organisation', () => {
    const byRecUser = { ...confidentialBsc, organisationId: null, authorId: 'u' };
    expect(
      canSeeComment(commentVisibility(actor('code_body', { code: 'REC' })), byRecUser),
    ).to.equal(true);
    expect(
      canSeeComment(commentVisibility(actor('code_body', { id: 'v', code: 'REC' })), byRecUser),
    ).to.equal(false);
    expect(
      canSeeComment(commentVisibility(actor('participant', { organisationId: 'org-b' })), {
        ...confidentialBsc,
        authorId: 'u',
      }),
    ).to.equal(true);
  });

  it("shows it to a code-body user of the author's organisation", () => {
    expect(
      canSeeComment(
        commentVisibility(actor('code_body', { code: 'REC', organisationId: 'org-a' })),
        confidentialBsc,
      ),
    ).to.equal(true);
  });

  it('shows it to programme, SRO and admin', () => {
    for (const role of ['programme', 'sro', 'admin'] as const) {
      expect(canSeeComment(commentVisibility(actor(role)), confidentialBsc), role).to.equal(true);
    }
  });
});
