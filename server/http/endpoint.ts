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
}

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
const empty = z.object({});
type Empty = typeof empty;

export interface EndpointSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: Method;
  /** Express-style path under /api, e.g. '/artefacts/:id'. */
  path: string;
  summary: string;
  tag: string;
  /** The policy action the caller must hold, or 'public' for health and sign-in. */
  policy: Action | 'public';
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
  handler(ctx: EndpointContext<z.infer<P>, z.infer<Q>, z.infer<B>>): Promise<unknown>;
}

export interface Endpoint {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  policy: Action | 'public';
  params: z.ZodType;
  query: z.ZodType;
  body: z.ZodType | undefined;
  upload: UploadSpec | undefined;
  status: number;
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
    tag: spec.tag,
    policy: spec.policy,
    params: spec.params ?? empty.loose(),
    query: spec.query ?? empty.loose(),
    body: spec.body,
    upload: spec.upload,
    status: spec.status ?? 200,
    handler: spec.handler as Endpoint['handler'],
  };
}

export function missingActor(): never {
  throw unauthorized();
}
