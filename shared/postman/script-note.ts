import type { Script } from './model.ts';

/**
 * The note shown on an item with Postman scripts. The workbench never runs a script. The one
 * script that X's collection depends on, which copies the numeric prefix of access_token into a
 * path variable, is recognised and named, because the workbench does the same by itself.
 */

const LISTENER_NAMES: Record<string, string> = { prerequest: 'pre-request', test: 'test' };

/** Returns the note for an item's scripts, or null when it has none. */
export function describeScripts(scripts: Script[], owner: 'collection' | 'folder' | 'request'): string | null {
  if (scripts.length === 0) {
    return null;
  }

  const names = scripts.map((script) => `${LISTENER_NAMES[script.listen] ?? script.listen} script`);
  const subject = `This ${owner} has a ${names.join(' and a ')}`;
  const tokenVariable = scripts.length === 1 ? tokenUserScriptVariable(scripts[0]!) : null;
  if (tokenVariable !== null) {
    return `${subject} that fills :${tokenVariable} from the access token's numeric prefix. The workbench does this itself: leave ${tokenVariable} empty.`;
  }

  return `${subject}, which the workbench does not run (scripts are never executed). Set by hand what the script would set.`;
}

/**
 * Returns the path variable that a script fills from the access token's user ID prefix, as in X's
 * collection (`pm.environment.get('access_token').split('-')` then `pm.request.url.path[…] = userId`),
 * or null for any other script.
 */
export function tokenUserScriptVariable(script: Script): string | null {
  if (script.listen !== 'prerequest') {
    return null;
  }
  const code = script.lines.join('\n');
  const readsTokenPrefix = /pm\.environment\.get\(\s*['"]access_token['"]\s*\)\.split\(\s*['"]-['"]\s*\)/.test(code);
  const target = /pm\.request\.url\.path\.indexOf\(\s*['"]:([A-Za-z_][A-Za-z0-9_]*)['"]\s*\)/.exec(code);
  const writesPath = /pm\.request\.url\.path\[[^\]]+\]\s*=/.test(code);
  if (!readsTokenPrefix || !writesPath || target === null) {
    return null;
  }

  return target[1]!;
}
