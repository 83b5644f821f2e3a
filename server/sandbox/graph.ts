/**
 * The sandbox's users and follow graph, in memory. A follow of a protected user becomes a pending
 * request, which only counts as following once acceptFollowRequest is called.
 */
import { EdgeList } from './edge-list.ts';

export type VerifiedType = 'none' | 'blue' | 'business' | 'government';

export interface UserProfile {
  id: string;
  username: string;
  name: string;
  protected: boolean;
  suspended: boolean;
  /** ISO 8601 with milliseconds, as X formats created_at. */
  createdAt: string;
  description: string;
  location: string | undefined;
  /** Profile URL; X sends an empty string when the user set none. */
  url: string;
  profileImageUrl: string;
  verified: boolean;
  verifiedType: VerifiedType;
  tweetCount: number;
  listedCount: number;
  likeCount: number;
  /** True for users made by addGeneratedFollowers or for a sandbox tenant, which the portal leaves out. */
  generated: boolean;
}

export type FollowListKind = 'following' | 'followers';

export interface FollowResult {
  following: boolean;
  pendingFollow: boolean;
}

export const DEFAULT_PROFILE_IMAGE_URL = 'https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png';

/** Generated IDs are "19" followed by 17 digits, a range that no seeded user uses. */
const GENERATED_ID_PREFIX = '19';
const GENERATED_CREATED_AT_BASE_MS = Date.UTC(2023, 0, 1);

export class FollowGraph {
  private readonly users = new Map<string, UserProfile>();
  private readonly idByUsername = new Map<string, string>();
  private readonly lists: Record<FollowListKind, Map<string, EdgeList>> = {
    following: new Map(),
    followers: new Map(),
  };
  /** Target user ID to the IDs of users whose follow request waits for the target. */
  private readonly pendingRequests = new Map<string, Set<string>>();
  private nextSequence = 1;
  private generatedUserCount = 0;

  addUser(profile: UserProfile): void {
    const usernameKey = profile.username.toLowerCase();
    if (this.users.has(profile.id)) {
      throw new Error(`user ID ${profile.id} already exists`);
    }
    if (this.idByUsername.has(usernameKey)) {
      throw new Error(`username ${profile.username} already exists`);
    }

    this.users.set(profile.id, profile);
    this.idByUsername.set(usernameKey, profile.id);
  }

  findUser(id: string): UserProfile | undefined {
    return this.users.get(id);
  }

  /** Matches the username case-insensitively, as X does. */
  findUserByUsername(username: string): UserProfile | undefined {
    const id = this.idByUsername.get(username.toLowerCase());

    return id === undefined ? undefined : this.users.get(id);
  }

  /** Returns every user that was not generated, in the order they were added. */
  listNamedUsers(): UserProfile[] {
    return [...this.users.values()].filter((user) => !user.generated);
  }

  isFollowing(sourceId: string, targetId: string): boolean {
    return this.lists.following.get(sourceId)?.has(targetId) ?? false;
  }

  hasPendingRequest(sourceId: string, targetId: string): boolean {
    return this.pendingRequests.get(targetId)?.has(sourceId) ?? false;
  }

  /**
   * Follows the target, or for a protected target records a pending request. Repeating a follow or a
   * pending request changes nothing and returns the same result.
   */
  follow(sourceId: string, targetId: string): FollowResult {
    if (this.isFollowing(sourceId, targetId)) {
      return { following: true, pendingFollow: false };
    }
    if (this.users.get(targetId)?.protected) {
      this.pendingRequestsOf(targetId).add(sourceId);
      return { following: false, pendingFollow: true };
    }

    this.addEdge(sourceId, targetId);

    return { following: true, pendingFollow: false };
  }

  /** Removes the follow and any pending request from source to target. */
  unfollow(sourceId: string, targetId: string): void {
    this.lists.following.get(sourceId)?.remove(targetId);
    this.lists.followers.get(targetId)?.remove(sourceId);
    this.pendingRequests.get(targetId)?.delete(sourceId);
  }

