// npm run analyze -- "<text>": the tokens Kavosh makes of a text, with their
// offsets, so a user can see why a word matches or not.
import { analyze } from '../lib/persian/analyze';
import { stem } from '../lib/persian/stem';
import { isStopword } from '../lib/persian/stopwords';

const text = process.argv.slice(2).join(' ');
if (!text) {
  console.error('usage: npm run analyze -- "<text>"');
  process.exit(1);
}
const tokens = analyze(text, { pieces: true }).map((t) => ({
  text: text.slice(t.start, t.end),
  term: t.term,
  start: t.start,
  end: t.end,
  ...(t.piece ? { piece: true } : {}),
  // A key or an elongated word's doubled reading (Token.spelling): a term of the index, not a word of the text.
  ...(t.spelling ? { spelling: true } : {}),
  stem: stem(t.term),
  ...(isStopword(t.term) ? { stopword: true } : {}),
}));
console.log(JSON.stringify(tokens, null, 2));
