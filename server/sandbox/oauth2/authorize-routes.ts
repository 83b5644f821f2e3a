/**
 * `GET /i/oauth2/authorize` shows the consent page, and `POST /i/oauth2/authorize` receives its form.
 * The POST redirects to the client with a code, or with `error=access_denied` when the user cancels.
 */
import express, { type Express, type Request, type Response } from 'express';

import { isFormEncoded, rawQuery } from '../auth.ts';
import { parseFormEncoded, PercentDecodingError, type Parameter } from '../percent-encoding.ts';
import { PORTAL_CSP } from '../portal.ts';
import type { SandboxState } from '../state.ts';

import {
  authorizationRequestKey,
  buildRedirectLocation,
  validateAuthorizationRequest,
  type AuthorizationRequest,
} from './authorize-request.ts';
import { CONSENT_FIELDS, renderAuthorizeErrorPage, renderConsentPage, type ConsentUser } from './consent-page.ts';

export const AUTHORIZE_PATH = '/i/oauth2/authorize';

/** The consent form carries the authorization request and three fields, so 16 KiB leaves room for a 500-character state. */
const MAX_FORM_BYTES = 16_384;

export function mountAuthorizeRoutes(app: Express, state: SandboxState): void {
  app.get(AUTHORIZE_PATH, (request, response) => {
    const parameters = parseParameters(rawQuery(request));
    if (!parameters) {
      showError(response, state, 400, 'The query string has invalid percent-encoding. Encode each parameter value with encodeURIComponent.');
      return;
    }

    const validation = validateAuthorizationRequest(parameters, state.oauth2.clients);
    if (validation.outcome !== 'valid') {
      answerInvalid(response, state, validation);
      return;
    }

    const consentToken = state.oauth2.consents.issue(authorizationRequestKey(validation.request));
    setPageHeaders(response);
    response.status(200).type('html').send(renderConsentPage(validation.request, listConsentUsers(state), consentToken));
  });

  app.post(AUTHORIZE_PATH, express.raw({ type: () => true, limit: MAX_FORM_BYTES }), (request, response) => {
    const crossSite = describeCrossSiteRequest(request);
    if (crossSite) {
      showError(response, state, 403, crossSite);
      return;
    }
    if (!isFormEncoded(request)) {
      showError(response, state, 415, 'The consent form must be sent as application/x-www-form-urlencoded.');
      return;
    }
    const parameters = parseParameters(Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '');
    if (!parameters) {
      showError(response, state, 400, 'The form body has invalid percent-encoding.');
      return;
    }

    const validation = validateAuthorizationRequest(parameters, state.oauth2.clients);
    if (validation.outcome !== 'valid') {
      answerInvalid(response, state, validation);
      return;
    }
    const fields = new Map(parameters);
    const decision = fields.get(CONSENT_FIELDS.decision);
    if (decision !== 'approve' && decision !== 'deny') {
      showError(response, state, 400, `The form field decision must be approve or deny; got ${JSON.stringify(decision ?? '')}.`);
      return;
    }
    const userId = fields.get(CONSENT_FIELDS.userId) ?? '';
    if (decision === 'approve' && !listConsentUsers(state).some((user) => user.id === userId)) {
      showError(response, state, 400, `The form field user_id must be the ID of a sandbox user who is not suspended; got ${JSON.stringify(userId)}.`);
      return;
    }
    const consent = state.oauth2.consents.take(fields.get(CONSENT_FIELDS.consentToken) ?? '', authorizationRequestKey(validation.request));
    if (consent !== 'valid') {
      state.logger.info({ reason: consent, clientId: validation.request.clientId }, 'consent form rejected');
      showError(response, state, 400, 'This consent page expired, was already used or was changed. Start signing in again from the app.');
      return;
    }

    if (decision === 'deny') {
      redirect(response, validation.request.redirectUri, {
        error: 'access_denied',
        error_description: 'The user cancelled the authorization.',
        state: validation.request.state,
      });
      return;
    }
    const code = issueCode(state, validation.request, userId);
    redirect(response, validation.request.redirectUri, { state: validation.request.state, code });
  });
}

function issueCode(state: SandboxState, request: AuthorizationRequest, userId: string): string {
  const grants = state.oauth2.grants;

  return grants.issueCode({
    grant: grants.newGrant(request.clientId, userId, request.scopes),
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    codeChallengeMethod: request.codeChallengeMethod,
  });
}

/** Lists the users who can sign in: every named user except suspended ones. */
function listConsentUsers(state: SandboxState): ConsentUser[] {
  return state.graph
    .listNamedUsers()
    .filter((user) => !user.suspended)
    .map((user) => ({ id: user.id, username: user.username, name: user.name }));
}

function answerInvalid(response: Response, state: SandboxState, validation: Exclude<ReturnType<typeof validateAuthorizationRequest>, { outcome: 'valid' }>): void {
  if (validation.outcome === 'show_error') {
    showError(response, state, 400, validation.message);
    return;
  }
  state.logger.info({ error: validation.error, description: validation.description }, 'authorization request rejected');
  redirect(response, validation.redirectUri, { error: validation.error, error_description: validation.description, state: validation.state });
}

function showError(response: Response, state: SandboxState, status: number, message: string): void {
  state.logger.info({ status, detail: message }, 'authorization request rejected without redirect');
  setPageHeaders(response);
  response.status(status).type('html').send(renderAuthorizeErrorPage(message));
}

function redirect(response: Response, redirectUri: string, parameters: Record<string, string | undefined>): void {
  response.set('referrer-policy', 'no-referrer');
  response.redirect(302, buildRedirectLocation(redirectUri, parameters));
}

/**
 * Sets the page's security headers. The referrer policy is same-origin rather than no-referrer,
 * because under no-referrer browsers send `Origin: null` on the form's POST, which the origin check
 * would reject. The callback still gets no Referer with the page's query.
 */
function setPageHeaders(response: Response): void {
  response.set('content-security-policy', PORTAL_CSP);
  response.set('x-frame-options', 'DENY');
  response.set('referrer-policy', 'same-origin');
}

/**
 * Returns why a form POST looks cross-site, or null. The consent token already stops forged posts,
 * and this check names the cause. Browsers send Origin on form posts, and Sec-Fetch-Site where supported.
 */
function describeCrossSiteRequest(request: Request): string | null {
  const origin = request.headers.origin;
  const ownOrigin = `http://${request.headers.host ?? ''}`;
  if (origin !== undefined && origin.toLowerCase() !== ownOrigin.toLowerCase()) {
    return `The consent form was sent from another origin (${origin}). Use the form on the sandbox's own page.`;
  }
  if (request.headers['sec-fetch-site'] === 'cross-site') {
    return "The consent form was sent from another site. Use the form on the sandbox's own page.";
  }

  return null;
}

function parseParameters(text: string): Parameter[] | null {
  try {
    return parseFormEncoded(text);
  } catch (error) {
    if (error instanceof PercentDecodingError) {
      return null;
    }
    throw error;
  }
}
