import type { HeaderList } from '../../../../../shared/api.ts';
import { describeRateLimitReset, isRateLimitHeader } from '../model/format.ts';

interface HeadersTableProps {
  headers: HeaderList;
  caption: string;
}

/** Lists headers in the order received. The x-rate-limit-* ones are highlighted, with the reset time explained. */
export function HeadersTable({ headers, caption }: HeadersTableProps) {
  if (headers.length === 0) {
    return <p className="muted">No headers.</p>;
  }

  return (
    <table className="grid grid--compact headers-table">
      <caption className="grid__caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {headers.map(([name, value], index) => {
          const rateLimit = isRateLimitHeader(name);
          const reset = name.toLowerCase() === 'x-rate-limit-reset' ? describeRateLimitReset(value, new Date()) : null;
          return (
            <tr key={index} className={rateLimit ? 'headers-table__rate-limit' : undefined}>
              <th scope="row">
                <code>{name}</code>
                {rateLimit ? <span className="badge badge--rate-limit">rate limit</span> : null}
              </th>
              <td>
                <code className="break-all">{value}</code>
                {reset === null ? null : <span className="muted"> ({reset})</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
