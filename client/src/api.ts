import type { Brag, Role } from '../../server/domain/vocabulary';

export type { Brag, Role };

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  code: string | null;
}

export interface VersionRef {
  id: string;
  label: string;
  createdAt: string;
}

export interface Artefact {
  id: string;
  slug: string;
  code: string;
  kind: string;
  reference: string;
  title: string;
  topicArea: string;
  status: string;
  brag: Brag;
  bragSource: 'computed' | 'override';
  bragOverrideReason?: string | null;
  outstandingComments: number;
  totalComments: number;
  currentVersion: VersionRef | null;
  /** True once M6 is baselined with this artefact's current version frozen. */
  baselined?: boolean;
}

export interface Version extends VersionRef {
  changeNote: string | null;
  incorporates: string[];
  author: { id: string; name: string } | null;
  baseline?: boolean;
}

export interface Clause {
  ref: string;
  heading: string | null;
  text: string;
  anchor: string;
  level: number;
  parentRef: string | null;
}

export interface VersionDetail extends Version {
  artefactId: string;
  body: string;
  html: string;
  clauses: Clause[];
}

export interface ArtefactFilters {
  code?: string;
  kind?: string;
  q?: string;
  brag?: string;
}

/**
 * The one error type for every failed API call; `message` is safe to show to users. `details` is
 * the response's `error.details` as sent (e.g. the row problems of a rejected import), unchecked.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const TOKEN_KEY = 'm6.token';
const UNAUTHORIZED_EVENT = 'm6:unauthorized';

export const getToken = (): string | null => localStorage.getItem(TOKEN_KEY);
export const setToken = (token: string): void => localStorage.setItem(TOKEN_KEY, token);
export const clearToken = (): void => localStorage.removeItem(TOKEN_KEY);

/** Called whenever the server rejects our token, e.g. because it has expired. */
export function onUnauthorized(listener: () => void): () => void {
  window.addEventListener(UNAUTHORIZED_EVENT, listener);
  return () => window.removeEventListener(UNAUTHORIZED_EVENT, listener);
}

interface RequestOptions {
  method?: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as-is instead of `body`, e.g. an uploaded file. */
  raw?: { body: Blob; contentType: string };
  /** Sent as multipart/form-data; the browser writes the Content-Type with its boundary. */
  form?: FormData;
  signal?: AbortSignal;
  authenticated?: boolean;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, raw, form, signal, authenticated = true } = options;
  const token = authenticated ? getToken() : null;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (raw) headers['Content-Type'] = raw.contentType;
  else if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: form ?? (raw ? raw.body : body === undefined ? undefined : JSON.stringify(body)),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'network_error', 'Could not reach the server. Check your connection.');
  }

  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;

  const error = (
    payload as { error?: { code?: string; message?: string; details?: unknown } } | null
  )?.error;
  if (response.status === 401 && token) {
    clearToken();
    window.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
  }
  throw new ApiError(
    response.status,
    error?.code ?? 'http_error',
    error?.message ?? `The server responded with ${response.status} ${response.statusText}.`,
    error?.details,
  );
}

export function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const segment = encodeURIComponent;

export const login = (email: string, password: string) =>
  request<{ token: string; user: User }>('/api/auth/login', {
    method: 'POST',
    body: { email, password },
    authenticated: false,
  });

/**
 * Signs out on the server, which ends every session of this user (all devices), and forgets the
 * token here whatever the server answers: signing out must work offline too.
 */
export async function logout(): Promise<void> {
  const token = getToken();
  clearToken();
  if (!token) return;
  await fetch('/api/auth/logout', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  }).catch(() => undefined);
}

export const getMe = (signal?: AbortSignal) =>
  request<{ user: User }>('/api/me', { signal }).then((r) => r.user);

export const listArtefacts = (filters: ArtefactFilters, signal?: AbortSignal) =>
  request<{ data: Artefact[] }>(`/api/artefacts${query({ ...filters })}`, { signal }).then(
    (r) => r.data,
  );

export const getArtefact = (idOrSlug: string, signal?: AbortSignal) =>
  request<{ data: Artefact }>(`/api/artefacts/${segment(idOrSlug)}`, { signal }).then(
    (r) => r.data,
  );

export const listVersions = (artefactId: string, signal?: AbortSignal) =>
  request<{ data: Version[] }>(`/api/artefacts/${segment(artefactId)}/versions`, {
    signal,
  }).then((r) => r.data);

export const getVersion = (artefactId: string, versionId: string, signal?: AbortSignal) =>
  request<{ data: VersionDetail }>(
    `/api/artefacts/${segment(artefactId)}/versions/${segment(versionId)}`,
    { signal },
  ).then((r) => r.data);

/**
 * Downloads a file from an authenticated endpoint. A plain link cannot carry the Authorization
 * header, so the file is fetched here and handed to the browser as a blob.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const token = getToken();
  const response = await fetch(path, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  }).catch(() => {
    throw new ApiError(0, 'network_error', 'Could not reach the server. Check your connection.');
  });
  if (!response.ok) {
    const payload = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    throw new ApiError(
      response.status,
      payload?.error?.code ?? 'http_error',
      payload?.error?.message ?? `The download failed with ${response.status}.`,
    );
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the blob goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
