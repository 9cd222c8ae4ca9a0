// An article's tsvector from Kavosh's own analyzer (not Postgres's parser), so
// Postgres matches exactly the terms the file index holds.
import type { Article } from '../types';
import { analyze } from '../persian/analyze';

/** Changes whenever the analysis below changes, so stored vectors can be re-made. */
export const ANALYZER_FINGERPRINT = 'kavosh-analyze-pieces-v2';
/** tsvector positions stop at 16383; later words keep the last position. */
const MAX_POSITION = 16383;

const quote = (term: string) => "'" + term.replace(/\\/g, '\\\\').replace(/'/g, "''") + "'";

/**
 * The tsvector literal: each term with its positions; a piece shares its
 * word's position. Weights tell words from pieces and the title from the body
 * (title words A, title pieces B, body pieces C, body words D, unlabelled), so
 * a phrase can ask for words only (`:AD`), as the file index's phrases do.
 */
export function tsvectorOf(article: Pick<Article, 'title' | 'body'>): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  [article.title, ...article.body].forEach((text, part) => {
    for (const token of analyze(text, { pieces: true })) {
      if (!token.piece) position = Math.min(position + 1, MAX_POSITION);
      const at = Math.max(position, 1) + (part === 0 ? (token.piece ? 'B' : 'A') : token.piece ? 'C' : '');
      const list = positions.get(token.term);
      if (list) { if (list.length < 256) list.push(at); } else positions.set(token.term, [at]);
    }
  });
  return [...positions].map(([term, at]) => quote(term) + ':' + at.join(',')).join(' ');
}
