import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import { findControlCharacter } from '../domain/controlCharacters.js';
import { AppError, badRequest, payloadTooLarge } from '../errors.js';
import { authorize, type Actor } from '../policies/index.js';
import { validate } from '../lib/validate.js';
import { authenticate } from './authenticate.js';
import { responseMismatch } from './checkResponse.js';
import {
  missingActor,
  type Endpoint,
  type Services,
  type UploadSpec,
  type UploadedFile,
} from './endpoint.js';

/** Every request walks the same path: authenticate, authorise, validate, execute, respond. */
export function mountEndpoints(endpoints: Endpoint[], services: Services): Router {
  const router = Router();
  for (const ep of endpoints) {
    const receiveUpload = ep.upload ? uploadReader(ep.upload) : undefined;
    router[ep.method](ep.path, async (req, res) => {
      let actor: Actor | undefined;
      if (ep.policy !== 'public') {
        actor = await authenticate(req, services);
        authorize(actor, ep.policy);
      }
      const params = validate(ep.params, req.params, 'params');
      const query = validate(ep.query, req.query, 'query');
      // Only endpoints that declare an upload read multipart bodies, and only once the caller
      // may use them; JSON requests to the same route are untouched.
      const file =
        receiveUpload && req.is('multipart/form-data') ? await receiveUpload(req, res) : undefined;
      const body = ep.body ? validate(ep.body, req.body, 'body') : undefined;
      let status = ep.status;
      const result = await ep.handler({
        params,
        query,
        body,
        file,
        get actor() {
          return actor ?? missingActor();
        },
        services,
        req,
        res,
        answerWith(alternative) {
          if (alternative !== ep.alternative?.status)
            throw new Error(`${ep.path} documents no ${alternative} answer`);
          status = alternative;
        },
      });
      if (res.headersSent) return;
      if (services.checkResponses) {
        const mismatch = responseMismatch(ep, result);
        if (mismatch) {
          // Said out loud: the test sees only a 500, and test loggers are silent.
          console.error(`Response check: ${ep.method} ${ep.path}: ${mismatch}`);
          throw new Error(
            `${ep.method.toUpperCase()} ${ep.path} (${ep.operationId}) does not match its documented response: ${mismatch}`,
          );
        }
      }
      if (result === undefined) res.status(204).end();
      else res.status(status).json(result);
    });
  }
  return router;
}

// An upload form carries one file and a few short text fields (a label, a note, some ids).
const FORM_LIMITS = { fields: 20, fieldNameSize: 100, fieldSize: 100 * 1024, parts: 30 };

/** Reads one file (held in memory, at most `maxBytes`) and the form's text fields into req.body. */
function uploadReader(spec: UploadSpec) {
  const allowed = spec.contentTypes?.map((type) => type.toLowerCase());
  const single = multer({
    storage: multer.memoryStorage(),
    // Browsers send file names as raw UTF-8.
    defParamCharset: 'utf8',
    limits: { ...FORM_LIMITS, files: 1, fileSize: spec.maxBytes },
    fileFilter: allowed
      ? (_req, file, accept) => {
          if (allowed.includes(file.mimetype.toLowerCase())) accept(null, true);
          else
            accept(
              new AppError(
                415,
                'unsupported_media_type',
                `The file must be of type ${allowed.join(' or ')} (this one is ${file.mimetype || 'untyped'})`,
              ),
            );
        }
      : undefined,
  }).single(spec.field);

  return async (req: Request, res: Response): Promise<UploadedFile | undefined> => {
    try {
      await new Promise<void>((resolve, reject) => {
        void single(req, res, (err?: unknown) => (err ? reject(err) : resolve()));
      });
    } catch (err) {
      throw uploadError(err, spec);
    }
    const file = req.file;
    if (!file) return undefined;
    // The form's text fields are checked with the body; the file name is the one text left.
    const control = findControlCharacter(file.originalname);
    if (control) {
      throw badRequest(
        `file: the file name contains the control character ${control.codePoint}; rename the file and upload it again`,
      );
    }
    return {
      buffer: file.buffer,
      originalname: file.originalname,
      mimetype: file.mimetype,
      size: file.size,
    };
  };
}

function uploadError(err: unknown, spec: UploadSpec): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof multer.MulterError) {
    switch (err.code) {
      case 'LIMIT_FILE_SIZE':
        return payloadTooLarge(`The upload may be at most ${formatBytes(spec.maxBytes)}`);
      case 'LIMIT_UNEXPECTED_FILE':
      case 'LIMIT_FILE_COUNT':
        return badRequest(`Send one file, in the form field "${spec.field}"`);
      case 'LIMIT_FIELD_VALUE':
        return badRequest(`The form field "${err.field ?? ''}" is too long`);
      case 'LIMIT_FIELD_COUNT':
      case 'LIMIT_PART_COUNT':
        return badRequest('The form has too many fields');
      default:
        return badRequest(`The upload could not be read: ${err.message}`);
    }
  }
  // busboy's own errors: a malformed or truncated multipart body.
  const message = err instanceof Error ? err.message : String(err);
  return badRequest(`The multipart form could not be read: ${message}`);
}

function formatBytes(bytes: number): string {
  const mb = 1024 * 1024;
  if (bytes >= mb && bytes % mb === 0) return `${bytes / mb} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}
