import { Router } from 'express';
import { authorize, type Actor } from '../policies/index.js';
import { validate } from '../lib/validate.js';
import { authenticate } from './authenticate.js';
import { missingActor, type Endpoint, type Services } from './endpoint.js';

/** Every request walks the same path: authenticate, authorise, validate, execute, respond. */
export function mountEndpoints(endpoints: Endpoint[], services: Services): Router {
  const router = Router();
  for (const ep of endpoints) {
    router[ep.method](ep.path, async (req, res) => {
      let actor: Actor | undefined;
      if (ep.policy !== 'public') {
        actor = await authenticate(req, services);
        authorize(actor, ep.policy);
      }
      const params = validate(ep.params, req.params, 'params');
      const query = validate(ep.query, req.query, 'query');
      const body = ep.body ? validate(ep.body, req.body, 'body') : undefined;
      const result = await ep.handler({
        params,
        query,
        body,
        get actor() {
          return actor ?? missingActor();
        },
        services,
        req,
        res,
      });
      if (res.headersSent) return;
      if (result === undefined) res.status(204).end();
      else res.status(ep.status).json(result);
    });
  }
  return router;
}
