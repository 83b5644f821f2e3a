/**
 * The workbench's own model of an imported collection: folders and requests as Postman defines
 * them, reduced to what the workbench shows, sends and exports. Plain types, no zod: the browser
 * bundle imports this file. Credential fields of an auth never hold a value, only a `{{variable}}`
 * reference or nothing, so a stored or exported collection contains no secret.
 */

export type AuthParamValue = string | number | boolean | null;

export interface AuthParam {
  key: string;
  value: AuthParamValue;
}

/**
 * An authorization as Postman writes it: `type` is Postman's name ("oauth1", "bearer", "oauth2",
 * "noauth", or another type that the workbench keeps without its parameters).
 */
export interface AuthSpec {
  type: string;
  params: AuthParam[];
}

export interface PathVariable {
  key: string;
  value: string;
  description: string;
}

export interface KeyValueRow {
  key: string;
  value: string;
  description: string;
  enabled: boolean;
}

export type RequestBody =
  | { mode: 'raw'; raw: string; language: string | null }
  /** A body mode the workbench cannot send (urlencoded, formdata, file, graphql); its content is dropped. */
  | { mode: 'unsupported'; postmanMode: string };

/** A Postman script, kept as inert text: the workbench never runs it. */
export interface Script {
  listen: string;
  lines: string[];
}

export interface RequestUrl {
  /** The URL as written in the collection, `{{variables}}`, `:path` variables and query included. */
  raw: string;
  pathVariables: PathVariable[];
  query: KeyValueRow[];
}

export interface CollectionRequest {
  kind: 'request';
  /** Position in the collection, such as "2.0" for the first item of the third top-level item. */
  id: string;
  /** The item's ID in Postman, kept for export; null when the file had none. */
  postmanId: string | null;
  name: string;
  description: string;
  method: string;
  url: RequestUrl;
  headers: KeyValueRow[];
  body: RequestBody | null;
  /** The request's own authorization; null inherits the folder's or the collection's. */
  auth: AuthSpec | null;
  scripts: Script[];
  /** What the scripts would have done and what to do instead; null when there are none. */
  scriptNote: string | null;
}

export interface CollectionFolder {
  kind: 'folder';
  id: string;
  postmanId: string | null;
  name: string;
  description: string;
  auth: AuthSpec | null;
  scripts: Script[];
  scriptNote: string | null;
  items: CollectionNode[];
}

export type CollectionNode = CollectionFolder | CollectionRequest;

export interface CollectionModel {
  postmanId: string | null;
  name: string;
  description: string;
  auth: AuthSpec | null;
  scripts: Script[];
  scriptNote: string | null;
  /** Collection variables; secret ones are kept with an empty value. */
  variables: KeyValueRow[];
  items: CollectionNode[];
}

/** Where a request's authorization comes from after Postman's inheritance. */
export interface EffectiveAuth {
  /** null means no authorization at all: nothing on the request, its folders or the collection. */
  auth: AuthSpec | null;
  /** Name of the folder or collection the auth is inherited from; null when the request has its own. */
  inheritedFrom: string | null;
}

/** A request with the folders above it, outermost first. */
export interface LocatedRequest {
  request: CollectionRequest;
  folders: CollectionFolder[];
}

/** Finds a request by its ID, with the folders it sits in. */
export function findRequest(model: CollectionModel, id: string): LocatedRequest | null {
  const search = (nodes: CollectionNode[], folders: CollectionFolder[]): LocatedRequest | null => {
    for (const node of nodes) {
      if (node.kind === 'request' && node.id === id) {
        return { request: node, folders };
      }
      if (node.kind === 'folder' && (id === node.id || id.startsWith(`${node.id}.`))) {
        const found = search(node.items, [...folders, node]);
        if (found) {
          return found;
        }
      }
    }

    return null;
  };

  return search(model.items, []);
}

/** Lists every request of the collection in order, each with its folders. */
export function listRequests(model: CollectionModel): LocatedRequest[] {
  const found: LocatedRequest[] = [];
  const walk = (nodes: CollectionNode[], folders: CollectionFolder[]) => {
    for (const node of nodes) {
      if (node.kind === 'request') {
        found.push({ request: node, folders });
      } else {
        walk(node.items, [...folders, node]);
      }
    }
  };
  walk(model.items, []);

  return found;
}

/** Applies Postman's inheritance: the nearest auth on the request, its folders (innermost first), then the collection. */
export function effectiveAuth(model: CollectionModel, located: LocatedRequest): EffectiveAuth {
  if (located.request.auth !== null) {
    return { auth: located.request.auth, inheritedFrom: null };
  }
  for (const folder of [...located.folders].reverse()) {
    if (folder.auth !== null) {
      return { auth: folder.auth, inheritedFrom: folder.name };
    }
  }
  if (model.auth !== null) {
    return { auth: model.auth, inheritedFrom: model.name };
  }

  return { auth: null, inheritedFrom: null };
}
