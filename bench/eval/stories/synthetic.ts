// Synthetic republications: edited copies of real articles, made the way
// outlets edit a wire story, and negative controls (different articles that
// share only an agency line). The texts come from the corpus at run time; this
// file holds only the edits and a few agency lines of its own.
import { toLatinDigits, toPersianDigits } from '../../../lib/digits';
import type { StoryInput } from '../../../lib/stories/detect';
import { rewriteHalfSpaces, swapYehKaf } from '../perturb';
import { mulberry32, randomInt, shuffled } from '../sample';

export type EditKind = 'verbatim' | 'lead' | 'trim' | 'source-line' | 'yeh-kaf' | 'zwnj' | 'digits' | 'all';
export const EDIT_KINDS: readonly EditKind[] = ['verbatim', 'lead', 'trim', 'source-line', 'yeh-kaf', 'zwnj', 'digits', 'all'];

const OUTLETS = ['مشرق', 'خبرآنلاین', 'عصر ایران', 'تابناک', 'جام جم', 'فرارو', 'انتخاب'];
const AGENCIES = ['ایرنا', 'ایسنا', 'فارس', 'مهر', 'تسنیم'];

/** Splits off the first sentence (to the first «.», «!», «؟» or line end, at most 40 words). */
function splitLead(body: string): [string, string] {
  const m = /^[^.!؟?\n]*[.!؟?\n]/u.exec(body);
  let lead = m ? m[0] : body;
  const words = lead.split(/\s+/u);
  if (words.length > 40) lead = words.slice(0, 40).join(' ');
  return [lead, body.slice(lead.length)];
}

/** Keeps the first (1 − share) of the words. */
function trimEnd(body: string, share: number): string {
  const words = body.split(/(?<=\s)/u);
  return words.slice(0, Math.max(1, Math.round(words.length * (1 - share)))).join('').trimEnd();
}

export interface Edit {
  kind: EditKind;
  /** What was done, in words, for the report. */
  detail: string;
  body: string;
}

/**
 * One edited copy of `body` of the given kind. `otherLead` is the first
 * sentence of a different article: a rewritten lead is foreign text, not a
 * paraphrase.
 */
export function editCopy(body: string, kind: EditKind, rng: () => number, otherLead: string): Edit {
  const outlet = OUTLETS[randomInt(rng, OUTLETS.length)];
  const agency = AGENCIES[randomInt(rng, AGENCIES.length)];
  switch (kind) {
    case 'verbatim':
      return { kind, detail: 'unchanged body', body };
    case 'lead': {
      const [, rest] = splitLead(body);
      return { kind, detail: 'first sentence replaced by another article\'s', body: `${otherLead.trim()} ${rest.trimStart()}` };
    }
    case 'trim': {
      const share = 0.1 + 0.4 * rng();
      return { kind, detail: `last ${Math.round(share * 100)}% of the words cut`, body: trimEnd(body, share) };
    }
    case 'source-line':
      return { kind, detail: 'agency line added before, source line after', body: `به گزارش ${outlet} به نقل از خبرگزاری ${agency}، ${body}\nمنبع: ${agency}` };
    case 'yeh-kaf':
      return { kind, detail: 'ی/ک swapped with ي/ك', body: swapYehKaf(body) };
    case 'zwnj': {
      const joint = rng() < 0.5 ? ' ' : '';
      return { kind, detail: `half-spaces written as ${joint ? 'spaces' : 'nothing'}`, body: rewriteHalfSpaces(body, joint) };
    }
    case 'digits': {
      const persian = /[0-9]/.test(body) ? rng() < 0.7 : false;
      return { kind, detail: persian ? 'Latin digits written Persian' : 'Persian digits written Latin', body: persian ? toPersianDigits(body) : toLatinDigits(body) };
    }
    case 'all': {
      const share = 0.1 + 0.4 * rng();
      const [, rest] = splitLead(body);
      let b = trimEnd(`${otherLead.trim()} ${rest.trimStart()}`, share);
      b = rewriteHalfSpaces(swapYehKaf(b), ' ');
      b = /[0-9]/.test(b) ? toPersianDigits(b) : toLatinDigits(b);
      return { kind, detail: `lead replaced, last ${Math.round(share * 100)}% cut, agency line, ي/ك, spaced half-spaces, digits`, body: `${agency} - ${b}\nمنبع: ${agency}` };
    }
  }
}

