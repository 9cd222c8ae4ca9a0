// How the parsed query is shown: «کتابخانه» و («تبریز» یا «تهران») بدون «ملی».
import type { QueryTerm, QueryView } from '@/lib/types';

export interface QueryPart {
  kind: 'term' | 'op';
  text: string;
  /** A term restricted to the title. */
  title?: boolean;
  phrase?: boolean;
  prefix?: boolean;
}

function term(t: QueryTerm): QueryPart {
  return { kind: 'term', text: t.text, title: t.field === 'title', phrase: t.kind === 'phrase', prefix: t.prefix };
}

/** The query as a sequence of terms and Persian operators, for display. */
export function describeQuery(view: QueryView): { parts: QueryPart[]; excluded: QueryPart[]; ignored: string[] } {
  const parts: QueryPart[] = [];
  const join = view.match === 'any' ? 'یا' : 'و';
  view.groups.forEach((group, gi) => {
    if (gi > 0) parts.push({ kind: 'op', text: join });
    const wrap = group.length > 1 && view.groups.length > 1;
    if (wrap) parts.push({ kind: 'op', text: '(' });
    group.forEach((t, ti) => {
      if (ti > 0) parts.push({ kind: 'op', text: 'یا' });
      parts.push(term(t));
    });
    if (wrap) parts.push({ kind: 'op', text: ')' });
  });
  return { parts, excluded: view.excluded.map(term), ignored: view.ignored };
}

/** The same as one line of plain text (tests, screen readers). */
export function queryText(view: QueryView): string {
  const show = (p: QueryPart) =>
    p.kind === 'op' ? p.text : `${p.title ? 'عنوان: ' : ''}«${p.text}${p.prefix ? '…' : ''}»`;
  const { parts, excluded, ignored } = describeQuery(view);
  let text = parts.map(show).join(' ').replace(/\( /g, '(').replace(/ \)/g, ')');
  if (excluded.length > 0) text += ` بدون ${excluded.map(show).join('، ')}`;
  if (ignored.length > 0) text += ` (نادیده: ${ignored.join('، ')})`;
  return text;
}
