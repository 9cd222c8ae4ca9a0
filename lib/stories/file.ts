// The stories file of an index (layout.ts STORIES_FILE): little-endian
// uint32s, a mark, the number of stories, their offsets into the members,
// then the members (article numbers, each story's earliest copy first). The
// engine's per-article story number is derived at load, so the file holds
// each fact once.
import { type StoryTable, storyTable } from './table';

const MAGIC = 0x5453564b; // "KVST"

export function encodeStories(groups: readonly (readonly number[])[]): Uint8Array {
  const members = groups.reduce((n, g) => n + g.length, 0);
  const out = new Uint32Array(2 + groups.length + 1 + members);
  out[0] = MAGIC;
  out[1] = groups.length;
  let at = 2 + groups.length + 1;
  groups.forEach((g, s) => {
    out[2 + s] = at - (2 + groups.length + 1);
    out.set(g, at);
    at += g.length;
  });
  out[2 + groups.length] = members;
  return new Uint8Array(out.buffer);
}

/** The table an index's stories file holds, for an index of `docCount` articles; throws (with why) on bytes that cannot be one. */
export function decodeStories(bytes: Uint8Array, docCount: number): StoryTable {
  if (bytes.byteLength % 4 !== 0 || bytes.byteLength < 12) throw new Error(`has ${bytes.byteLength} bytes, not a stories file`);
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const u = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
  if (u[0] !== MAGIC) throw new Error('does not begin as a stories file');
  const count = u[1];
  if (3 + count > u.length) throw new Error(`claims ${count} stories in ${u.length} numbers`);
  const offsets = u.slice(2, 3 + count);
  const members = u.slice(3 + count);
  if (offsets[0] !== 0 || offsets[count] !== members.length) throw new Error(`its offsets do not span its ${members.length} members`);
  const storyOf = new Int32Array(docCount).fill(-1);
  for (let s = 0; s < count; s++) {
    if (offsets[s + 1] < offsets[s] + 2) throw new Error(`story ${s} has fewer than two copies`);
    for (let k = offsets[s]; k < offsets[s + 1]; k++) {
      const d = members[k];
      if (d >= docCount) throw new Error(`story ${s} names article ${d} of ${docCount}`);
      if (storyOf[d] !== -1) throw new Error(`article ${d} is in two stories`);
      storyOf[d] = s;
    }
  }
  return { storyOf, offsets, members };
}

/** An index without stories: every article in none. */
export function noStories(docCount: number): StoryTable {
  return storyTable([], docCount, () => -1);
}
