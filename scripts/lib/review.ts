// A review in progress set up through the HTTP API of a running server, and the writes the
// reliability scripts and tests make against it.
import { randomBytes } from 'node:crypto';

export interface ApiResult {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers read arbitrary JSON
  body: any;
}

export async function api(
  baseUrl: string,
  path: string,
  init: { token?: string; body?: unknown; method?: string; signal?: AbortSignal } = {},
): Promise<ApiResult> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(baseUrl + path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init.signal,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body };
}

async function expectStatus(result: Promise<ApiResult>, status: number, what: string) {
  const res = await result;
  if (res.status !== status)
    throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
  return res.body;
}

export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const body = await expectStatus(
    api(baseUrl, '/api/auth/login', { body: { email, password } }),
    200,
    `sign in as ${email}`,
  );
  return body.token as string;
}

export interface Review {
  baseUrl: string;
  adminToken: string;
  programmeToken: string;
  /** Participants of distinct organisations, signed in. */
  participantTokens: string[];
  /** Artefacts with a published version and an open consultation. */
  artefactIds: string[];
}

const SECTION = [
  'SECTION S: SUPPLIER VOLUME ALLOCATION',
  '',
  '1. GENERAL',
  '',
  '1.1 Introduction',
  '',
  '1.1.1 This Section S sets out the basis of Supplier Volume Allocation.',
  '',
  '1.1.2 The SVAA shall allocate volumes for each Settlement Period.',
].join('\n');

/** Users of every role, two BSC artefacts with a version each, and a consultation open on both. */
export async function setUpReview(
  baseUrl: string,
  admin: { email: string; password: string },
  participants = 4,
): Promise<Review> {
  const adminToken = await login(baseUrl, admin.email, admin.password);
  const tag = randomBytes(4).toString('hex');
  const password = `Reliability-${randomBytes(8).toString('hex')}`;
  const user = async (role: string, extra: Record<string, unknown> = {}) => {
    const email = `${role.replace('_', '-')}-${randomBytes(4).toString('hex')}@reliability.example`;
    await expectStatus(
      api(baseUrl, '/api/users', {
        token: adminToken,
        body: { email, name: `Reliability ${role}`, role, password, ...extra },
      }),
      201,
      `create ${role}`,
    );
    return login(baseUrl, email, password);
  };
  const programmeToken = await user('programme');
  const bscToken = await user('code_body', { code: 'BSC' });
  const participantTokens: string[] = [];
  for (let i = 0; i < participants; i++) {
    const org = await expectStatus(
      api(baseUrl, '/api/organisations', {
        token: adminToken,
        body: {
          name: `Reliability Supplier ${tag}-${i}`,
          kind: 'participant',
          marketRole: 'supplier',
        },
      }),
      201,
      'create organisation',
    );
    participantTokens.push(await user('participant', { organisationId: org.data.id }));
  }
  const artefactIds: string[] = [];
  for (const reference of ['Section S', 'Section Z']) {
    const found = await expectStatus(
      api(baseUrl, `/api/artefacts?q=${encodeURIComponent(reference)}`, { token: adminToken }),
      200,
      `find ${reference}`,
    );
    const artefact = (found.data as { id: string; reference: string }[]).find(
      (a) => a.reference === reference,
    );
    if (!artefact) throw new Error(`no artefact ${reference} in the registry`);
    await expectStatus(
      api(baseUrl, `/api/artefacts/${artefact.id}/versions`, {
        token: bscToken,
        body: { label: `v-${tag}`, body: SECTION },
      }),
      201,
      `publish ${reference}`,
    );
    artefactIds.push(artefact.id);
  }
  const hour = 3600_000;
  await expectStatus(
    api(baseUrl, '/api/consultations', {
      token: programmeToken,
      body: {
        title: `Reliability ${tag}`,
        opensAt: new Date(Date.now() - hour).toISOString(),
        closesAt: new Date(Date.now() + 24 * hour).toISOString(),
        artefacts: artefactIds,
      },
    }),
    201,
    'open consultation',
  );
  return { baseUrl, adminToken, programmeToken, participantTokens, artefactIds };
}

/** Posts one comment; answers its id once the server has acknowledged it (201). */
export async function postComment(
  review: Review,
  n: number,
  init: { signal?: AbortSignal } = {},
): Promise<ApiResult & { id?: string }> {
  const token = review.participantTokens[n % review.participantTokens.length] as string;
  const artefactId = review.artefactIds[n % review.artefactIds.length] as string;
  const res = await api(review.baseUrl, `/api/artefacts/${artefactId}/comments`, {
    token,
    signal: init.signal,
    body: {
      clauseRef: n % 2 ? '1.1.1' : '1.1.2',
      category: 'drafting',
      severity: 'medium',
      body: `Reliability comment ${n}: please clarify the allocation.`,
      confidential: n % 5 === 0,
    },
  });
  return { ...res, id: res.status === 201 ? (res.body.data.id as string) : undefined };
}
