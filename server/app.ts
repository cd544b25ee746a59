import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { endpoint, type Endpoint, type Services } from './http/endpoint.js';
import { errorHandler, unknownApiRoute } from './http/errorHandler.js';
import { mountEndpoints } from './http/mountEndpoints.js';
import { requestLogger } from './http/requestLogger.js';
import { buildOpenApi } from './http/openapi.js';
import { artefactEndpoints } from './routes/artefacts/index.js';
import { auditEndpoints } from './routes/audit/index.js';
import { changeEndpoints } from './routes/changes/index.js';
import { commentLogEndpoints } from './routes/commentLog/index.js';
import { commentEndpoints } from './routes/comments/index.js';
import { consultationEndpoints } from './routes/consultations/index.js';
import { findingEndpoints } from './routes/findings/index.js';
import { glossaryEndpoints } from './routes/glossary/index.js';
import { emailEndpoints } from './routes/email/index.js';
import { dueProcessEndpoints } from './routes/dueProcess/index.js';
import { authEndpoints } from './routes/auth/index.js';
import { healthEndpoints } from './routes/health/index.js';
import { organisationEndpoints } from './routes/organisations/index.js';
import { readinessEndpoints } from './routes/readiness/index.js';
import { recommendationEndpoints } from './routes/recommendations/index.js';
import { nextDraftEndpoints } from './routes/nextDraft/index.js';
import { redlineEndpoints } from './routes/redline/index.js';
import { crossReferenceEndpoints } from './routes/crossReferences/index.js';
import { requirementEndpoints } from './routes/requirements/index.js';
import { searchEndpoints } from './routes/search/index.js';
import { userEndpoints } from './routes/users/index.js';
import { workOffEndpoints } from './routes/workOff/index.js';
import { followEndpoints } from './routes/follows/index.js';
import { notificationEndpoints } from './routes/notifications/index.js';

export interface AppOptions extends Services {
  /** Directory of the built web client; not served when absent. */
  clientDir?: string;
  /**
   * Express's `trust proxy`: which proxies may name the client in X-Forwarded-For (sign-in
   * throttling counts failures per client address). None by default, so a client cannot choose
   * its own address; see TRUST_PROXY in config.ts.
   */
  trustProxy?: boolean | number | string;
}

// The JSON limit sits just above the 5 MB version limit so that the version command can answer
// with its own precise 413 message.
const JSON_LIMIT = '6mb';

export function createApp(options: AppOptions): Express {
  const services: Services = {
    db: options.db,
    jwtSecret: options.jwtSecret,
    logger: options.logger,
    emailEnabled: options.emailEnabled ?? false,
  };
  const endpoints: Endpoint[] = [
    ...healthEndpoints,
    ...authEndpoints,
    ...userEndpoints,
    ...organisationEndpoints,
    ...artefactEndpoints,
    ...redlineEndpoints,
    ...crossReferenceEndpoints,
    ...nextDraftEndpoints,
    ...consultationEndpoints,
    ...commentLogEndpoints,
    ...commentEndpoints,
    ...readinessEndpoints,
    ...recommendationEndpoints,
    ...changeEndpoints,
    ...workOffEndpoints,
    ...requirementEndpoints,
    ...dueProcessEndpoints,
    ...findingEndpoints,
    ...searchEndpoints,
    ...glossaryEndpoints,
    ...auditEndpoints,
    ...notificationEndpoints,
    ...followEndpoints,
    ...emailEndpoints,
  ];
  let openApi: Record<string, unknown> | undefined;
  endpoints.push(
    endpoint({
      method: 'get',
      path: '/openapi.json',
      summary: 'This API described as OpenAPI 3.1',
      tag: 'system',
      policy: 'public',
      async handler() {
        openApi ??= buildOpenApi(endpoints);
        return openApi;
      },
    }),
  );

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? false);
  app.use(helmet());
  // API responses are per-user and change with every write: no ETag hashing of every body.
  app.set('etag', false);
  app.use(requestLogger(options.logger));
  app.use('/api', express.json({ limit: JSON_LIMIT }));
  app.use('/api', mountEndpoints(endpoints, services));
  app.use('/api', unknownApiRoute);

  const clientDir = options.clientDir;
  if (clientDir && fs.existsSync(path.join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    // Client-side routes (e.g. /artefacts/bsc-bscp701) all load the single page app.
    app.get(/^(?!\/api\/).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(clientDir, 'index.html'));
    });
  }
  app.use(errorHandler);
  return app;
}
