// npm run bench:snippets: the time and the work of one article's snippets when one paragraph is huge
// (400 KB, 32k hits), with the caps and without them. Prints figures; asserts nothing.
import { performance } from 'node:perf_hooks';
import { makeSnippets, SNIPPET_MAX_CHARS, SNIPPET_MAX_WINDOWS, type SnippetWork } from '@/lib/search/snippets';
import { planOf } from '@/lib/search/plan-for-tests';

const huge = Array.from({ length: 32_000 }, (_, i) => (i % 2 ? 'کتابخانه ملی' : 'کتابخانه')).join(' ');
const normal = Array.from({ length: 8 }, () => `${'واژه '.repeat(40)}کتابخانه ملی امروز ${'واژه '.repeat(40)}`);
const plan = planOf('کتابخانه ملی');

function measure(label: string, paragraphs: string[], options: { maxChars?: number; maxWindows?: number } = {}, runs = 5) {
  const times: number[] = [];
  let work: SnippetWork = { chars: 0, windows: 0, spans: 0 };
  for (let i = 0; i < runs; i++) {
    work = { chars: 0, windows: 0, spans: 0 };
    const t = performance.now();
    makeSnippets(paragraphs, plan, { ...options, work });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(34)} median ${times[Math.floor(runs / 2)].toFixed(1).padStart(8)} ms  chars ${String(work.chars).padStart(7)}  windows ${String(work.windows).padStart(6)}  hits scored ${work.spans}`,
  );
}

console.log(`caps: ${SNIPPET_MAX_CHARS} characters an article, ${SNIPPET_MAX_WINDOWS} windows a paragraph; paragraph of ${huge.length} characters`);
measure('normal article, caps', normal);
measure('huge paragraph, caps', [huge]);
measure('huge paragraph, no caps', [huge], { maxChars: Infinity, maxWindows: Infinity }, 3);
