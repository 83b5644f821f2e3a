/** The `user.fields`, `expansions` and `tweet.fields` values that X accepts, and user objects as X renders them. */
import type { FollowGraph, UserProfile } from './graph.ts';

/**
 * User fields that the sandbox accepts. entities, most_recent_tweet_id, pinned_tweet_id and withheld
 * are accepted but never rendered, because sandbox users have no such data and X omits empty fields.
 */
export const USER_FIELDS = [
  'created_at',
  'description',
  'entities',
  'id',
  'location',
  'most_recent_tweet_id',
  'name',
  'pinned_tweet_id',
  'profile_image_url',
  'protected',
  'public_metrics',
  'url',
  'username',
  'verified',
  'verified_type',
  'withheld',
] as const;
export type UserField = (typeof USER_FIELDS)[number];

/** Accepted for compatibility. Sandbox users have no tweets, so responses carry no `includes`. */
export const USER_EXPANSIONS = ['affiliation.user_id', 'most_recent_tweet_id', 'pinned_tweet_id'] as const;

export const TWEET_FIELDS = [
  'article',
  'attachments',
  'author_id',
  'card_uri',
  'community_id',
  'context_annotations',
  'conversation_id',
  'created_at',
  'display_text_range',
  'edit_controls',
  'edit_history_tweet_ids',
  'entities',
  'geo',
  'id',
  'in_reply_to_user_id',
  'lang',
  'media_metadata',
  'non_public_metrics',
  'note_tweet',
  'organic_metrics',
  'possibly_sensitive',
  'promoted_metrics',
  'public_metrics',
  'referenced_tweets',
  'reply_settings',
  'scopes',
  'source',
  'text',
  'withheld',
] as const;

/** A rendered user: id, name and username always come first, then the requested fields. */
export type UserObject = Record<string, unknown> & { id: string; name: string; username: string };

export function renderUser(user: UserProfile, fields: ReadonlySet<UserField>, graph: FollowGraph): UserObject {
  const rendered: UserObject = { id: user.id, name: user.name, username: user.username };

  if (fields.has('created_at')) {
    rendered.created_at = user.createdAt;
  }
  if (fields.has('description')) {
    rendered.description = user.description;
  }
  if (fields.has('location') && user.location !== undefined) {
    rendered.location = user.location;
  }
  if (fields.has('profile_image_url')) {
    rendered.profile_image_url = user.profileImageUrl;
  }
  if (fields.has('protected')) {
    rendered.protected = user.protected;
  }
  if (fields.has('public_metrics')) {
    rendered.public_metrics = {
      followers_count: graph.countFollowers(user.id),
      following_count: graph.countFollowing(user.id),
      tweet_count: user.tweetCount,
      listed_count: user.listedCount,
      like_count: user.likeCount,
    };
  }
  if (fields.has('url')) {
    rendered.url = user.url;
  }
  if (fields.has('verified')) {
    rendered.verified = user.verified;
  }
  if (fields.has('verified_type')) {
    rendered.verified_type = user.verifiedType;
  }

  return rendered;
}
