/**
 * Tells a Postman environment file from a collection file by its top-level keys, so that one Import
 * button takes both. A file that is neither goes to the server as a collection, whose error then
 * names what is wrong with it.
 */
export function detectPostmanKind(text: string): 'collection' | 'environment' {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'collection';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'collection';
  }
  const record = value as Record<string, unknown>;

  return Array.isArray(record.values) && !('info' in record) ? 'environment' : 'collection';
}
