import { QueryClient } from '@tanstack/react-query';

import { ApiError } from '../lib/api-error.ts';

/** Reads are retried once, and not at all when the server rejected the request (4xx). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => {
          const rejected = error instanceof ApiError && error.status >= 400 && error.status < 500;
          return !rejected && failureCount < 1;
        },
      },
      mutations: { retry: false },
    },
  });
}
