import type { SignatureParameter, SignatureView } from '../../../../../shared/api.ts';
import './explain.css';

/**
 * The signature inspector: how the OAuth 1.0a signature of this send was made, in the order of
 * RFC 5849 section 3.4 and X's "Creating a signature". The server builds every step from the code
 * that signed the request. Loaded on first use.
 */
export default function SignatureSteps({ signature }: { signature: SignatureView }) {
  return (
    <div className="signature-steps" aria-label="Signature steps">
      <p className="signature-steps__note">
        The consumer key and access token are secrets in the workbench, so every step shows them masked, as{' '}
        <code>[consumer key {signature.consumerKeyHint ?? ''}]</code> and <code>[access token {signature.tokenHint ?? ''}]</code>. The
        secrets, the real signature and the unmasked strings stay on the server.
      </p>

      <h4>1. Method and base URL</h4>
      <pre className="signature-steps__string" aria-label="Signed method and base URL">
        {signature.method} {signature.baseUrl}
      </pre>

      <h4>2. Collected parameters: the query, then the oauth_* parameters</h4>
      <ParameterTable caption="Collected parameters" parameters={signature.collected} encoded={false} />

      <h4>3. Percent-encoded and sorted by key, then value</h4>
      <ParameterTable caption="Encoded and sorted parameters" parameters={signature.sorted} encoded />

      <h4>4. Parameter string: key=value pairs joined with &amp;</h4>
      <pre className="signature-steps__string" aria-label="Parameter string">
        {signature.parameterString}
      </pre>

      <h4>5. Signature base string: method &amp; encoded base URL &amp; encoded parameter string</h4>
      <pre className="signature-steps__string" aria-label="Signature base string">
        {signature.baseString}
      </pre>

      <h4>6. Signing key: HMAC-SHA1 with</h4>
      <pre className="signature-steps__string" aria-label="Signing key shape">
        {signature.signingKeyShape}
      </pre>

      <h4>7. Authorization header (credentials and signature redacted)</h4>
      <pre className="signature-steps__string" aria-label="Signed Authorization header">
        {signature.authorization}
      </pre>
    </div>
  );
}

function ParameterTable({ caption, parameters, encoded }: { caption: string; parameters: SignatureParameter[]; encoded: boolean }) {
  return (
    <table aria-label={caption}>
      <thead>
        <tr>
          <th scope="col">Source</th>
          <th scope="col">Key</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {parameters.map((parameter, index) => (
          <tr key={`${parameter.key}-${index}`}>
            <td>{parameter.source}</td>
            <td>{encoded ? parameter.encodedKey : parameter.key}</td>
            <td>{encoded ? parameter.encodedValue : parameter.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
