import type { RequestHandler, Router } from 'express';
import type { Logger } from 'pino';
import { sessionOf } from '../../http/security.ts';
import type { EnvironmentStore } from '../environments/store.ts';
import { SandboxControlClient } from './control-client.ts';
import { sandboxRoutes } from './routes.ts';
import { SandboxTenants } from './sandbox-tenants.ts';

export interface SandboxTenancyOptions {
  sandboxUrl: string;
  /** The secret of the sandbox's control API, shared only between the workbench and its sandbox. */
  adminToken: string;
  timeoutMs: number;
  environments: EnvironmentStore;
  logger: Logger;
}

export interface SandboxTenancy {
  tenants: SandboxTenants;
  /** Provisions the caller's tenant before its workspace's first API call in this process. */
  provisionTenant: RequestHandler;
  /** The `/api/sandbox` routes. */
  routes: Router;
}

/** Wires the workspace-to-tenant mapping, its middleware and its routes for createApp. */
export function createSandboxTenancy(options: SandboxTenancyOptions): SandboxTenancy {
  const control = new SandboxControlClient({ sandboxUrl: options.sandboxUrl, adminToken: options.adminToken, timeoutMs: options.timeoutMs });
  const tenants = new SandboxTenants(control, options.environments, options.logger);

  // A failure only logs, so that the environment editor and sends to X keep working; the sandbox
  // routes call ensure() themselves and report the error.
  const provisionTenant: RequestHandler = async (_req, res, next) => {
    const { workspaceId } = sessionOf(res);
    try {
      await tenants.ensure(workspaceId);
    } catch (error) {
      options.logger.warn({ err: error, workspaceId }, 'provisioning the sandbox tenant failed');
    }
    next();
  };

  return { tenants, provisionTenant, routes: sandboxRoutes(tenants, control) };
}
