import { useMutation } from '@tanstack/react-query';

import type { SendRequest, SendResult } from '../../../../../shared/api.ts';
import { apiWrite } from '../../../lib/api-client.ts';

/**
 * Asks the server to sign the request and forward it. Any upstream status, 4xx and 5xx included,
 * arrives as a SendResult; an ApiError means the request never reached X or was rejected before.
 */
export function sendRequest(input: SendRequest): Promise<SendResult> {
  return apiWrite<SendResult>('POST', '/api/send', input);
}

/** Sends are never retried: follow and unfollow change state on X. */
export function useSendRequest() {
  return useMutation({ mutationFn: sendRequest, retry: false });
}
