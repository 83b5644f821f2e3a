import { z } from 'zod';

/**
 * What the X sandbox's developer-portal page lists, as JSON (`GET /portal.json` on the sandbox).
 * Every key and token here is fake and only valid against the local sandbox.
 */

/**
 * The OAuth 2.0 client of a sandbox app. A confidential client authenticates to the token endpoint
 * with HTTP Basic (client ID and secret). A public client has no secret, sends its client_id in the
 * body and relies on PKCE alone.
 */
export const sandboxOAuth2ClientSchema = z.strictObject({
  clientId: z.string(),
  /** Null for a public client. */
  clientSecret: z.string().nullable(),
  clientType: z.enum(['confidential', 'public']),
  /** Callback URLs that the authorize endpoint accepts, compared exactly. */
  redirectUris: z.array(z.string()),
});
export type SandboxOAuth2Client = z.infer<typeof sandboxOAuth2ClientSchema>;

export const sandboxAppSchema = z.strictObject({
  name: z.string(),
  appId: z.string(),
  permission: z.enum(['read', 'read-write']),
  /** False for an app that is not attached to a Project. */
  projectAttached: z.boolean(),
  consumerKey: z.string(),
  consumerSecret: z.string(),
  bearerToken: z.string(),
  oauth2: sandboxOAuth2ClientSchema,
});
export type SandboxApp = z.infer<typeof sandboxAppSchema>;

export const sandboxUserSchema = z.strictObject({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  protected: z.boolean(),
  suspended: z.boolean(),
  followersCount: z.number().int(),
  followingCount: z.number().int(),
});
export type SandboxUser = z.infer<typeof sandboxUserSchema>;

/** An OAuth 1.0a access token that a sandbox user granted to a sandbox app. */
export const sandboxTokenSchema = z.strictObject({
  appName: z.string(),
  userId: z.string(),
  username: z.string(),
  accessToken: z.string(),
  accessTokenSecret: z.string(),
});
export type SandboxToken = z.infer<typeof sandboxTokenSchema>;

export const sandboxPortalSchema = z.strictObject({
  apps: z.array(sandboxAppSchema).min(1),
  users: z.array(sandboxUserSchema),
  /** The first token belongs to the first app and is the one the "X Sandbox" environment starts with. */
  tokens: z.array(sandboxTokenSchema).min(1),
});
export type SandboxPortal = z.infer<typeof sandboxPortalSchema>;
