/**
 * The sandbox's tenants, one per workbench workspace. A tenant is created on its first
 * provisioning call and lives until the sandbox stops. After a restart the workbench provisions
 * again and gets the same keys, because they derive from the seed and the tenant ID.
 */
import { DEFAULT_SANDBOX_TENANT_ID } from '../../../shared/sandbox-control.ts';

import type { CredentialStore } from '../credentials.ts';
import type { FollowGraph } from '../graph.ts';
import { createBuiltInTenant, deriveTenant, tenantUserProfile, type Tenant } from './tenant.ts';

const CONSUMER_KEY_PARAMETER = /(?:^|[\s,])oauth_consumer_key[ \t]*=[ \t]*"([^"]*)"/;
const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

export class TenantRegistry {
  private readonly tenants = new Map<string, Tenant>();
  private readonly tenantsByConsumerKey = new Map<string, Tenant>();
  private readonly tenantsByBearerToken = new Map<string, Tenant>();

  constructor(
    private readonly seed: string,
    private readonly credentials: CredentialStore,
  ) {}

  find(id: string): Tenant | undefined {
    return this.tenants.get(id);
  }

  list(): Tenant[] {
    return [...this.tenants.values()];
  }

  /**
   * Returns the tenant, creating it on the first call. DEFAULT_SANDBOX_TENANT_ID is the built-in
   * tenant on the seeded first app and its developer user. Any other ID gets a derived app, user
   * and token, which are added to the credential store and the graph.
   */
  provision(id: string, graph: FollowGraph): Tenant {
    const existing = this.tenants.get(id);
    if (existing) {
      return existing;
    }

    const tenant = id === DEFAULT_SANDBOX_TENANT_ID ? this.createBuiltIn(id) : deriveTenant(this.seed, id);
    if (!tenant.builtIn) {
      this.requireUnusedUser(tenant, graph);
      this.credentials.register(tenant.app, tenant.token);
      graph.addUser(tenantUserProfile(tenant.user));
    }
    this.tenants.set(id, tenant);
    this.tenantsByConsumerKey.set(tenant.app.consumerKey, tenant);
    this.tenantsByBearerToken.set(tenant.app.bearerToken, tenant);

    return tenant;
  }

  /** Returns the clock offset of the tenant whose consumer key or bearer token the Authorization header carries, else 0. */
  clockOffsetFor(authorization: string | undefined): number {
    if (authorization === undefined) {
      return 0;
    }
    const bearer = BEARER.exec(authorization);
    if (bearer) {
      return this.tenantsByBearerToken.get(bearer[1]!)?.clockOffsetMs ?? 0;
    }
    const consumerKey = CONSUMER_KEY_PARAMETER.exec(authorization)?.[1];

    return consumerKey === undefined ? 0 : this.clockOffsetForConsumerKey(safeDecode(consumerKey));
  }

  clockOffsetForConsumerKey(consumerKey: string): number {
    return this.tenantsByConsumerKey.get(consumerKey)?.clockOffsetMs ?? 0;
  }

  /** Adds every derived tenant's user to a freshly seeded graph, after a reset of the whole sandbox. */
  addUsersTo(graph: FollowGraph): void {
    for (const tenant of this.tenants.values()) {
      if (!tenant.builtIn) {
        graph.addUser(tenantUserProfile(tenant.user));
      }
    }
  }

  private createBuiltIn(id: string): Tenant {
    const app = this.credentials.seeded.apps[0]!;
    const token = this.credentials.seeded.tokens.find((candidate) => candidate.appName === app.name)!;

    return createBuiltInTenant(id, app, token);
  }

  /** Throws when a derived user ID or username is taken, which for 17 derived digits is a hash collision. */
  private requireUnusedUser(tenant: Tenant, graph: FollowGraph): void {
    const existingUser = graph.findUser(tenant.user.id) ?? graph.findUserByUsername(tenant.user.username);
    if (existingUser) {
      throw new Error(`tenant ${tenant.id}: the derived user ${tenant.user.id} (@${tenant.user.username}) collides with user ${existingUser.id}; use another tenant ID`);
    }
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
