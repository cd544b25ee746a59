import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

declare module 'express-serve-static-core' {
  interface Request {
    log: Logger;
  }
}

/**
 * One pino line per finished request (method, URL, status, duration). Written by hand rather than
 * with pino-http, whose per-request child logger cost more than the request itself under load.
 */
export function requestLogger(logger: Logger): RequestHandler {
  return (req, res, next) => {
    req.log = logger;
    // Probes every few seconds would drown the log; a failing readiness check logs its reason.
    if (req.path === '/api/health' || req.path === '/api/health/ready') return next();
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const status = res.statusCode;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          method: req.method,
          url: req.originalUrl,
          status,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request',
      );
    });
    next();
  };
}
