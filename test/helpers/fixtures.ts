import type { TestServer, TestUser } from './server.js';

export const SAMPLE_SECTION = [
  'SECTION S: SUPPLIER VOLUME ALLOCATION',
  '',
  '1. GENERAL',
  '',
  '1.1 Introduction',
  '',
  '1.1.1 This Section S sets out the basis of Supplier Volume Allocation.',
  '',
  '1.1.2 The SVAA shall allocate volumes for each Settlement Period.',
  '',
  '2. ALLOCATION',
  '',
  '2.1.1 Volumes are aggregated by the Market-wide Data Service.',
].join('\n');

const HOUR = 3600_000;
export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

export interface ArtefactRef {
  id: string;
  slug: string;
  reference: string;
}

/** The registry's artefact with this reference (e.g. BSCP701), as the search API lists it. */
export async function findArtefact(
  server: TestServer,
  token: string,
  reference: string,
): Promise<ArtefactRef> {
  const res = await server.api(`/api/artefacts?q=${encodeURIComponent(reference)}`, { token });
  const match = (res.body.data as ArtefactRef[]).find((a) => a.reference === reference);
  if (!match) throw new Error(`no artefact ${reference}`);
  return match;
}

export async function artefactId(
  server: TestServer,
  token: string,
  reference: string,
): Promise<string> {
  return (await findArtefact(server, token, reference)).id;
}

export async function publish(
  server: TestServer,
  codeBody: TestUser & { token: string },
  id: string,
  body = SAMPLE_SECTION,
  label = 'v1',
) {
  const res = await server.api(`/api/artefacts/${id}/versions`, {
    token: codeBody.token,
    body: { label, body },
  });
  if (res.status !== 201)
    throw new Error(`publish failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as { id: string };
}

export async function openConsultation(
  server: TestServer,
  programmeToken: string,
  artefacts: string[],
  window: { opensAt?: string; closesAt?: string; title?: string } = {},
) {
  const res = await server.api('/api/consultations', {
    token: programmeToken,
    body: {
      title: window.title ?? 'Test consultation',
      opensAt: window.opensAt ?? hoursFromNow(-1),
      closesAt: window.closesAt ?? hoursFromNow(24),
      artefacts,
    },
  });
  if (res.status !== 201)
    throw new Error(`consultation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as { id: string };
}

export async function postComment(
  server: TestServer,
  token: string,
  id: string,
  input: Record<string, unknown> = {},
) {
  return server.api(`/api/artefacts/${id}/comments`, {
    token,
    body: {
      clauseRef: '1.1.1',
      category: 'drafting',
      severity: 'medium',
      body: 'Please clarify.',
      ...input,
    },
  });
}

export type SignedInUser = TestUser & { token: string };

/**
 * The usual cast of a visibility test, all signed in: the BSC and REC code bodies, the
 * programme, and participants of two different organisations.
 */
export async function signInCast(server: TestServer): Promise<{
  bsc: SignedInUser;
  rec: SignedInUser;
  programme: SignedInUser;
  alice: SignedInUser;
  bob: SignedInUser;
}> {
  return {
    bsc: await server.signedIn('code_body', { code: 'BSC' }),
    rec: await server.signedIn('code_body', { code: 'REC' }),
    programme: await server.signedIn('programme'),
    alice: await server.signedIn('participant'),
    bob: await server.signedIn('participant'),
  };
}

/** States that no design requirements apply to each artefact, which SC1 takes as its evidence. */
export async function stateNoRequirements(
  server: TestServer,
  token: string,
  ids: string[],
  reason = 'Procedural text: no design requirement applies',
) {
  for (const id of ids) {
    const res = await server.api(`/api/artefacts/${id}/no-requirements`, {
      token,
      body: { reason },
    });
    if (res.status !== 200)
      throw new Error(
        `no-requirements statement failed: ${res.status} ${JSON.stringify(res.body)}`,
      );
  }
}
