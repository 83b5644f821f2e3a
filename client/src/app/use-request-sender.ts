import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import type { SendRequest, SendResult } from '../../../shared/api.ts';
import { historyKeys } from '../features/history/api/history.ts';
import { useSendRequest } from '../features/requests/api/send-request.ts';

/** One send and what came back: a SendResult, or the error that stopped it before or at X. */
export interface Exchange {
  sent: SendRequest;
  result: SendResult | null;
  error: Error | null;
}

/**
 * Sends requests and keeps the last exchange of each request, so that switching requests in the
 * sidebar shows each one's own response, as Postman's tabs do. Kept in memory only.
 */
export function useRequestSender() {
  const mutation = useSendRequest();
  const queryClient = useQueryClient();
  const [exchanges, setExchanges] = useState<Record<string, Exchange>>({});

  const record = (exchange: Exchange) => {
    setExchanges((current) => ({ ...current, [exchangeKey(exchange.sent)]: exchange }));
  };

  // Every send, failed ones included, adds a history entry on the server.
  const send = (payload: SendRequest) => {
    mutation.mutate(payload, {
      onSuccess: (result) => record({ sent: payload, result, error: null }),
      onError: (error) => record({ sent: payload, result: null, error }),
      onSettled: () => queryClient.invalidateQueries({ queryKey: historyKeys.all }),
    });
  };

  return {
    send,
    exchanges,
    isSending: mutation.isPending,
    sendingRequestId: mutation.isPending && mutation.variables !== undefined ? exchangeKey(mutation.variables) : null,
  };
}

/** Key of a request's last exchange: the built-in request ID, or the collection and item of an imported one. */
export function exchangeKey(sent: Pick<SendRequest, 'requestId' | 'collectionId'>): string {
  return sent.collectionId === undefined ? sent.requestId : `${sent.collectionId}/${sent.requestId}`;
}
