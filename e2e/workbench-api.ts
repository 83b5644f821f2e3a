import { expect, type APIRequestContext } from '@playwright/test';
import type { EnvironmentView, SessionInfo } from '../shared/api.ts';

/**
 * Direct /api calls made with a browser context's cookies (`page.request`), for checks that the
 * page itself does not show, such as an environment's ID.
 */

export async function readSession(request: APIRequestContext): Promise<SessionInfo> {
  const response = await request.get('/api/session');
  expect(response.status(), 'GET /api/session status').toBe(200);

  return (await response.json()) as SessionInfo;
}

export async function findEnvironment(request: APIRequestContext, name: string): Promise<EnvironmentView> {
  const response = await request.get('/api/environments');
  expect(response.status(), 'GET /api/environments status').toBe(200);
  const environments = (await response.json()) as EnvironmentView[];
  const environment = environments.find((candidate) => candidate.name === name);
  if (environment === undefined) {
    throw new Error(`No environment named ${JSON.stringify(name)}; the session has: ${environments.map((item) => item.name).join(', ')}`);
  }

  return environment;
}
