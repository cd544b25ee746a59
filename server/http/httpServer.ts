import http from 'node:http';
import type { Express } from 'express';

const serverOptions = new WeakMap<Express, http.ServerOptions>();

/**
 * An HTTP server for the app whose requests and responses are built on the app's own prototypes.
 * Express gives every request and response the app's prototypes with Object.setPrototypeOf, which
 * V8 handles badly: in a bare Express app answering a fixed body at 20 connections it cut
 * throughput from about 50,000 to 11,000 req/s, and the objects of every request outlived the
 * young generation (a mark-compact every 0.2 s). With the prototypes already in place, Express's
 * call changes nothing. The app is served as before by `app.listen`, only without this.
 */
export function createHttpServer(app: Express): http.Server {
  let options = serverOptions.get(app);
  if (!options) {
    class AppRequest extends http.IncomingMessage {}
    Object.setPrototypeOf(AppRequest.prototype, app.request);
    class AppResponse<Request extends http.IncomingMessage> extends http.ServerResponse<Request> {}
    Object.setPrototypeOf(AppResponse.prototype, app.response);
    app.request = AppRequest.prototype as Express['request'];
    app.response = AppResponse.prototype as Express['response'];
    options = { IncomingMessage: AppRequest, ServerResponse: AppResponse };
    serverOptions.set(app, options);
  }
  return http.createServer(options, app);
}