  /** Turns a pending request into a follow; returns false when there was no such request. */
  acceptFollowRequest(targetId: string, sourceId: string): boolean {
    const pending = this.pendingRequests.get(targetId);
    if (!pending?.delete(sourceId)) {
      return false;
    }
    this.addEdge(sourceId, targetId);

    return true;
  }

  /** Deletes a pending request without following; returns false when there was no such request. */
  declineFollowRequest(targetId: string, sourceId: string): boolean {
    return this.pendingRequests.get(targetId)?.delete(sourceId) ?? false;
  }

  /** Returns the IDs of the protected users whose acceptance the source's follow requests wait for. */
  pendingTargetsOf(sourceId: string): string[] {
    const targets: string[] = [];
    for (const [targetId, sources] of this.pendingRequests) {
      if (sources.has(sourceId)) {
        targets.push(targetId);
      }
    }

    return targets;
  }

  /** Removes every follow and pending follow request that the source made. */
  clearFollowsOf(sourceId: string): void {
    const following = this.lists.following.get(sourceId);
    const targetIds = following === undefined ? [] : following.pageOlderThan(null, following.size).ids;
    for (const targetId of targetIds) {
      this.unfollow(sourceId, targetId);
    }
    for (const sources of this.pendingRequests.values()) {
      sources.delete(sourceId);
    }
  }

  /** Returns the list, or undefined when the user has never had an entry in it. */
  list(kind: FollowListKind, userId: string): EdgeList | undefined {
    return this.lists[kind].get(userId);
  }

  countFollowing(userId: string): number {
    return this.lists.following.get(userId)?.size ?? 0;
  }

  countFollowers(userId: string): number {
    return this.lists.followers.get(userId)?.size ?? 0;
  }

  /**
   * Creates `count` generated users who each follow the given user, for demonstrating paging and for
   * benchmarks. Their IDs are 19 digits starting with "19" and their usernames are `fan_<number>`.
   * Returns the new IDs, oldest follower first.
   */
  addGeneratedFollowers(userId: string, count: number): string[] {
    if (!this.users.has(userId)) {
      throw new Error(`cannot add followers to unknown user ID ${userId}`);
    }

    const ids: string[] = [];
    while (ids.length < count) {
      this.generatedUserCount += 1;
      const number = this.generatedUserCount;
      const id = GENERATED_ID_PREFIX + String(number).padStart(17, '0');
      const username = `fan_${number}`;
      if (this.users.has(id) || this.idByUsername.has(username)) {
        continue;
      }

      this.addUser(generatedProfile(id, username, number));
      this.addEdge(id, userId);
      ids.push(id);
    }

    return ids;
  }

  private addEdge(sourceId: string, targetId: string): void {
    const sequence = this.nextSequence;
    this.nextSequence += 1;
    this.listOf('following', sourceId).add(targetId, sequence);
    this.listOf('followers', targetId).add(sourceId, sequence);
  }

  private listOf(kind: FollowListKind, userId: string): EdgeList {
    let list = this.lists[kind].get(userId);
    if (!list) {
      list = new EdgeList();
      this.lists[kind].set(userId, list);
    }

    return list;
  }

  private pendingRequestsOf(targetId: string): Set<string> {
    let pending = this.pendingRequests.get(targetId);
    if (!pending) {
      pending = new Set();
      this.pendingRequests.set(targetId, pending);
    }

    return pending;
  }
}

function generatedProfile(id: string, username: string, number: number): UserProfile {
  return {
    id,
    username,
    name: `Generated Fan ${number}`,
    protected: false,
    suspended: false,
    createdAt: new Date(GENERATED_CREATED_AT_BASE_MS + number * 60_000).toISOString(),
    description: 'A generated account that exists to fill follower lists.',
    location: undefined,
    url: '',
    profileImageUrl: DEFAULT_PROFILE_IMAGE_URL,
    verified: false,
    verifiedType: 'none',
    tweetCount: 0,
    listedCount: 0,
    likeCount: 0,
    generated: true,
  };
}
