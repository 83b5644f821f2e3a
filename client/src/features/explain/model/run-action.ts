import type { ExplainAction } from '../../../../../shared/explain/types.ts';
import type { PageActions } from '../../../app/page-actions.ts';

/** Runs an action that an explanation offers. Links to the developer portal are plain links and need nothing here. */
export function runExplainAction(action: ExplainAction, page: PageActions): void {
  switch (action.kind) {
    case 'use-my-id':
      putMyId(action.field, action.userId, page);
      return;
    case 'switch-auth':
      page.dispatch({ type: 'set-auth-type', authType: action.authType });
      page.dispatch({ type: 'select-tab', tab: 'authorization' });
      return;
    case 'open-environment':
      page.openEnvironment();
      return;
    case 'open-sandbox-scenarios':
      page.openScenarios();
      return;
    case 'open-portal-url':
      return;
  }
}

/** Puts the authenticated user's ID into the field that X rejected, on the tab that shows it. */
function putMyId(field: string, userId: string, page: PageActions): void {
  if (field.startsWith('pathVariables.')) {
    page.dispatch({ type: 'set-path-variable', key: field.slice('pathVariables.'.length), value: userId });
    page.dispatch({ type: 'select-tab', tab: 'params' });
    return;
  }
  if (field === 'body.target_user_id') {
    page.dispatch({ type: 'set-body-target', value: userId });
    page.dispatch({ type: 'select-tab', tab: 'body' });
  }
}
