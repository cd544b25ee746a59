import type { Application } from 'express';

const DRAINING = 'm6Draining';

/** From the start of a shutdown on, readiness answers 503 so that balancers stop sending. */
export function startDraining(app: Application): void {
  app.locals[DRAINING] = true;
}

export function isDraining(app: Application): boolean {
  return app.locals[DRAINING] === true;
}
