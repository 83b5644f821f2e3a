import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import type { EnvironmentView } from '../shared/api.ts';
import type { HistoryPage } from '../shared/history.ts';

/**
 * Collects everything that could carry a secret out of the server (what the browser received and
 * kept, the server's log and data files) and searches it for known secret values.
 */

export interface Secret {
  label: string;
  value: string;
}

/** One place where a text was searched, such as "response GET /api/environments body". */
export interface Source {
  where: string;
  content: string | Buffer;
}

/** Characters at the end of a secret that the environment editor may show as a hint, such as "…x9q2". */
const HINT_LENGTH = 4;

/**
 * Returns "<secret label> in <source>" for every secret found in a source. What is searched is the secret
 * without its last 4 characters, so a leaked prefix counts too while the editor's hint does not.
 * NOTE: the search is for the bytes as typed (UTF-8). Percent-encoding and JSON escaping leave the
 * test's secrets unchanged, because they use only letters, digits and "-", but a leak in another
 * encoding, such as base64, would not be found.
 */
export function findSecrets(sources: readonly Source[], secrets: readonly Secret[]): string[] {
  const findings: string[] = [];
  for (const secret of secrets) {
    const needle = Buffer.from(secret.value.slice(0, -HINT_LENGTH), 'utf8');
    if (needle.length < 8) {
      throw new Error(`The secret ${secret.label} is too short to search for; use at least ${8 + HINT_LENGTH} characters`);
    }
    for (const source of sources) {
      const haystack = typeof source.content === 'string' ? Buffer.from(source.content, 'utf8') : source.content;
      if (haystack.includes(needle)) {
        findings.push(`${secret.label} in ${source.where}`);
      }
    }
  }

  return findings;
}

/** Records every response that reaches a browser context: URL, status, headers and body. */
export function recordResponses(context: BrowserContext): { sources(): Promise<Source[]> } {
  const pending: Array<Promise<Source[]>> = [];
  context.on('response', (response) => {
    pending.push(
      (async () => {
        const where = `response ${response.request().method()} ${response.url()} (${response.status()})`;
        const headers = await response.allHeaders();
        // A redirect or a response that the page left before it arrived has no body to read.
        const body = await response.body().catch(() => Buffer.alloc(0));

        return [
          { where: `${where} URL`, content: response.url() },
          { where: `${where} headers`, content: JSON.stringify(headers) },
          { where: `${where} body`, content: body },
        ];
      })(),
    );
  });

  return { sources: async () => (await Promise.all(pending)).flat() };
}

/**
 * Reads what the page's origin keeps in the browser: localStorage, sessionStorage, every IndexedDB
 * database and Cache Storage entry, document.cookie, and the page's DOM with the current values of
 * its form fields.
 */
export async function readBrowserState(page: Page): Promise<Source[]> {
  const state = await page.evaluate(async () => {
    const asPromise = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const readStorage = (storage: Storage) => {
      const entries: Array<[string, string | null]> = [];
      for (let index = 0; index < storage.length; index++) {
        const key = storage.key(index)!;
        entries.push([key, storage.getItem(key)]);
      }
      return JSON.stringify(entries);
    };

    const indexedDbDumps: string[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (name === undefined) {
        continue;
      }
      const database = await asPromise(indexedDB.open(name));
      for (const storeName of Array.from(database.objectStoreNames)) {
        const store = database.transaction(storeName, 'readonly').objectStore(storeName);
        const [keys, values] = await Promise.all([asPromise(store.getAllKeys()), asPromise(store.getAll())]);
        indexedDbDumps.push(JSON.stringify({ name, storeName, keys, values }));
      }
      database.close();
    }

    const cacheDumps: string[] = [];
    for (const cacheName of await caches.keys()) {
      const cache = await caches.open(cacheName);
      for (const request of await cache.keys()) {
        const cached = await cache.match(request);
        cacheDumps.push(`${cacheName} ${request.url} ${cached === undefined ? '' : await cached.text()}`);
      }
    }

    const fieldValues = Array.from(document.querySelectorAll('input, textarea, select')).map(
      (field) => (field as HTMLInputElement).value,
    );

    return {
      localStorage: readStorage(window.localStorage),
      sessionStorage: readStorage(window.sessionStorage),
      indexedDb: indexedDbDumps.join('\n'),
      cacheStorage: cacheDumps.join('\n'),
      documentCookie: document.cookie,
      dom: document.documentElement.outerHTML,
      fieldValues: JSON.stringify(fieldValues),
    };
  });

  return Object.entries(state).map(([name, content]) => ({ where: `browser ${name}`, content }));
}

/**
 * Reads, with the browser's cookies, what /api offers that the page does not show yet: the export
 * of every environment and every entry of the request history.
 */
export async function readApiViews(request: APIRequestContext): Promise<Source[]> {
  const sources: Source[] = [];
  const read = async (url: string) => {
    const response = await request.get(url);
    if (!response.ok()) {
      throw new Error(`GET ${url} failed with ${response.status()}: ${await response.text()}`);
    }
    sources.push({ where: `api GET ${url} headers`, content: JSON.stringify(response.headers()) });
    sources.push({ where: `api GET ${url} body`, content: await response.body() });
    return response.json() as Promise<unknown>;
  };

  const environments = (await read('/api/environments')) as EnvironmentView[];
  for (const environment of environments) {
    await read(`/api/environments/${environment.id}/export`);
  }
  const history = (await read('/api/history?limit=200')) as HistoryPage;
  for (const entry of history.entries) {
    await read(`/api/history/${entry.id}`);
  }

  return sources;
}

/** Reads every file below `dir` as bytes. */
export function readFilesUnder(dir: string, label: string): Source[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { where: `${label} ${path.relative(dir, file)}`, content: fs.readFileSync(file) };
    });
}
