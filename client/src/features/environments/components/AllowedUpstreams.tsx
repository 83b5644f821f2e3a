/** Lists the base URLs that the server forwards to and tells how an operator adds one. */
export function AllowedUpstreams({ allowedUpstreams }: { allowedUpstreams: string[] }) {
  return (
    <aside className="allowed-upstreams" aria-label="Allowed upstreams">
      <h3 className="subheading">Allowed upstreams</h3>
      {allowedUpstreams.length === 0 ? (
        <p className="muted">The server allows no base URL yet.</p>
      ) : (
        <ul className="allowed-upstreams__list">
          {allowedUpstreams.map((upstream) => (
            <li key={upstream}>
              <code>{upstream}</code>
            </li>
          ))}
        </ul>
      )}
      <p className="muted">
        To allow another base URL, add it to WORKBENCH_ALLOWED_UPSTREAMS (comma-separated) and restart the server.
      </p>
    </aside>
  );
}
