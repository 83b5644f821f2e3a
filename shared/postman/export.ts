import { isSecretVariableKey } from '../api.ts';
import { sanitizeAuth } from './auth.ts';
import type { AuthSpec, CollectionModel, CollectionNode, KeyValueRow, RequestBody, RequestUrl, Script } from './model.ts';
import { POSTMAN_SCHEMA_V21 } from './normalize.ts';

/**
 * Writes a workbench collection as a Postman collection v2.1.0 file. Credential fields pass
 * through `sanitizeAuth` again, so a literal value could not leave even if one had been stored,
 * and secret collection variables are written empty. Reading the file back with
 * `normalizeCollection` gives the same model.
 */

type JsonObject = Record<string, unknown>;

export function exportCollection(model: CollectionModel): JsonObject {
  return {
    info: {
      ...(model.postmanId === null ? {} : { _postman_id: model.postmanId }),
      name: model.name,
      description: model.description,
      schema: POSTMAN_SCHEMA_V21,
    },
    item: model.items.map(exportNode),
    ...exportAuth(model.auth),
    ...exportEvents(model.scripts),
    variable: model.variables.map((variable) => ({
      key: variable.key,
      value: isSecretVariableKey(variable.key) ? '' : variable.value,
      ...(variable.description === '' ? {} : { description: variable.description }),
      ...(variable.enabled ? {} : { disabled: true }),
    })),
  };
}

function exportNode(node: CollectionNode): JsonObject {
  const common = {
    name: node.name,
    ...(node.postmanId === null ? {} : { id: node.postmanId }),
    ...exportEvents(node.scripts),
  };
  if (node.kind === 'folder') {
    return { ...common, description: node.description, item: node.items.map(exportNode), ...exportAuth(node.auth) };
  }

  return {
    ...common,
    request: {
      method: node.method,
      header: node.headers.map(exportRow),
      ...exportBody(node.body),
      url: exportUrl(node.url),
      ...exportAuth(node.auth),
      description: node.description,
    },
    response: [],
  };
}

function exportRow(row: KeyValueRow): JsonObject {
  return {
    key: row.key,
    value: row.value,
    ...(row.description === '' ? {} : { description: row.description }),
    ...(row.enabled ? {} : { disabled: true }),
  };
}

function exportBody(body: RequestBody | null): JsonObject {
  if (body === null) {
    return {};
  }
  if (body.mode === 'unsupported') {
    return { body: { mode: body.postmanMode } };
  }

  return { body: { mode: 'raw', raw: body.raw, ...(body.language === null ? {} : { options: { raw: { language: body.language } } }) } };
}

/** Writes the URL object with `raw` and the parts Postman also reads: protocol, host, port and path. */
function exportUrl(url: RequestUrl): JsonObject {
  const match = /^(?:([A-Za-z][A-Za-z0-9+.-]*):\/\/)?([^/?#]*)([^?#]*)/.exec(url.raw)!;
  const [, protocol, authority = '', path = ''] = match;
  const portMatch = /^(.*):([0-9]+)$/.exec(authority);
  const host = portMatch ? portMatch[1]! : authority;

  return {
    raw: url.raw,
    ...(protocol === undefined ? {} : { protocol }),
    host: host.startsWith('{{') ? [host] : host.split('.'),
    ...(portMatch ? { port: portMatch[2] } : {}),
    path: path.split('/').filter((segment, index) => !(index === 0 && segment === '')),
    query: url.query.map(exportRow),
    ...(url.pathVariables.length === 0
      ? {}
      : {
          variable: url.pathVariables.map((variable) => ({
            key: variable.key,
            value: variable.value,
            ...(variable.description === '' ? {} : { description: variable.description }),
          })),
        }),
  };
}

function exportAuth(auth: AuthSpec | null): JsonObject {
  if (auth === null) {
    return {};
  }
  const safe = sanitizeAuth(auth, 'export').auth;
  if (safe.type === 'noauth') {
    return { auth: { type: 'noauth' } };
  }

  return {
    auth: {
      type: safe.type,
      [safe.type]: safe.params.map((param) => ({
        key: param.key,
        value: param.value,
        type: postmanValueType(param.value),
      })),
    },
  };
}

function postmanValueType(value: unknown): string {
  if (typeof value === 'boolean' || typeof value === 'number') {
    return typeof value;
  }

  return 'string';
}

function exportEvents(scripts: Script[]): JsonObject {
  if (scripts.length === 0) {
    return {};
  }

  return { event: scripts.map((script) => ({ listen: script.listen, script: { type: 'text/javascript', exec: script.lines } })) };
}
