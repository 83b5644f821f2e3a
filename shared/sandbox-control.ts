import { z } from 'zod';
import { SANDBOX_SCENARIO_NAMES } from './sandbox-scenarios.ts';

/**
 * The contract of the sandbox's control API (`/__sandbox/tenants/...`), which only the workbench
 * server calls, and of the workbench routes `/api/sandbox/...` that the page calls. Credentials
 * appear only in the control API's provisioning response, never in a response to the page.
 */

/** Header that carries the admin token on every control API call. */
export const SANDBOX_ADMIN_TOKEN_HEADER = 'x-sandbox-admin-token';

/** Tenant ID of the sandbox's built-in tenant, which uses the seeded first app and its developer user. */
export const DEFAULT_SANDBOX_TENANT_ID = 'default';

export const sandboxTenantIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, {
  error: (issue) => `must be 1 to 64 letters, digits, "_" or "-"; got ${JSON.stringify(issue.input)}`,
});

export const sandboxScenarioNameSchema = z.enum(SANDBOX_SCENARIO_NAMES);

export const followDecisionSchema = z.enum(['accept', 'decline']);
export type FollowDecision = z.infer<typeof followDecisionSchema>;

/** The OAuth 1.0a keys, access token and bearer token of a tenant's app and developer user. */
export const sandboxTenantCredentialsSchema = z.strictObject({
  consumerKey: z.string(),
  consumerSecret: z.string(),
  accessToken: z.string(),
  accessTokenSecret: z.string(),
  bearerToken: z.string(),
});
export type SandboxTenantCredentials = z.infer<typeof sandboxTenantCredentialsSchema>;

const sandboxUserRefSchema = z.strictObject({ id: z.string(), username: z.string() });
export type SandboxUserRef = z.infer<typeof sandboxUserRefSchema>;

/** A follow request from the tenant's user that waits for a protected account. */
export const pendingFollowRequestSchema = z.strictObject({
  requesterId: z.string(),
  target: sandboxUserRefSchema,
});
export type PendingFollowRequest = z.infer<typeof pendingFollowRequestSchema>;

/** The scenario state of one tenant, without credentials: safe to show in the page. */
export const sandboxTenantStatusSchema = z.strictObject({
  /** The last scenario applied since the last reset, or null. */
  scenario: sandboxScenarioNameSchema.nullable(),
  /** The user that the tenant's access token belongs to. */
  user: sandboxUserRefSchema,
  appName: z.string(),
  appPermission: z.enum(['read', 'read-write']),
  projectAttached: z.boolean(),
  /** How far the sandbox's clock is moved for this tenant's app, in seconds. */
  clockOffsetSeconds: z.number().int(),
  /** The account that the current scenario is about, such as @protected_pat, or null. */
  target: sandboxUserRefSchema.nullable(),
  pendingRequests: z.array(pendingFollowRequestSchema),
});
export type SandboxTenantStatus = z.infer<typeof sandboxTenantStatusSchema>;

/** The control API's response to provisioning a tenant. */
export const sandboxTenantProvisionSchema = z.strictObject({
  credentials: sandboxTenantCredentialsSchema,
  status: sandboxTenantStatusSchema,
});
export type SandboxTenantProvision = z.infer<typeof sandboxTenantProvisionSchema>;
