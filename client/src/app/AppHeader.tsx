import type { UseQueryResult } from '@tanstack/react-query';

import type { EnvironmentView, SessionInfo } from '../../../shared/api.ts';
import { EnvironmentPicker } from '../features/environments/components/EnvironmentPicker.tsx';

interface AppHeaderProps {
  session: SessionInfo;
  environments: UseQueryResult<EnvironmentView[]>;
  selected: EnvironmentView | null;
  onSelect: (environmentId: string) => void;
  onManage: () => void;
  onQuickStart: () => void;
  /** Opens the sandbox scenarios; absent unless the selected environment is the sandbox. */
  onSandboxScenarios?: (() => void) | undefined;
}

export function AppHeader({ session, environments, selected, onSelect, onManage, onQuickStart, onSandboxScenarios }: AppHeaderProps) {
  return (
    <header className="app-header">
      <h1 className="app-header__title">X API Workbench</h1>
      {session.mode === 'team' ? (
        <span className="badge badge--team">Team mode</span>
      ) : null}
      <div className="app-header__environment">
        <EnvironmentPicker environments={environments} selected={selected} onSelect={onSelect} />
        <button type="button" className="button" onClick={onManage}>
          Manage environments
        </button>
        {onSandboxScenarios === undefined ? null : (
          <button type="button" className="button" onClick={onSandboxScenarios}>
            Sandbox scenarios
          </button>
        )}
        <button type="button" className="button" onClick={onQuickStart}>
          Quick start
        </button>
      </div>
    </header>
  );
}
