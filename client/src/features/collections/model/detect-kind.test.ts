import { describe, expect, it } from 'vitest';
import { buildTestCollection, buildTestEnvironment } from '../../../../../shared/testing/postman-builders.ts';
import { detectPostmanKind } from './detect-kind.ts';

describe('detectPostmanKind', () => {
  it('detects an environment by its values list', () => {
    expect(detectPostmanKind(JSON.stringify(buildTestEnvironment()))).toBe('environment');
  });

  it('detects a collection', () => {
    expect(detectPostmanKind(JSON.stringify(buildTestCollection()))).toBe('collection');
  });

  it('sends anything else as a collection, for the server to explain', () => {
    expect(detectPostmanKind('{"values": [], "info": {}}')).toBe('collection');
    expect(detectPostmanKind('not json')).toBe('collection');
    expect(detectPostmanKind('[1]')).toBe('collection');
  });
});
