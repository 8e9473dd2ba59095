import { INestApplication, RequestMethod } from '@nestjs/common';

/** The versioned base path of every route (design section 7) but the health checks. */
export const API_PREFIX = 'api/v1';

/**
 * Puts every route under {@link API_PREFIX}, except the health checks, which orchestrators
 * probe at `/health/*`. The running app and the OpenAPI script (`npm run api:types`) both use
 * it, so the document they describe has the same paths.
 */
export function setApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
}
