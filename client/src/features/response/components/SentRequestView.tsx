import type { SentRequest } from '../../../../../shared/api.ts';
import { MethodBadge } from '../../../components/MethodBadge.tsx';
import { HeadersTable } from './HeadersTable.tsx';

/** Shows the request as the server reports sending it, with the Authorization header's secrets redacted by the server. */
export function SentRequestView({ request }: { request: SentRequest }) {
  return (
    <div className="sent-request">
      <p className="sent-request__line">
        <MethodBadge method={request.method} /> <code className="break-all" aria-label="Sent URL">{request.url}</code>
      </p>
      <HeadersTable headers={request.headers} caption="Request headers" />
      <h3 className="subheading">Body</h3>
      {request.body === null ? (
        <p className="muted">No body.</p>
      ) : (
        <pre className="code" aria-label="Sent body">
          {request.body}
        </pre>
      )}
    </div>
  );
}
