/**
 * The sandbox's control API, which only the workbench server calls: provision a tenant, apply a
 * scenario, reset, and accept or decline a follow request as the protected account. Every route
 * needs the admin token, which the workbench creates at start and never sends to a browser.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

import express, { type Express, type Request, type RequestHandler } from 'express';

import {
  followDecisionSchema,
  SANDBOX_ADMIN_TOKEN_HEADER,
  sandboxScenarioNameSchema,
  sandboxTenantIdSchema,
  type SandboxTenantProvision,
} from '../../../shared/sandbox-control.ts';
import { SANDBOX_SCENARIO_NAMES } from '../../../shared/sandbox-scenarios.ts';

import { SandboxProblem } from '../problems.ts';
import type { SandboxState } from '../state.ts';
import { applyScenario, decideFollowRequest, describeTenant, resetTenant } from './scenarios.ts';
import type { Tenant } from './tenant.ts';

export const CONTROL_PATH_PREFIX = '/__sandbox';

export function mountControlRoutes(app: Express, state: SandboxState, adminToken: string): void {
  const router = express.Router({ caseSensitive: true, strict: true });
  router.use(requireAdminToken(adminToken));

  router.put('/tenants/:tenantId', (request, response) => {
    const tenantId = parseTenantId(request);

    const tenant = state.tenants.provision(tenantId, state.graph);
    state.logger.info({ tenantId }, 'sandbox tenant provisioned');

    const body: SandboxTenantProvision = { credentials: credentialsOf(tenant), status: describeTenant(state, tenant) };
    response.json(body);
  });

  router.get('/tenants/:tenantId', (request, response) => {
    const tenant = requireTenant(state, request);

    response.json(describeTenant(state, tenant));
  });

  router.post('/tenants/:tenantId/scenarios/:name', (request, response) => {
    const tenant = requireTenant(state, request);
    const name = sandboxScenarioNameSchema.safeParse(request.params.name);
    if (!name.success) {
      throw controlProblem(404, 'Not Found Error', `No scenario ${JSON.stringify(request.params.name)}; the scenarios are ${SANDBOX_SCENARIO_NAMES.join(', ')}.`);
    }

    applyScenario(state, tenant, name.data);
    state.logger.info({ tenantId: tenant.id, scenario: name.data }, 'sandbox scenario applied');

    response.json(describeTenant(state, tenant));
  });

  router.post('/tenants/:tenantId/reset', (request, response) => {
    const tenant = requireTenant(state, request);

    resetTenant(state, tenant);
    state.logger.info({ tenantId: tenant.id }, 'sandbox tenant reset');

    response.json(describeTenant(state, tenant));
  });

  router.post('/tenants/:tenantId/pending/:requesterId/:targetId/:decision', (request, response) => {
    const tenant = requireTenant(state, request);
    const decision = followDecisionSchema.safeParse(request.params.decision);
    if (!decision.success) {
      throw controlProblem(404, 'Not Found Error', `The decision must be accept or decline; got ${JSON.stringify(request.params.decision)}.`);
    }
    const { requesterId, targetId } = request.params as Record<string, string>;
    if (requesterId !== tenant.user.id || !decideFollowRequest(state, tenant, targetId!, decision.data)) {
      throw controlProblem(
        404,
        'Not Found Error',
        `No pending follow request from ${requesterId} to ${targetId} in this tenant; only requests from the tenant's user ${tenant.user.id} can be decided here.`,
      );
    }
    state.logger.info({ tenantId: tenant.id, targetId, decision: decision.data }, 'sandbox follow request decided');

    response.json(describeTenant(state, tenant));
  });

  app.use(CONTROL_PATH_PREFIX, router);
}

/**
 * Sets the Date header from the clock of the tenant whose credentials the request carries, so that
 * the Date header shows the moved clock of the Clock skew scenario.
 * NOTE: rate-limit windows stay on the sandbox clock, so under that scenario x-rate-limit-reset
 * and Date disagree by the offset.
 */
export function tenantDateHeader(state: SandboxState): RequestHandler {
  return (request, response, next) => {
    const offsetMs = state.tenants.clockOffsetFor(request.headers.authorization);
    if (offsetMs !== 0) {
      response.set('date', new Date(state.now() + offsetMs).toUTCString());
    }
    next();
  };
}

function requireAdminToken(adminToken: string): RequestHandler {
  const expected = digest(adminToken);

  return (request, _response, next) => {
    const received = request.headers[SANDBOX_ADMIN_TOKEN_HEADER];
    if (typeof received !== 'string' || !timingSafeEqual(digest(received), expected)) {
      rejectMissingAdminToken();
    }
    next();
  };
}

function rejectMissingAdminToken(): never {
  throw controlProblem(401, 'Unauthorized', `The control API needs the admin token in the ${SANDBOX_ADMIN_TOKEN_HEADER} header.`);
}

function parseTenantId(request: Request): string {
  const parsed = sandboxTenantIdSchema.safeParse(request.params.tenantId);
  if (!parsed.success) {
    throw controlProblem(400, 'Invalid Request', `The tenant ID ${parsed.error.issues[0]!.message}.`);
  }

  return parsed.data;
}

function requireTenant(state: SandboxState, request: Request): Tenant {
  const tenantId = parseTenantId(request);
  const tenant = state.tenants.find(tenantId);
  if (!tenant) {
    throw controlProblem(404, 'Not Found Error', `The tenant ${tenantId} is not provisioned; send PUT ${CONTROL_PATH_PREFIX}/tenants/${tenantId} first.`);
  }

  return tenant;
}

function credentialsOf(tenant: Tenant): SandboxTenantProvision['credentials'] {
  return {
    consumerKey: tenant.app.consumerKey,
    consumerSecret: tenant.app.consumerSecret,
    accessToken: tenant.token.accessToken,
    accessTokenSecret: tenant.token.accessTokenSecret,
    bearerToken: tenant.app.bearerToken,
  };
}

function controlProblem(status: number, title: string, detail: string): SandboxProblem {
  return new SandboxProblem(status, { title, type: 'about:blank', status, detail });
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
