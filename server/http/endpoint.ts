import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { unauthorized } from '../errors.js';
import type { Action, Actor } from '../policies/index.js';

export interface Services {
  db: Db;
  jwtSecret: string;
  logger: Logger;
  /** Whether email is configured (SMTP_URL); settings say so, since without it none is sent. */
  emailEnabled?: boolean;
  /**
   * Check every JSON response against its endpoint's documented schema and fail the request when
   * it does not conform (the test server turns this on, so the whole suite checks the API description).
   */
  checkResponses?: boolean;
}

/** A file received as `multipart/form-data` by an endpoint that declares `upload`. */
export interface UploadedFile {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
  size: number;
}

/** An endpoint that also takes one file as `multipart/form-data` (its text fields are the body). */
export interface UploadSpec {
  /** The form field that carries the file. */
  field: string;
  maxBytes: number;
  /** Media types the file may be declared as; any when absent. */
  contentTypes?: string[];
}

export interface EndpointContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** The uploaded file, on endpoints that declare `upload` and were sent one. */
  file?: UploadedFile;
  /** The signed-in user; reading it on a public endpoint is a programming error. */
  actor: Actor;
  services: Services;
  req: Request;
  res: Response;
  /** Answers with the endpoint's `alternative` status instead of its usual one. */
  answerWith(status: number): void;
}

/** A second success status an endpoint may answer with, with the same body. */
export interface AlternativeStatus {
  status: number;
  description: string;
}

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** A body the handler writes itself (a file, a page): its media types, for the API description. */
export interface RawResponse {
  raw: readonly string[];
  description: string;
}

/**
 * An endpoint that answers JSON, or (as the request asks, e.g. by a file extension) a file the
 * handler writes itself: the JSON is checked like any other, the file is left to the handler.
 */
export interface JsonOrRawResponse extends RawResponse {
  json: z.ZodType;
}

/**
 * What a successful response carries: JSON described by a zod schema (the presenters' own), a raw
 * body, either, or nothing (204).
 */
export type ResponseSpec = z.ZodType | RawResponse | JsonOrRawResponse | 'empty';

/** A request body the handler reads itself as a raw file (not JSON, not a form). */
export interface RawRequestBody {
  contentTypes: readonly string[];
  description: string;
}

/** Client errors an endpoint can give beyond those its spec implies (see openapi.ts). */
export type ClientErrorStatus = 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429;
const empty = z.object({});
type Empty = typeof empty;

export interface EndpointSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: Method;
  /** Express-style path under /api, e.g. '/artefacts/:id'. */
  path: string;
  summary: string;
  /** Unique and stable: generated clients name their functions after it. */
  operationId: string;
  tag: string;
  /** The policy action the caller must hold, or 'public' for health and sign-in. */
  policy: Action | 'public';
  /** The success response; in tests every JSON response is checked against it (mountEndpoints). */
  response: ResponseSpec;
  /** Client errors the endpoint can give beyond those implied by its spec. */
  errors?: readonly ClientErrorStatus[];
  /** A raw-file request body read by the handler itself. */
  rawBody?: RawRequestBody;
  params?: P;
  query?: Q;
  body?: B;
  /**
   * Accept `multipart/form-data` with one file as well as JSON: the form's text fields are
   * validated as the body, and the file is handed to the handler as `file`.
   */
  upload?: UploadSpec;
  /** Status of a successful response. */
  status?: number;
  /** Another success status, chosen by the handler with `answerWith` (e.g. 200 for a replacement). */
  alternative?: AlternativeStatus;
  handler(ctx: EndpointContext<z.infer<P>, z.infer<Q>, z.infer<B>>): Promise<unknown>;
}

export interface Endpoint {
  method: Method;
  path: string;
  summary: string;
  operationId: string;
  tag: string;
  policy: Action | 'public';
  response: ResponseSpec;
  errors: readonly ClientErrorStatus[];
  rawBody: RawRequestBody | undefined;
  /** Whether the spec declares params, query or body (so a 400 is possible). */
  validates: boolean;
  params: z.ZodType;
  query: z.ZodType;
  body: z.ZodType | undefined;
  upload: UploadSpec | undefined;
  status: number;
  alternative: AlternativeStatus | undefined;
  handler(ctx: EndpointContext<unknown, unknown, unknown>): Promise<unknown>;
}

export function endpoint<
  P extends z.ZodType = Empty,
  Q extends z.ZodType = Empty,
  B extends z.ZodType = Empty,
>(spec: EndpointSpec<P, Q, B>): Endpoint {
  return {
    method: spec.method,
    path: spec.path,
    summary: spec.summary,
    operationId: spec.operationId,
    tag: spec.tag,
    policy: spec.policy,
    response: spec.response,
    errors: spec.errors ?? [],
    rawBody: spec.rawBody,
    validates: Boolean(spec.params || spec.query || spec.body || spec.upload || spec.rawBody),
    params: spec.params ?? empty.loose(),
    query: spec.query ?? empty.loose(),
    body: spec.body,
    upload: spec.upload,
    status: spec.status ?? 200,
    alternative: spec.alternative,
    handler: spec.handler as Endpoint['handler'],
  };
}

export function missingActor(): never {
  throw unauthorized();
}
