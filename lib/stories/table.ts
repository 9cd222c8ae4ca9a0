// Stories as the index and the engine hold them: by article number (the
// position of the article in the index), not by id, so that a collector can
// ask "which story is this match in" with one array read per match.
import type { Story } from './detect';

export interface StoryTable {
  /** storyOf[doc] is the story number of article `doc`, or -1 when it is in no story (a story has two copies or more). */
  storyOf: Int32Array;
  /**
   * Story s's members are the article numbers members[offsets[s] .. offsets[s + 1]),
   * representative first (the earliest dated copy), then by date and id.
   */
  offsets: Uint32Array;
  members: Uint32Array;
}

/** The table for `stories` over an index of `docCount` articles; `docOf` maps an id to its article number (or -1 when absent: that member is left out, and a story left with one member is dropped). */
export function storyTable(stories: readonly Story[], docCount: number, docOf: (id: string) => number): StoryTable {
  const storyOf = new Int32Array(docCount).fill(-1);
  const offsets: number[] = [0];
  const members: number[] = [];
  for (const story of stories) {
    const docs: number[] = [];
    for (const id of story.members) {
      const d = docOf(id);
      if (d >= 0 && d < docCount && storyOf[d] === -1) docs.push(d);
    }
    if (docs.length < 2) continue;
    const s = offsets.length - 1;
    for (const d of docs) {
      storyOf[d] = s;
      members.push(d);
    }
    offsets.push(members.length);
  }
  return { storyOf, offsets: Uint32Array.from(offsets), members: Uint32Array.from(members) };
}

export function storyCount(table: StoryTable): number {
  return table.offsets.length - 1;
}

/** The article numbers of story s, representative first. */
export function storyMembers(table: StoryTable, s: number): Uint32Array {
  return table.members.subarray(table.offsets[s], table.offsets[s + 1]);
}
