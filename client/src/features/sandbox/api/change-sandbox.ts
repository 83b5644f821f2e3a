import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { FollowDecision, SandboxTenantStatus } from '../../../../../shared/sandbox-control.ts';
import type { SandboxScenarioName } from '../../../../../shared/sandbox-scenarios.ts';
import { apiWrite } from '../../../lib/api-client.ts';
import { sandboxKeys } from './sandbox-keys.ts';

/** A change to the workspace's sandbox tenant: a scenario, a reset, or a decision on a follow request. */
export type SandboxChange =
  | { kind: 'scenario'; name: SandboxScenarioName }
  | { kind: 'reset' }
  | { kind: 'decide'; requesterId: string; targetId: string; decision: FollowDecision };

export function changeSandbox(change: SandboxChange): Promise<SandboxTenantStatus> {
  return apiWrite<SandboxTenantStatus>('POST', changePath(change), {});
}

/** Applies a change and stores the tenant state that the server returns. */
export function useChangeSandbox() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: changeSandbox,
    onSuccess: (status) => queryClient.setQueryData(sandboxKeys.status(), status),
  });
}

function changePath(change: SandboxChange): string {
  if (change.kind === 'scenario') {
    return `/api/sandbox/scenarios/${encodeURIComponent(change.name)}`;
  }
  if (change.kind === 'reset') {
    return '/api/sandbox/reset';
  }

  return `/api/sandbox/pending/${encodeURIComponent(change.requesterId)}/${encodeURIComponent(change.targetId)}/${change.decision}`;
}
