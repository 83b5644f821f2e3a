import { ApiError } from '../../../lib/api-error.ts';
import { SentRequestView } from './SentRequestView.tsx';

/** Shows an error from the workbench server, which rejected the request before X or could not reach X. */
export function ApiErrorView({ error }: { error: Error }) {
  const detail = error instanceof ApiError ? error.detail : null;

  return (
    <div className="api-error">
      <div role="alert" className="notice notice--error">
        <strong className="notice__title">{describeErrorTitle(error)}</strong>
        <p className="notice__message">{error.message}</p>
      </div>
      <dl className="facts">
        {error instanceof ApiError && error.status !== 0 ? (
          <>
            <dt>Workbench status</dt>
            <dd>{error.status}</dd>
          </>
        ) : null}
        {detail === null ? null : (
          <>
            <dt>Code</dt>
            <dd>
              <code>{detail.code}</code>
            </dd>
          </>
        )}
        {detail?.field === undefined ? null : (
          <>
            <dt>Field</dt>
            <dd>
              <code>{detail.field}</code>
            </dd>
          </>
        )}
        {detail?.target === undefined ? null : (
          <>
            <dt>Target</dt>
            <dd>
              <code className="break-all">{detail.target}</code>
            </dd>
          </>
        )}
      </dl>
      {detail?.request === undefined ? null : (
        <>
          <h3 className="subheading">Request that was about to be sent</h3>
          <SentRequestView request={detail.request} />
        </>
      )}
    </div>
  );
}

function describeErrorTitle(error: Error): string {
  if (!(error instanceof ApiError)) {
    return 'The request failed in the browser';
  }
  if (error.status === 0) {
    return 'The workbench server could not be reached';
  }
  if (error.code === 'upstream_unreachable') {
    return 'The workbench server could not reach X';
  }
  if (error.code === 'upstream_timeout') {
    return 'X did not answer in time';
  }

  return 'The workbench server did not send the request';
}
