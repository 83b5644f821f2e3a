/** Looks up the seeded apps and access tokens by the values that requests carry. */
import type { SandboxApp, SandboxToken } from '../../shared/sandbox-portal.ts';

import type { OAuth1CredentialLookup } from './oauth1-verifier.ts';
import type { SeedCredentials } from './seed.ts';

export interface IssuedToken {
  app: SandboxApp;
  token: SandboxToken;
}

export class CredentialStore implements OAuth1CredentialLookup {
  private readonly appsByConsumerKey = new Map<string, SandboxApp>();
  private readonly appsByBearerToken = new Map<string, SandboxApp>();
  private readonly tokensByAccessToken = new Map<string, IssuedToken>();

  constructor(readonly seeded: SeedCredentials) {
    const appsByName = new Map<string, SandboxApp>();
    for (const app of seeded.apps) {
      appsByName.set(app.name, app);
      this.appsByConsumerKey.set(app.consumerKey, app);
      this.appsByBearerToken.set(app.bearerToken, app);
    }
    for (const token of seeded.tokens) {
      const app = appsByName.get(token.appName);
      if (!app) {
        throw new Error(`token for user ${token.userId} names unknown app "${token.appName}"`);
      }
      this.tokensByAccessToken.set(token.accessToken, { app, token });
    }
  }

  /** Adds an app and its access token that were created after the seed, such as a tenant's. */
  register(app: SandboxApp, token: SandboxToken): void {
    if (this.appsByConsumerKey.has(app.consumerKey) || this.tokensByAccessToken.has(token.accessToken)) {
      throw new Error(`register: the consumer key or access token of app "${app.name}" is already registered`);
    }
    this.appsByConsumerKey.set(app.consumerKey, app);
    this.appsByBearerToken.set(app.bearerToken, app);
    this.tokensByAccessToken.set(token.accessToken, { app, token });
  }

  findConsumerSecret(consumerKey: string): string | undefined {
    return this.appsByConsumerKey.get(consumerKey)?.consumerSecret;
  }

  findToken(accessToken: string): { secret: string; consumerKey: string } | undefined {
    const issued = this.tokensByAccessToken.get(accessToken);

    return issued && { secret: issued.token.accessTokenSecret, consumerKey: issued.app.consumerKey };
  }

  findIssuedToken(accessToken: string): IssuedToken | undefined {
    return this.tokensByAccessToken.get(accessToken);
  }

  findAppByBearerToken(bearerToken: string): SandboxApp | undefined {
    return this.appsByBearerToken.get(bearerToken);
  }
}
