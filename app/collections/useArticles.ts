'use client';
// Which kept articles the index still has (and their text, for the full-text exports), asked of /api/articles a
// few at a time: an article the index answers 404 for is marked «دیگر در نمایه نیست», never dropped.
import { useEffect, useState } from 'react';
import type { ArticleResponse } from '@/lib/types';
import { idSegment } from '@/lib/ui/href';

export type ArticleState = { status: 'present'; article: ArticleResponse } | { status: 'missing' } | { status: 'unknown' };

const cache = new Map<string, Promise<ArticleState>>();

function fetchArticle(id: string): Promise<ArticleState> {
  let p = cache.get(id);
  if (!p) {
    p = fetch(`/api/articles/${idSegment(id)}`)
      .then(async (res): Promise<ArticleState> => {
        if (res.status === 404) return { status: 'missing' };
        if (!res.ok) return { status: 'unknown' };
        return { status: 'present', article: (await res.json()) as ArticleResponse };
      })
      .catch((): ArticleState => ({ status: 'unknown' }));
    cache.set(id, p);
    // A failure is asked again next time.
    void p.then((s) => s.status === 'unknown' && cache.delete(id));
  }
  return p;
}

const PARALLEL = 4;

export async function fetchArticles(ids: readonly string[]): Promise<Map<string, ArticleState>> {
  const out = new Map<string, ArticleState>();
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      out.set(id, await fetchArticle(id));
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, ids.length) }, worker));
  return out;
}

export function useArticles(ids: readonly string[]): Map<string, ArticleState> {
  const [states, setStates] = useState<Map<string, ArticleState>>(new Map());
  const key = JSON.stringify([...new Set(ids)].sort());
  useEffect(() => {
    let live = true;
    const wanted = JSON.parse(key) as string[];
    void fetchArticles(wanted).then((m) => live && setStates(m));
    return () => {
      live = false;
    };
  }, [key]);
  return states;
}
