/**
 * One side of a follow list (the users that one user follows, or their followers) kept in follow
 * order, so that a page costs O(log n + page size) and never copies or sorts the whole list.
 *
 * Each edge has a sequence number that only grows, so the arrays stay sorted by it and a page can
 * start from a sequence number found by binary search. Removal leaves an empty slot (a tombstone),
 * which keeps removal O(1). The arrays are compacted when tombstones exceed a quarter of the live
 * edges. NOTE: until then, a page may also step over the tombstones in its range.
 *
 * Most users follow few accounts, so a list builds its ID-to-slot index only past
 * INDEX_THRESHOLD slots and scans its short arrays before that. This keeps 100,000 generated
 * users, each following one account, cheap to create.
 */

/** One page of user IDs, newest first, with what lies beyond it. */
export interface EdgePage {
  ids: string[];
  /** Sequence numbers of the first (newest) and last (oldest) entries; undefined for an empty page. */
  newestSequence: number | undefined;
  oldestSequence: number | undefined;
  hasNewer: boolean;
  hasOlder: boolean;
}

const INDEX_THRESHOLD = 16;

const EMPTY_PAGE: EdgePage = {
  ids: [],
  newestSequence: undefined,
  oldestSequence: undefined,
  hasNewer: false,
  hasOlder: false,
};

export class EdgeList {
  private sequences: number[] = [];
  /** User ID per slot, or undefined for a removed edge. */
  private userIds: (string | undefined)[] = [];
  /** Index from user ID to slot; null while the list is short enough to scan. */
  private slotByUserId: Map<string, number> | null = null;
  private liveCount = 0;
  private tombstones = 0;

  get size(): number {
    return this.liveCount;
  }

  has(userId: string): boolean {
    return this.findSlot(userId) !== undefined;
  }

  /** Appends the user as the newest entry; returns false when the user is already in the list. */
  add(userId: string, sequence: number): boolean {
    if (this.has(userId)) {
      return false;
    }
    const last = this.sequences.at(-1);
    if (last !== undefined && sequence <= last) {
      throw new Error(`edge sequence numbers must grow: got ${sequence} after ${last}`);
    }

    this.slotByUserId?.set(userId, this.userIds.length);
    this.userIds.push(userId);
    this.sequences.push(sequence);
    this.liveCount += 1;
    if (this.slotByUserId === null && this.userIds.length > INDEX_THRESHOLD) {
      this.slotByUserId = this.buildIndex();
    }

    return true;
  }

  /** Removes the user; returns false when the user was not in the list. */
  remove(userId: string): boolean {
    const slot = this.findSlot(userId);
    if (slot === undefined) {
      return false;
    }

    this.userIds[slot] = undefined;
    this.slotByUserId?.delete(userId);
    this.liveCount -= 1;
    this.tombstones += 1;
    if (this.tombstones > 32 && this.tombstones * 4 > this.size) {
      this.compact();
    }

    return true;
  }

  /** Returns up to `limit` entries older than `sequence` (or the newest entries when it is null), newest first. */
  pageOlderThan(sequence: number | null, limit: number): EdgePage {
    const start = sequence === null ? this.userIds.length - 1 : this.firstSlotAtOrAfter(sequence) - 1;
    const slots: number[] = [];
    for (let slot = start; slot >= 0 && slots.length < limit; slot -= 1) {
      if (this.userIds[slot] !== undefined) {
        slots.push(slot);
      }
    }

    return this.describePage(slots);
  }

  /** Returns up to `limit` entries newer than `sequence`, the ones closest to it, newest first. */
  pageNewerThan(sequence: number, limit: number): EdgePage {
    const start = this.firstSlotAtOrAfter(sequence + 1);
    const slots: number[] = [];
    for (let slot = start; slot < this.userIds.length && slots.length < limit; slot += 1) {
      if (this.userIds[slot] !== undefined) {
        slots.push(slot);
      }
    }
    slots.reverse();

    return this.describePage(slots);
  }

  /** Takes slots ordered newest first. */
  private describePage(slots: number[]): EdgePage {
    const newestSlot = slots[0];
    const oldestSlot = slots.at(-1);
    if (newestSlot === undefined || oldestSlot === undefined) {
      return EMPTY_PAGE;
    }

    return {
      ids: slots.map((slot) => this.userIds[slot]!),
      newestSequence: this.sequences[newestSlot],
      oldestSequence: this.sequences[oldestSlot],
      hasNewer: this.hasLiveSlot(newestSlot + 1, 1),
      hasOlder: this.hasLiveSlot(oldestSlot - 1, -1),
    };
  }

  private findSlot(userId: string): number | undefined {
    if (this.slotByUserId !== null) {
      return this.slotByUserId.get(userId);
    }
    const slot = this.userIds.indexOf(userId);

    return slot === -1 ? undefined : slot;
  }

  private buildIndex(): Map<string, number> {
    const index = new Map<string, number>();
    this.userIds.forEach((userId, slot) => {
      if (userId !== undefined) {
        index.set(userId, slot);
      }
    });

    return index;
  }

  private hasLiveSlot(from: number, step: 1 | -1): boolean {
    for (let slot = from; slot >= 0 && slot < this.userIds.length; slot += step) {
      if (this.userIds[slot] !== undefined) {
        return true;
      }
    }

    return false;
  }

  /** Binary search for the first slot whose sequence number is at least `sequence`. */
  private firstSlotAtOrAfter(sequence: number): number {
    let low = 0;
    let high = this.sequences.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sequences[middle]! < sequence) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }

    return low;
  }

  private compact(): void {
    const sequences: number[] = [];
    const userIds: string[] = [];
    for (let slot = 0; slot < this.userIds.length; slot += 1) {
      const userId = this.userIds[slot];
      if (userId === undefined) {
        continue;
      }
      userIds.push(userId);
      sequences.push(this.sequences[slot]!);
    }

    this.sequences = sequences;
    this.userIds = userIds;
    this.tombstones = 0;
    this.slotByUserId = userIds.length > INDEX_THRESHOLD ? this.buildIndex() : null;
  }
}
