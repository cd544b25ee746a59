import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { z } from 'zod';
import { endpoint, type Endpoint, type Services } from './http/endpoint.js';
import { errorHandler, unknownApiRoute } from './http/errorHandler.js';
import { mountEndpoints } from './http/mountEndpoints.js';
import { requestLogger } from './http/requestLogger.js';
import { buildOpenApi } from './http/openapi.js';
import { apiEndpoints } from './routes/index.js';

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
    checkResponses: options.checkResponses ?? false,
  };
  const endpoints: Endpoint[] = [...apiEndpoints];
  let openApi: Record<string, unknown> | undefined;
  endpoints.push(
    endpoint({
      method: 'get',
      path: '/openapi.json',
      summary: 'This API described as OpenAPI 3.1',
      operationId: 'getOpenApi',
      tag: 'system',
      policy: 'public',
      response: z
        .looseObject({ openapi: z.literal('3.1.0') })
        .describe('The OpenAPI 3.1 document (its own schema is the OpenAPI specification)'),
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
