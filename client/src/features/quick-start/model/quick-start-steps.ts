import type { EnvironmentView, SendResult } from '../../../../../shared/api.ts';
import { authenticatedUserIdFor, type AuthType } from '../../../../../shared/auth-types.ts';
import { USER_ID_PATTERN } from '../../../../../shared/ids.ts';

/**
 * The four steps of X's manage-follows quick start, then unfollow, each checked off from the page's
 * real state: the selected request, the environment's credentials, the follow body and the last
 * responses. Clicking through the panel checks nothing off.
 */

export type QuickStartStepId = 'pick-request' | 'authenticate' | 'who-follows-whom' | 'send-follow' | 'unfollow';

export interface QuickStartStep {
  id: QuickStartStepId;
  title: string;
  done: boolean;
  /** The state behind `done`, or what is missing. */
  detail: string;
}

export interface QuickStartState {
  selectedRequestId: string;
  environment: EnvironmentView | null;
  /** The auth type that the follow request uses now. */
  followAuthType: AuthType;
  /** target_user_id of the follow body as typed, or null when the body has none. */
  followTarget: string | null;
  followResult: SendResult | null;
  unfollowResult: SendResult | null;
}

export function computeQuickStartSteps(state: QuickStartState): QuickStartStep[] {
  const myId = state.environment === null ? null : authenticatedUserIdFor(state.environment, state.followAuthType);

  return [
    {
      id: 'pick-request',
      title: 'Pick the request "Follow a user ID"',
      done: state.selectedRequestId === 'follow' || state.followResult !== null,
      detail: 'It sends POST /2/users/:id/following.',
    },
    checkAuthentication(state),
    checkWhoFollowsWhom(state, myId),
    checkFollowSent(state.followResult),
    checkUnfollowSent(state.unfollowResult),
  ];
}

function checkAuthentication(state: QuickStartState): QuickStartStep {
  const step = { id: 'authenticate' as const, title: 'Authenticate with OAuth 1.0a or OAuth 2.0' };
  const environment = state.environment;
  if (environment === null) {
    return { ...step, done: false, detail: 'Pick an environment: X Sandbox has keys already.' };
  }
  if (state.followAuthType === 'app-only') {
    return { ...step, done: false, detail: 'An app-only bearer token acts as no user, so it cannot follow. Pick OAuth 1.0a or OAuth 2.0.' };
  }
  if (state.followAuthType === 'oauth2') {
    return environment.oauth2 === null
      ? { ...step, done: false, detail: `Nobody is signed in with OAuth 2.0 in ${environment.name}: press Authorize on the Authorization tab.` }
      : { ...step, done: true, detail: `Signed in with OAuth 2.0 as @${environment.oauth2.username} in ${environment.name}.` };
  }

  const unset = ['consumer_key', 'consumer_secret', 'access_token', 'token_secret'].filter(
    (key) => !environment.variables.some((variable) => variable.key === key && variable.set && variable.enabled),
  );
  if (unset.length > 0) {
    return { ...step, done: false, detail: `${environment.name} lacks ${unset.join(', ')}: open Manage environments.` };
  }

  return { ...step, done: true, detail: `${environment.name} has the four OAuth 1.0a keys and tokens.` };
}

function checkWhoFollowsWhom(state: QuickStartState, myId: string | null): QuickStartStep {
  const step = { id: 'who-follows-whom' as const, title: 'Say who follows whom: your ID and the target ID' };
  if (myId === null) {
    return { ...step, done: false, detail: 'Your ID is unknown: it comes from the access token, or from "Authenticated user lookup".' };
  }
  const target = state.followTarget;
  if (target === null || !USER_ID_PATTERN.test(target)) {
    return { ...step, done: false, detail: `You are ${myId}. Enter the target's ID as target_user_id, or look it up from a username.` };
  }
  if (target === myId) {
    return { ...step, done: false, detail: 'The target is your own ID; X does not let you follow yourself.' };
  }

  return { ...step, done: true, detail: `${myId} follows ${target}.` };
}

function checkFollowSent(result: SendResult | null): QuickStartStep {
  const step = { id: 'send-follow' as const, title: 'Send it and read the response' };
  const data = readData(result);
  if (data?.following === true) {
    return { ...step, done: true, detail: '"following": true: the follow happened.' };
  }
  if (data?.pending_follow === true) {
    return { ...step, done: true, detail: '"pending_follow": true: the account is protected and must accept.' };
  }

  return {
    ...step,
    done: false,
    detail: result === null ? 'Press Send.' : `The last follow returned ${result.response.status} without a follow: read the explanation under the response.`,
  };
}

function checkUnfollowSent(result: SendResult | null): QuickStartStep {
  const step = { id: 'unfollow' as const, title: 'Unfollow with "Unfollow a user ID"' };
  if (readData(result)?.following === false) {
    return { ...step, done: true, detail: '"following": false: the follow is undone.' };
  }

  return { ...step, done: false, detail: 'Open "Unfollow a user ID", enter the same target as target_user_id and send.' };
}

function readData(result: SendResult | null): Record<string, unknown> | null {
  if (result === null || result.response.status !== 200) {
    return null;
  }
  try {
    const body: unknown = JSON.parse(result.response.body);
    const data = (body as { data?: unknown } | null)?.data;
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
