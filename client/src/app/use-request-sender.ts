import { useState } from 'react';

import type { SendRequest, SendResult } from '../../../shared/api.ts';
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
  const [exchanges, setExchanges] = useState<Record<string, Exchange>>({});

  const record = (exchange: Exchange) => {
    setExchanges((current) => ({ ...current, [exchange.sent.requestId]: exchange }));
  };

  const send = (payload: SendRequest) => {
    mutation.mutate(payload, {
      onSuccess: (result) => record({ sent: payload, result, error: null }),
      onError: (error) => record({ sent: payload, result: null, error }),
    });
  };

  return {
    send,
    exchanges,
    isSending: mutation.isPending,
    sendingRequestId: mutation.isPending ? (mutation.variables?.requestId ?? null) : null,
  };
}
