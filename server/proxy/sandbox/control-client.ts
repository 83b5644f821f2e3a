import type { z } from 'zod';
import {
  SANDBOX_ADMIN_TOKEN_HEADER,
  sandboxTenantProvisionSchema,
  sandboxTenantStatusSchema,
  type FollowDecision,
  type SandboxTenantProvision,
  type SandboxTenantStatus,
} from '../../../shared/sandbox-control.ts';
import type { SandboxScenarioName } from '../../../shared/sandbox-scenarios.ts';
import { ApiError } from '../../http/errors.ts';

/**
 * Calls the sandbox's control API over HTTP with the admin token. The proxy and the sandbox share
 * only the contract in shared/, so the sandbox could run in another process.
 */

export interface SandboxControlClientOptions {
  sandboxUrl: string;
  adminToken: string;
  timeoutMs: number;
}

export class SandboxControlClient {
  constructor(private readonly options: SandboxControlClientOptions) {}

  provision(tenantId: string): Promise<SandboxTenantProvision> {
    return this.call('PUT', tenantPath(tenantId), sandboxTenantProvisionSchema);
  }

  status(tenantId: string): Promise<SandboxTenantStatus> {
    return this.call('GET', tenantPath(tenantId), sandboxTenantStatusSchema);
  }

  applyScenario(tenantId: string, name: SandboxScenarioName): Promise<SandboxTenantStatus> {
    return this.call('POST', `${tenantPath(tenantId)}/scenarios/${name}`, sandboxTenantStatusSchema);
  }

  reset(tenantId: string): Promise<SandboxTenantStatus> {
    return this.call('POST', `${tenantPath(tenantId)}/reset`, sandboxTenantStatusSchema);
  }

  decideFollowRequest(tenantId: string, requesterId: string, targetId: string, decision: FollowDecision): Promise<SandboxTenantStatus> {
    const path = `${tenantPath(tenantId)}/pending/${encodeURIComponent(requesterId)}/${encodeURIComponent(targetId)}/${decision}`;

    return this.call('POST', path, sandboxTenantStatusSchema);
  }

  private async call<Schema extends z.ZodType>(method: string, path: string, schema: Schema): Promise<z.infer<Schema>> {
    const url = `${this.options.sandboxUrl}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { [SANDBOX_ADMIN_TOKEN_HEADER]: this.options.adminToken, accept: 'application/json' },
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      throw new ApiError('unavailable', `The sandbox at ${this.options.sandboxUrl} did not respond to ${method} ${path} (restart the workbench, which runs the sandbox)`, {
        cause: error,
      });
    }

    const text = await response.text();
    if (!response.ok) {
      throw toApiError(response.status, readDetail(text), `${method} ${path}`);
    }
    const parsed = schema.safeParse(parseJson(text));
    if (!parsed.success) {
      throw new ApiError('internal', `The sandbox's response to ${method} ${path} does not match the control API contract`, { cause: parsed.error });
    }

    return parsed.data;
  }
}

function tenantPath(tenantId: string): string {
  return `/__sandbox/tenants/${encodeURIComponent(tenantId)}`;
}

/** Maps a control API error to the workbench's own codes; an admin token mismatch is a server fault. */
function toApiError(status: number, detail: string, call: string): ApiError {
  if (status === 404) {
    return new ApiError('not_found', detail);
  }
  if (status === 400) {
    return new ApiError('invalid_request', detail);
  }

  return new ApiError('internal', `The sandbox rejected ${call} with ${status}: ${detail}`);
}

function readDetail(text: string): string {
  const body = parseJson(text) as { detail?: unknown } | undefined;

  return typeof body?.detail === 'string' ? body.detail : text.slice(0, 200);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