/** An agency line of about 30 words, the kind pasted under every story of an outlet. */
export function footer(agency: string): string {
  return `\nانتهای پیام خبرگزاری ${agency}. کلیه حقوق مادی و معنوی این خبر متعلق به خبرگزاری ${agency} است و نقل آن با ذکر منبع و درج پیوند مستقیم به خبر مجاز است. برای دریافت آخرین اخبار ما را در شبکه‌های اجتماعی دنبال کنید و نظرات خود را برای ما بفرستید.`;
}

export interface SyntheticSet {
  docs: StoryInput[];
  /** Copy pairs: an original and an edited copy of it (kind of the copy). */
  copies: { a: string; b: string; kind: EditKind; detail: string }[];
  /** Different articles given the same agency line: `common` when the line is in more than maxShingleDf articles, `rare` when in these two only. */
  controls: { a: string; b: string; kind: 'footer-common' | 'footer-rare' }[];
}

/**
 * From `pool` (real articles that are copies of nothing else in it): `originals`
 * articles each with one copy per edit kind; `controls` pairs of two further
 * articles sharing a footer found in every control of its kind
 * (`footer-common`, so it is boilerplate once there are more than
 * maxShingleDf of them), and as many pairs sharing a footer of their own
 * (`footer-rare`).
 */
export function syntheticSet(pool: readonly StoryInput[], options: { seed: number; originals: number; controls: number }): SyntheticSet {
  const rng = mulberry32(options.seed);
  const picked = shuffled(pool, rng);
  // Leads for the rewritten-lead edits come from articles outside the set, so a
  // copy shares its new lead with nothing else in it.
  const need = 2 * options.originals + 4 * options.controls;
  if (picked.length < need) throw new Error(`synthetic: the pool holds ${picked.length} articles, ${need} needed`);
  const originals = picked.slice(0, options.originals);
  const donors = picked.slice(options.originals, 2 * options.originals);
  const rest = picked.slice(2 * options.originals, need);
  const set: SyntheticSet = { docs: [], copies: [], controls: [] };
  originals.forEach((o, i) => {
    set.docs.push(o);
    const other = donors[i];
    for (const kind of EDIT_KINDS) {
      const e = editCopy(o.body, kind, rng, splitLead(other.body)[0]);
      const id = `synthetic:${kind}:${o.id}`;
      set.docs.push({ id, body: e.body, source: 'synthetic', publishedAt: o.publishedAt });
      set.copies.push({ a: o.id, b: id, kind, detail: e.detail });
    }
  });
  for (let k = 0; k < options.controls; k++) {
    for (const [kind, offset] of [['footer-common', 0], ['footer-rare', 2 * options.controls]] as const) {
      const a = rest[2 * k + offset], b = rest[2 * k + 1 + offset];
      // A rare line is one outlet's own: the common line's words in an order of
      // this pair's, so that it shares (almost) no 5-gram with the other lines.
      const common = footer('جمهوری اسلامی');
      const line = kind === 'footer-common' ? common : '\n' + shuffled(common.trim().split(' '), rng).join(' ');
      const ida = `control:${kind}:${a.id}`, idb = `control:${kind}:${b.id}`;
      set.docs.push({ ...a, id: ida, body: a.body + line }, { ...b, id: idb, body: b.body + line });
      set.controls.push({ a: ida, b: idb, kind });
    }
  }
  return set;
}
