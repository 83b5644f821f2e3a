/**
 * Applies the sandbox scenarios to one tenant. Each scenario is a preset: applying one first
 * restores the tenant's baseline, so scenarios never pile up.
 */
import type { PendingFollowRequest, SandboxTenantStatus, FollowDecision } from '../../../shared/sandbox-control.ts';
import { NEARLY_SPENT_REMAINING, CLOCK_SKEW_SECONDS, type SandboxScenarioName } from '../../../shared/sandbox-scenarios.ts';

import { RATE_LIMITS, rateLimitBucketKey, type EndpointName } from '../rate-limit.ts';
import { SEEDED_USER_IDS } from '../seed.ts';
import type { SandboxState } from '../state.ts';
import type { Tenant } from './tenant.ts';

export function applyScenario(state: SandboxState, tenant: Tenant, name: SandboxScenarioName): void {
  restoreBaseline(state, tenant);
  tenant.scenario = name;

  switch (name) {
    case 'read-only-app':
      tenant.app.permission = 'read';
      return;
    case 'app-not-in-project':
      tenant.app.projectAttached = false;
      return;
    case 'clock-skew':
      tenant.clockOffsetMs = CLOCK_SKEW_SECONDS * 1000;
      return;
    case 'rate-limit-nearly-spent':
      for (const key of bucketKeys(tenant)) {
        state.rateLimiter.setRemaining(key, NEARLY_SPENT_REMAINING);
      }
      return;
    case 'protected-target':
      setTarget(state, tenant, SEEDED_USER_IDS.protectedPat);
      return;
    case 'suspended-target':
      setTarget(state, tenant, SEEDED_USER_IDS.suspendedSam);
      return;
  }
}

/**
 * Resets the tenant: its app, clock and rate limits go back to the baseline, and its user's follows
 * and follow requests are removed. The built-in tenant owns the seeded users, so its reset restores
 * the whole sandbox.
 */
export function resetTenant(state: SandboxState, tenant: Tenant): void {
  if (tenant.builtIn) {
    state.reset();
    return;
  }

  restoreBaseline(state, tenant);
  state.graph.clearFollowsOf(tenant.user.id);
}

/** Restores the app's permission and Project, the clock and the scenario, without touching rate limits. */
export function restoreTenantFlags(tenant: Tenant): void {
  tenant.app.permission = tenant.baseline.permission;
  tenant.app.projectAttached = tenant.baseline.projectAttached;
  tenant.clockOffsetMs = 0;
  tenant.scenario = null;
  tenant.target = null;
}

/**
 * Accepts or declines the follow request that the tenant's user sent to a protected account, acting
 * as that account. Returns false when there is no such request.
 */
export function decideFollowRequest(state: SandboxState, tenant: Tenant, targetId: string, decision: FollowDecision): boolean {
  if (decision === 'accept') {
    return state.graph.acceptFollowRequest(targetId, tenant.user.id);
  }

  return state.graph.declineFollowRequest(targetId, tenant.user.id);
}

export function describeTenant(state: SandboxState, tenant: Tenant): SandboxTenantStatus {
  return {
    scenario: tenant.scenario,
    user: { ...tenant.user },
    appName: tenant.app.name,
    appPermission: tenant.app.permission,
    projectAttached: tenant.app.projectAttached,
    clockOffsetSeconds: Math.round(tenant.clockOffsetMs / 1000),
    target: tenant.target === null ? null : { ...tenant.target },
    pendingRequests: listPendingRequests(state, tenant),
  };
}

function listPendingRequests(state: SandboxState, tenant: Tenant): PendingFollowRequest[] {
  return state.graph.pendingTargetsOf(tenant.user.id).map((targetId) => ({
    requesterId: tenant.user.id,
    target: { id: targetId, username: state.graph.findUser(targetId)?.username ?? targetId },
  }));
}

function restoreBaseline(state: SandboxState, tenant: Tenant): void {
  restoreTenantFlags(tenant);
  for (const key of bucketKeys(tenant)) {
    state.rateLimiter.forget(key);
  }
}

/** Sets the scenario's target and removes any follow or request of it, so that the next follow starts fresh. */
function setTarget(state: SandboxState, tenant: Tenant, targetId: string): void {
  const target = state.graph.findUser(targetId)!;
  state.graph.unfollow(tenant.user.id, targetId);
  tenant.target = { id: target.id, username: target.username };
}

/** Returns the rate-limit buckets of the tenant's user and app on every endpoint. */
function bucketKeys(tenant: Tenant): string[] {
  return (Object.keys(RATE_LIMITS) as EndpointName[]).flatMap((endpoint) => [
    rateLimitBucketKey(endpoint, 'user', tenant.user.id),
    rateLimitBucketKey(endpoint, 'app', tenant.app.appId),
  ]);
}
