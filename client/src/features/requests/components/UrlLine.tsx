import type { EnvironmentView } from '../../../../../shared/api.ts';
import type { RequestDefinition } from '../../../../../shared/collection.ts';
import { MethodBadge } from '../../../components/MethodBadge.tsx';
import type { RequestDraft } from '../model/editor-state.ts';
import { previewUrl, splitUrlTemplate } from '../model/url-template.ts';

interface UrlLineProps {
  definition: RequestDefinition;
  draft: RequestDraft;
  environment: EnvironmentView | null;
  /** The ID that the server puts into an empty `id` or `source_user_id`, or null when unknown. */
  authenticatedUserId: string | null;
}

/** Shows the URL template as Postman does, with {{variables}} and :path variables marked, and the URL it resolves to. */
export function UrlLine({ definition, draft, environment, authenticatedUserId }: UrlLineProps) {
  const baseUrl = environment?.baseUrl ?? null;

  return (
    <div className="url-line">
      <MethodBadge method={definition.method} />
      <div className="url-line__text">
        <code className="url-line__template" aria-label="URL template">
          {splitUrlTemplate(definition.path).map((part, index) => (
            <span
              key={index}
              className={`url-part url-part--${part.kind}`}
              title={part.kind === 'variable' ? (baseUrl ?? 'Select an environment to set base_url') : undefined}
            >
              {part.text}
            </span>
          ))}
        </code>
        <span className="url-line__resolved">
          {baseUrl === null ? (
            'Select an environment to see the full URL'
          ) : (
            <>
              <span className="visually-hidden">Resolved URL: </span>
              <code aria-label="Resolved URL">{previewUrl(baseUrl, definition, draft, authenticatedUserId)}</code>
            </>
          )}
        </span>
      </div>
    </div>
  );
}
