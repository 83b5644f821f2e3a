/**
 * The sandbox scenarios: presets of sandbox state that reproduce the classic failures of the X API,
 * so that a newcomer can cause each one safely. Plain data, no zod: the browser bundle imports it.
 */

export const SANDBOX_SCENARIO_NAMES = [
  'read-only-app',
  'app-not-in-project',
  'clock-skew',
  'rate-limit-nearly-spent',
  'protected-target',
  'suspended-target',
] as const;
export type SandboxScenarioName = (typeof SANDBOX_SCENARIO_NAMES)[number];

/** How far the Clock skew scenario moves the sandbox's clock ahead, in seconds: twice the 300 s it allows. */
export const CLOCK_SKEW_SECONDS = 600;

/** Requests left in every rate-limit window of the workspace after the Rate limit nearly spent scenario. */
export const NEARLY_SPENT_REMAINING = 1;

export interface SandboxScenarioInfo {
  name: SandboxScenarioName;
  label: string;
  /** The state that the scenario sets up. */
  setup: string;
  /** The request to send and the result to expect. */
  tryIt: string;
}

export const SANDBOX_SCENARIOS: readonly SandboxScenarioInfo[] = [
  {
    name: 'read-only-app',
    label: 'Read-only app',
    setup: "Sets the workspace's sandbox app to Read permission.",
    tryIt: 'Follow any user: X answers 403 oauth1-permissions.',
  },
  {
    name: 'app-not-in-project',
    label: 'App not in a Project',
    setup: "Detaches the workspace's sandbox app from its Project.",
    tryIt: 'Send any request: X answers 403 client-forbidden (client-not-enrolled).',
  },
  {
    name: 'clock-skew',
    label: 'Clock skew',
    setup: `Moves the sandbox's clock ${CLOCK_SKEW_SECONDS / 60} minutes ahead for this workspace's app.`,
    tryIt: 'Send any OAuth 1.0a request: X answers 401, and the Date header shows the moved clock.',
  },
  {
    name: 'rate-limit-nearly-spent',
    label: 'Rate limit nearly spent',
    setup: `Leaves ${NEARLY_SPENT_REMAINING} request in every rate-limit window of this workspace's user and app.`,
    tryIt: 'Send the same request twice: the second one gets 429 Too Many Requests.',
  },
  {
    name: 'protected-target',
    label: 'Protected target',
    setup: 'Clears any follow of the protected account @protected_pat.',
    tryIt: 'Follow it: pending_follow is true. Then accept or decline the request here as @protected_pat.',
  },
  {
    name: 'suspended-target',
    label: 'Suspended target',
    setup: 'Clears any follow of the suspended account @suspended_sam.',
    tryIt: 'Follow it: X answers 200 with errors[] saying the user is suspended.',
  },
];

export function isSandboxScenarioName(value: string): value is SandboxScenarioName {
  return (SANDBOX_SCENARIO_NAMES as readonly string[]).includes(value);
}
