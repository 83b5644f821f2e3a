import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

import type { SandboxTenantStatus } from '../../../../../shared/sandbox-control.ts';
import { SANDBOX_SCENARIOS } from '../../../../../shared/sandbox-scenarios.ts';
import type { PageActions } from '../../../app/page-actions.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { useChangeSandbox } from '../api/change-sandbox.ts';
import { useSandboxStatus } from '../api/get-sandbox-status.ts';
import { sandboxKeys } from '../api/sandbox-keys.ts';
import './sandbox-scenarios.css';

interface SandboxScenariosPanelProps {
  /** Puts a scenario's target account into the follow body. */
  page: PageActions;
  /** Changes with every send, which may add or end a pending follow request, so the state is read again. */
  sends: unknown;
  onClose: () => void;
}

/**
 * Lets a newcomer cause each classic failure in the sandbox of this workspace, accept or decline a
 * follow request as the protected account, and reset. Loaded on first use.
 */
export default function SandboxScenariosPanel({ page, sends, onClose }: SandboxScenariosPanelProps) {
  const onUseTarget = (userId: string) => {
    page.selectRequest('follow');
    page.dispatch({ type: 'set-body-target', value: userId });
    page.dispatch({ type: 'select-tab', tab: 'body' });
  };
  const status = useSandboxStatus();
  const change = useChangeSandbox();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const queryClient = useQueryClient();
  const seenSends = useRef(sends);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  useEffect(() => {
    if (seenSends.current === sends) {
      return;
    }
    seenSends.current = sends;
    void queryClient.invalidateQueries({ queryKey: sandboxKeys.status() });
  }, [sends, queryClient]);

  return (
    <aside className="sandbox-scenarios" aria-labelledby="sandbox-scenarios-heading">
      <div className="sandbox-scenarios__header">
        <h2 id="sandbox-scenarios-heading" ref={headingRef} tabIndex={-1}>
          Sandbox scenarios
        </h2>
        <button type="button" className="button button--small" onClick={onClose}>
          Close sandbox scenarios
        </button>
      </div>
      <p className="muted">
        Each scenario sets up this workspace&apos;s sandbox to reproduce one classic X API failure. Applying one undoes the previous one.
      </p>

      {status.isPending ? <p role="status">Loading the sandbox state…</p> : null}
      {status.error ? <ErrorNotice title="The sandbox state could not be read" message={status.error.message} /> : null}
      {change.error ? <ErrorNotice title="The sandbox did not change" message={change.error.message} /> : null}
      {status.data === undefined ? null : <StateSummary status={status.data} onUseTarget={onUseTarget} />}

      <ul className="sandbox-scenarios__list">
        {SANDBOX_SCENARIOS.map((scenario) => (
          <li key={scenario.name} className="sandbox-scenarios__item">
            <button
              type="button"
              className="button button--small"
              aria-pressed={status.data?.scenario === scenario.name}
              disabled={change.isPending}
              onClick={() => change.mutate({ kind: 'scenario', name: scenario.name })}
            >
              {scenario.label}
            </button>
            <span>
              {scenario.setup} {scenario.tryIt}
            </span>
          </li>
        ))}
      </ul>

      {status.data === undefined || status.data.pendingRequests.length === 0 ? null : (
        <>
          <h3>Pending follow requests</h3>
          <ul className="sandbox-scenarios__list" aria-label="Pending follow requests">
            {status.data.pendingRequests.map((request) => {
              const as = `@${request.target.username}`;
              const decide = (decision: 'accept' | 'decline') =>
                change.mutate({ kind: 'decide', requesterId: request.requesterId, targetId: request.target.id, decision });
              return (
                <li key={request.target.id} className="sandbox-scenarios__item">
                  <span>
                    To {as} ({request.target.id})
                  </span>
                  <button type="button" className="button button--small" disabled={change.isPending} onClick={() => decide('accept')}>
                    Accept as {as}
                  </button>
                  <button type="button" className="button button--small" disabled={change.isPending} onClick={() => decide('decline')}>
                    Decline as {as}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}

      <button type="button" className="button button--danger-outline" disabled={change.isPending} onClick={() => change.mutate({ kind: 'reset' })}>
        Reset sandbox
      </button>
    </aside>
  );
}

function StateSummary({ status, onUseTarget }: { status: SandboxTenantStatus; onUseTarget: (userId: string) => void }) {
  const active = SANDBOX_SCENARIOS.find((scenario) => scenario.name === status.scenario);
  const facts = [
    `app ${status.appPermission === 'read' ? 'Read only' : 'Read and write'}`,
    status.projectAttached ? 'in a Project' : 'not in a Project',
    status.clockOffsetSeconds === 0 ? 'clock in sync' : `clock moved ${status.clockOffsetSeconds} s ahead`,
  ];

  return (
    <div className="sandbox-scenarios__state">
      <p role="status" aria-label="Sandbox state">
        {active === undefined ? 'No scenario: the sandbox is as seeded' : `Scenario: ${active.label}`} ({facts.join(', ')}). You are @
        {status.user.username} ({status.user.id}).
      </p>
      {status.target === null ? null : (
        <p>
          Target: @{status.target.username} ({status.target.id}){' '}
          <button type="button" className="button button--small" onClick={() => onUseTarget(status.target!.id)}>
            Use @{status.target.username} as target_user_id
          </button>
        </p>
      )}
    </div>
  );
}
