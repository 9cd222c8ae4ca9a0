import { createHash } from 'node:crypto';

/**
 * An id for an article whose source gives none: the same text always gets
 * the same id, so rebuilding the index keeps links to it working.
 */
export function contentId(title: string, body: string): string {
  return 'h-' + createHash('sha256').update(`${title}\n${body}`).digest('hex').slice(0, 16);
}
