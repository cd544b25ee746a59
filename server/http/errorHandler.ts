import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '../errors.js';

export const unknownApiRoute: RequestHandler = (req, _res, next) => {
  next(
    new AppError(404, 'not_found', `No API route ${req.method} ${req.originalUrl.split('?')[0]}`),
  );
};

interface BodyParserError {
  type?: string;
  status?: number;
}

function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  const parserError = err as BodyParserError;
  switch (parserError?.type) {
    case 'entity.parse.failed':
      return new AppError(400, 'invalid_json', 'The request body is not valid JSON');
    case 'entity.too.large':
      return new AppError(413, 'payload_too_large', 'The request body is too large');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError(415, 'unsupported_media_type', 'Send the body as UTF-8 JSON');
    case 'request.aborted':
      return new AppError(400, 'request_aborted', 'The request was aborted');
  }
  if (parserError?.status && parserError.status >= 400 && parserError.status < 500) {
    return new AppError(parserError.status, 'invalid_request', 'The request could not be read');
  }
  return undefined;
}

/** The one error middleware: every failure leaves as `{ error: { code, message } }`. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const known = toAppError(err);
  if (!known) req.log.error({ err }, 'unhandled error');
  const error =
    known ?? new AppError(500, 'internal', 'Something went wrong on our side; it has been logged');
  if (res.headersSent) return;
  if (error.headers) res.set(error.headers);
  res.status(error.status).json({
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  });
};
