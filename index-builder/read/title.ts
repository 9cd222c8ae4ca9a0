// A title for an article that has none: the opening sentence of its lead,
// short enough for a result list.

import { splitDateline } from './dateline';

const MAX_TITLE = 110;

/**
 * The first sentence of the lead (dateline removed), up to «.» «؛» «!» «؟» «?»,
 * cut at a word boundary to at most 110 characters with «…» when cut.
 * «!», «؟» and «?» stay (they change what the title says); «.» and «؛» go.
 */
export function deriveTitle(lead: string): string {
  const text = (splitDateline(lead)?.rest ?? lead).trim();
  // A full stop between digits is a decimal point («۳.۵»), not a sentence end.
  const end = /[!?؟]|[.؛](?![0-9\u06F0-\u06F9\u0660-\u0669])/.exec(text);
  let sentence = end ? text.slice(0, end.index + (/[!?؟]/.test(end[0]) ? 1 : 0)) : text;
  // A lead that opens with a stop has no first sentence; its text will do.
  sentence = sentence.trim() || text;
  if (sentence.length <= MAX_TITLE) return sentence;

  const head = sentence.slice(0, MAX_TITLE);
  const endsOnWord = /\s/.test(sentence[MAX_TITLE]);
  const space = head.search(/\s\S*$/);
  // One unbroken 110-character run has no boundary to cut at: cut it anyway.
  const cut = endsOnWord || space <= 0 ? head : head.slice(0, space);
  // A clause mark left dangling before the ellipsis reads as a typo.
  return cut.replace(/[\s،,:;؛\-–—]+$/, '') + '…';
}
