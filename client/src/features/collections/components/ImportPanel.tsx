import { useId, useState, type DragEvent } from 'react';

import type { EnvironmentView } from '../../../../../shared/api.ts';
import type { ImportResult } from '../../../../../shared/collections-api.ts';
import { MAX_IMPORT_BYTES } from '../../../../../shared/import-limits.ts';
import { useImportFile } from '../api/import-file.ts';
import { detectPostmanKind } from '../model/detect-kind.ts';

interface ImportPanelProps {
  /** The selected environment, offered for export. */
  environment: EnvironmentView | null;
}

interface ImportMessage {
  tone: 'success' | 'error';
  text: string;
  details: string[];
}

/** Imports Postman collection and environment files by file picker or drag and drop, and exports the selected environment. */
export function ImportPanel({ environment }: ImportPanelProps) {
  const inputId = useId();
  const importFile = useImportFile();
  const [messages, setMessages] = useState<ImportMessage[]>([]);
  const [dragging, setDragging] = useState(false);

  const importFiles = async (files: File[]) => {
    setMessages([]);
    const results: ImportMessage[] = [];
    for (const file of files) {
      results.push(await importOne(file));
    }
    setMessages(results);
  };

  const importOne = async (file: File): Promise<ImportMessage> => {
    if (file.size > MAX_IMPORT_BYTES) {
      return {
        tone: 'error',
        text: `${file.name} is ${formatMegabytes(file.size)}, larger than the import limit of ${formatMegabytes(MAX_IMPORT_BYTES)}. Import a smaller file, or split the collection in Postman.`,
        details: [],
      };
    }
    const content = await file.text();
    try {
      const result = await importFile.mutateAsync({ kind: detectPostmanKind(content), fileName: file.name, content });
      return describeResult(result);
    } catch (error) {
      return { tone: 'error', text: `Import failed: ${(error as Error).message}`, details: [] };
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void importFiles(Array.from(event.dataTransfer.files));
  };

  return (
    <section className="import-panel" aria-label="Postman files">
      <div
        className={dragging ? 'import-panel__drop import-panel__drop--active' : 'import-panel__drop'}
        data-testid="import-drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor={inputId} className="button button--small">
          Import Postman file
        </label>
        <input
          id={inputId}
          type="file"
          accept=".json,application/json"
          multiple
          className="visually-hidden"
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            event.target.value = '';
            void importFiles(files);
          }}
        />
        <p className="import-panel__hint">or drop a collection or environment file here</p>
      </div>
      {importFile.isPending ? <p role="status">Importing…</p> : null}
      {messages.map((message, index) => (
        <div key={index} role={message.tone === 'error' ? 'alert' : 'status'} className={`notice notice--${message.tone} import-panel__message`}>
          <p>{message.text}</p>
          {message.details.length === 0 ? null : (
            <ul className="import-panel__details">
              {message.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {environment === null ? null : (
        <a className="link-button" href={`/api/environments/${encodeURIComponent(environment.id)}/export`} download>
          Export environment {environment.name}
        </a>
      )}
    </section>
  );
}

function describeResult(result: ImportResult): ImportMessage {
  if (result.kind === 'collection') {
    const { collection } = result;
    return {
      tone: 'success',
      text: `Imported the collection ${collection.name} with ${collection.requestCount} requests.`,
      details: collection.warnings,
    };
  }
  const placeholders =
    result.placeholderKeys.length === 0 ? [] : [`Placeholder values were imported as unset: ${result.placeholderKeys.join(', ')}. Set them in Manage environments.`];

  return {
    tone: 'success',
    text: `Imported the environment ${result.environment.name} (base URL ${result.environment.baseUrl}).`,
    details: [...placeholders, ...result.warnings],
  };
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
