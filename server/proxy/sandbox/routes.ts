import { Router, type Request } from 'express';
import { z } from 'zod';
import { followDecisionSchema, sandboxScenarioNameSchema, type FollowDecision } from '../../../shared/sandbox-control.ts';
import { SANDBOX_SCENARIO_NAMES, type SandboxScenarioName } from '../../../shared/sandbox-scenarios.ts';
import { checkUserId } from '../../../shared/ids.ts';
import { ApiError } from '../../http/errors.ts';
import { sessionOf } from '../../http/security.ts';
import { validateBody } from '../../http/validate.ts';
import type { SandboxControlClient } from './control-client.ts';
import type { SandboxTenants } from './sandbox-tenants.ts';

/** The state-changing routes take no input besides the path, so their JSON body must be `{}`. */
const emptyBodySchema = z.strictObject({});

/**
 * The sandbox scenarios of the caller's workspace: read its tenant's state, apply a scenario,
 * reset, and accept or decline a pending follow request as the protected account. Each route acts
 * only on the workspace's own tenant.
 */
export function sandboxRoutes(tenants: SandboxTenants, control: SandboxControlClient): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    const tenantId = await ensureTenant(tenants, sessionOf(res).workspaceId);

    res.json(await control.status(tenantId));
  });

  router.post('/scenarios/:name', validateBody(emptyBodySchema), async (req, res) => {
    const name = parseScenarioName(req);
    const tenantId = await ensureTenant(tenants, sessionOf(res).workspaceId);

    res.json(await control.applyScenario(tenantId, name));
  });

  router.post('/reset', validateBody(emptyBodySchema), async (_req, res) => {
    const tenantId = await ensureTenant(tenants, sessionOf(res).workspaceId);

    res.json(await control.reset(tenantId));
  });

  router.post('/pending/:requesterId/:targetId/:decision', validateBody(emptyBodySchema), async (req, res) => {
    const { requesterId, targetId, decision } = parseDecision(req);
    const tenantId = await ensureTenant(tenants, sessionOf(res).workspaceId);

    res.json(await control.decideFollowRequest(tenantId, requesterId, targetId, decision));
  });

  return router;
}

async function ensureTenant(tenants: SandboxTenants, workspaceId: string): Promise<string> {
  await tenants.ensure(workspaceId);

  return tenants.tenantIdFor(workspaceId);
}

function parseScenarioName(req: Request): SandboxScenarioName {
  const parsed = sandboxScenarioNameSchema.safeParse(req.params.name);
  if (!parsed.success) {
    throw new ApiError(
      'not_found',
      `No sandbox scenario ${JSON.stringify(req.params.name)} (the scenarios are ${SANDBOX_SCENARIO_NAMES.join(', ')})`,
      { field: 'name' },
    );
  }

  return parsed.data;
}

function parseDecision(req: Request): { requesterId: string; targetId: string; decision: FollowDecision } {
  const decision = followDecisionSchema.safeParse(req.params.decision);
  if (!decision.success) {
    throw new ApiError('not_found', `The decision must be accept or decline; got ${JSON.stringify(req.params.decision)}`, { field: 'decision' });
  }
  const ids: Record<'requesterId' | 'targetId', string> = { requesterId: '', targetId: '' };
  for (const field of ['requesterId', 'targetId'] as const) {
    const check = checkUserId(field, req.params[field]);
    if (!check.ok) {
      throw new ApiError('invalid_request', check.message, { field });
    }
    ids[field] = check.value;
  }

  return { ...ids, decision: decision.data };
}
