import type { Logger } from 'pino';
import { OAUTH1_VARIABLE_KEYS, type VariableInput } from '../../../shared/api.ts';
import { DEFAULT_SANDBOX_TENANT_ID, type SandboxTenantCredentials } from '../../../shared/sandbox-control.ts';
import { LOCAL_WORKSPACE_ID } from '../../http/sessions.ts';
import type { EnvironmentStore } from '../environments/store.ts';
import type { SandboxControlClient } from './control-client.ts';

/**
 * Connects each workspace to its sandbox tenant. The local workspace uses the sandbox's built-in
 * tenant, whose keys are the seeded first app's; each team-mode workspace gets a tenant named
 * after the workspace. The sandbox keeps tenants in memory, so the workbench provisions a tenant
 * again on its workspace's first call after every start, and gets the same keys back.
 */
export class SandboxTenants {
  private readonly provisioned = new Map<string, Promise<void>>();

  constructor(
    private readonly control: SandboxControlClient,
    private readonly environments: EnvironmentStore,
    private readonly logger: Logger,
  ) {}

  tenantIdFor(workspaceId: string): string {
    return workspaceId === LOCAL_WORKSPACE_ID ? DEFAULT_SANDBOX_TENANT_ID : workspaceId;
  }

  /**
   * Provisions the workspace's tenant once per process and fills the keys of its sandbox
   * environments when none of them is set, which is how a new workspace gets its keys. A failed
   * attempt is forgotten, so the next call tries again.
   */
  ensure(workspaceId: string): Promise<void> {
    let pending = this.provisioned.get(workspaceId);
    if (pending === undefined) {
      pending = this.provision(workspaceId);
      this.provisioned.set(workspaceId, pending);
      pending.catch(() => this.provisioned.delete(workspaceId));
    }

    return pending;
  }

  private async provision(workspaceId: string): Promise<void> {
    const tenantId = this.tenantIdFor(workspaceId);
    const { credentials } = await this.control.provision(tenantId);

    for (const environment of this.environments.list(workspaceId)) {
      const oauth1Variables = environment.variables.filter((variable) => (OAUTH1_VARIABLE_KEYS as readonly string[]).includes(variable.key));
      if (environment.kind !== 'sandbox' || oauth1Variables.some((variable) => variable.set)) {
        continue;
      }
      this.environments.update(workspaceId, environment.id, {
        variables: environment.variables.map((variable) => fillVariable(variable, credentials)),
      });
      this.logger.info({ workspaceId, tenantId, environmentId: environment.id }, 'sandbox environment filled with its tenant keys');
    }
  }
}

const VALUE_BY_KEY: Record<string, keyof SandboxTenantCredentials> = {
  consumer_key: 'consumerKey',
  consumer_secret: 'consumerSecret',
  access_token: 'accessToken',
  token_secret: 'accessTokenSecret',
  bearer_token: 'bearerToken',
};

/** Rewrites a variable for EnvironmentStore.update, setting tenant keys and keeping everything else. */
function fillVariable(
  variable: { key: string; secret: boolean; enabled: boolean; value: string | null; set: boolean },
  credentials: SandboxTenantCredentials,
): VariableInput {
  const credential = VALUE_BY_KEY[variable.key];
  if (credential !== undefined && !variable.set) {
    return { key: variable.key, secret: variable.secret, enabled: variable.enabled, value: credentials[credential] };
  }
  if (variable.secret) {
    return { key: variable.key, secret: true, enabled: variable.enabled };
  }

  return { key: variable.key, secret: false, enabled: variable.enabled, value: variable.value ?? '' };
}
