import { describe, expect, it } from 'vitest';

import { EdgeList } from './edge-list.ts';

function listOf(count: number): EdgeList {
  const list = new EdgeList();
  for (let index = 1; index <= count; index += 1) {
    list.add(`u${index}`, index * 10);
  }

  return list;
}

describe('EdgeList', () => {
  it('pages newest first', () => {
    const page = listOf(5).pageOlderThan(null, 2);

    expect(page.ids).toEqual(['u5', 'u4']);
    expect(page.hasNewer).toBe(false);
    expect(page.hasOlder).toBe(true);
    expect(page.newestSequence).toBe(50);
    expect(page.oldestSequence).toBe(40);
  });

  it('continues after the oldest entry shown', () => {
    const list = listOf(5);
    const page = list.pageOlderThan(40, 2);

    expect(page.ids).toEqual(['u3', 'u2']);
    expect(page.hasNewer).toBe(true);
    expect(page.hasOlder).toBe(true);
  });

  it('goes back to the entries just newer', () => {
    const list = listOf(5);
    const page = list.pageNewerThan(20, 2);

    expect(page.ids).toEqual(['u4', 'u3']);
    expect(page.hasNewer).toBe(true);
    expect(page.hasOlder).toBe(true);
  });

  it('returns an empty page past the end', () => {
    const page = listOf(3).pageOlderThan(10, 5);

    expect(page.ids).toEqual([]);
    expect(page.hasNewer).toBe(false);
    expect(page.hasOlder).toBe(false);
  });

  it('ignores a duplicate add', () => {
    const list = listOf(2);

    expect(list.add('u1', 100)).toBe(false);
    expect(list.size).toBe(2);
  });

  it('rejects a sequence number that does not grow', () => {
    const list = listOf(2);

    expect(() => list.add('u9', 20)).toThrow('edge sequence numbers must grow: got 20 after 20');
  });

  it('skips removed entries and keeps cursors valid', () => {
    const list = listOf(6);
    list.remove('u5');
    list.remove('u3');

    const first = list.pageOlderThan(null, 2);
    expect(first.ids).toEqual(['u6', 'u4']);
    const second = list.pageOlderThan(first.oldestSequence!, 2);
    expect(second.ids).toEqual(['u2', 'u1']);
    expect(second.hasOlder).toBe(false);
    expect(list.pageNewerThan(second.newestSequence!, 2).ids).toEqual(['u6', 'u4']);
  });

  it('keeps order and counts after compaction', () => {
    const list = listOf(200);
    for (let index = 1; index <= 150; index += 2) {
      list.remove(`u${index}`);
    }

    expect(list.size).toBe(125);
    expect(list.has('u1')).toBe(false);
    expect(list.has('u2')).toBe(true);
    expect(list.pageOlderThan(40, 3).ids).toEqual(['u2']);
    expect(list.pageNewerThan(1490, 3).ids).toEqual(['u152', 'u151', 'u150']);
  });

  it('lists a re-added user as newest', () => {
    const list = listOf(3);
    list.remove('u1');
    list.add('u1', 40);

    expect(list.pageOlderThan(null, 10).ids).toEqual(['u1', 'u3', 'u2']);
  });
});
