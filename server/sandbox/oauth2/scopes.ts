/**
 * OAuth 2.0 scopes of the X API, with the plain words that the consent page shows for each. The
 * names are X's; the descriptions are the sandbox's own.
 */

export const OAUTH2_SCOPES = {
  'tweet.read': 'See posts you can see, including posts of protected accounts you follow',
  'tweet.write': 'Post and repost for you',
  'tweet.moderate.write': 'Hide and unhide replies to your posts',
  'users.read': 'See any account you can see, including protected accounts',
  'follows.read': 'See who follows you and whom you follow',
  'follows.write': 'Follow and unfollow accounts for you',
  'offline.access': 'Stay signed in until you revoke access (the app gets a refresh token)',
  'space.read': 'See Spaces you can see',
  'mute.read': 'See the accounts you muted',
  'mute.write': 'Mute and unmute accounts for you',
  'like.read': 'See posts you liked and likes you can see',
  'like.write': 'Like and unlike posts for you',
  'list.read': 'See Lists you created or are a member of, including private ones',
  'list.write': 'Create and manage Lists for you',
  'block.read': 'See the accounts you blocked',
  'block.write': 'Block and unblock accounts for you',
  'bookmark.read': 'See your bookmarks',
  'bookmark.write': 'Add and remove bookmarks for you',
  'dm.read': 'Read your direct messages',
  'dm.write': 'Send direct messages for you',
  'media.write': 'Upload media for you',
} as const;

export type OAuth2Scope = keyof typeof OAUTH2_SCOPES;

/** Scopes with this suffix change something, so an app with read-only permission is not granted them. */
const WRITE_SCOPE_SUFFIX = '.write';

export function isKnownScope(name: string): name is OAuth2Scope {
  return Object.hasOwn(OAUTH2_SCOPES, name);
}

export function isWriteScope(scope: OAuth2Scope): boolean {
  return scope.endsWith(WRITE_SCOPE_SUFFIX);
}

export function describeScope(scope: OAuth2Scope): string {
  return OAUTH2_SCOPES[scope];
}

/**
 * Splits a `scope` parameter into its names, without repeats, in the order given. RFC 6749 section
 * 3.3 separates names with single spaces; the sandbox also accepts runs of spaces.
 */
export function splitScopeParameter(value: string): string[] {
  return [...new Set(value.split(' ').filter((name) => name !== ''))];
}

/** Returns the scopes of `required` that `granted` lacks, in the order of `required`. */
export function findMissingScopes(granted: ReadonlySet<string>, required: readonly OAuth2Scope[]): OAuth2Scope[] {
  return required.filter((scope) => !granted.has(scope));
}
