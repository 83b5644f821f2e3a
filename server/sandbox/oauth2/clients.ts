/**
 * The sandbox's OAuth 2.0 clients, one per seeded app, and the callback URLs registered for them.
 * Registered URLs are configuration, not sandbox state, so reset() keeps them.
 */
import type { SandboxApp, SandboxOAuth2Client } from '../../../shared/sandbox-portal.ts';

/** Callback of a workbench on its default port; the workbench registers its real one after it listens. */
export const DEFAULT_REDIRECT_URI = 'http://127.0.0.1:4000/oauth2/callback';

export class OAuth2ClientRegistry {
  private readonly appsByClientId = new Map<string, SandboxApp>();
  private readonly redirectUrisByClientId = new Map<string, string[]>();

  constructor(apps: readonly SandboxApp[]) {
    for (const app of apps) {
      this.appsByClientId.set(app.oauth2.clientId, app);
      this.redirectUrisByClientId.set(app.oauth2.clientId, [...app.oauth2.redirectUris]);
    }
  }

  findApp(clientId: string): SandboxApp | undefined {
    return this.appsByClientId.get(clientId);
  }

  /** Returns the client as the portal lists it, with the redirect URIs registered so far. */
  describe(app: SandboxApp): SandboxOAuth2Client {
    return { ...app.oauth2, redirectUris: [...this.redirectUris(app.oauth2.clientId)] };
  }

  redirectUris(clientId: string): readonly string[] {
    return this.redirectUrisByClientId.get(clientId) ?? [];
  }

  /** Reports whether `uri` is registered for the client, compared character by character (no normalisation). */
  isRegisteredRedirectUri(clientId: string, uri: string): boolean {
    return this.redirectUris(clientId).includes(uri);
  }

  /**
   * Adds a callback URL that the authorize endpoint accepts for the client. Registering a URL twice
   * has no effect. Throws for an unknown client ID or a URL that is not absolute http(s) without a
   * fragment, because RFC 6749 section 3.1.2 forbids fragments in redirection URIs.
   */
  registerRedirectUri(clientId: string, uri: string): void {
    const registered = this.redirectUrisByClientId.get(clientId);
    if (!registered) {
      const known = [...this.appsByClientId.keys()].join(', ');
      throw new Error(`registerRedirectUri: unknown client_id ${JSON.stringify(clientId)}; use one of the portal's clients: ${known}`);
    }
    checkRedirectUri(uri);
    if (!registered.includes(uri)) {
      registered.push(uri);
    }
  }
}

function checkRedirectUri(uri: string): void {
  let parsed: URL;
  try {
    parsed = new URL(uri);
  } catch {
    throw new Error(`registerRedirectUri: ${JSON.stringify(uri)} is not an absolute URL; pass one such as ${DEFAULT_REDIRECT_URI}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`registerRedirectUri: ${JSON.stringify(uri)} must use http or https; got ${parsed.protocol}`);
  }
  if (uri.includes('#')) {
    throw new Error(`registerRedirectUri: ${JSON.stringify(uri)} must not contain a fragment (#…); remove it`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new Error(`registerRedirectUri: ${JSON.stringify(uri)} must not contain a user name or password; remove them`);
  }
}
