/** Query keys for the workspace's sandbox tenant. Every sandbox mutation writes the returned state under `status`. */
export const sandboxKeys = {
  all: ['sandbox'] as const,
  status: () => [...sandboxKeys.all, 'status'] as const,
};
