// Every parameter a search URL may carry, declared once. The API's parser
// (params.ts), the page's URL state and links (lib/ui/href.ts) and the
// forms that must carry the rest of a view without JavaScript all derive their
// lists from this table. Framework-free and without parsers, so the browser
// bundle that builds links does not take in the validation library.

export interface ParameterSpec {
  readonly name: string;
  /** Given once (the first counts) or any number of times (`source=a&source=b`). */
  readonly repeatable: boolean;
  /** Read by the API (SearchParams); false for the page's own state (the text narrowing a facet list). */
  readonly api: boolean;
  /**
   * Carried by a form that changes another part of the view (hidden fields,
   * for browsers without JavaScript). Not `page` (a change goes back to page
   * 1), not `prefix` (only the box's own typing is a prefix), not the box
   * inside one facet list.
   */
  readonly carried: boolean;
  /** What a missing or empty value means, in words (the README's API table). */
  readonly meaning: string;
  /**
   * What the search page reads when the URL leaves the parameter out, where it
   * differs from the API's (the API keeps its older contract: one result per
   * article; a reader's page groups copies). The URL still names only what the
   * reader changed, so a link taken from the page means the page's default.
   */
  readonly pageDefault?: string;
}

export const SEARCH_PARAMETERS = [
  { name: 'q', repeatable: false, api: true, carried: true, meaning: 'the query (empty: every article)' },
  { name: 'from', repeatable: false, api: true, carried: true, meaning: 'no lower date bound' },
  { name: 'to', repeatable: false, api: true, carried: true, meaning: 'no upper date bound' },
  { name: 'undated', repeatable: false, api: true, carried: true, meaning: 'exclude: a date filter leaves undated articles out' },
  { name: 'sort', repeatable: false, api: true, carried: true, meaning: 'relevance' },
  { name: 'match', repeatable: false, api: true, carried: true, meaning: 'all: every word must match' },
  { name: 'page', repeatable: false, api: true, carried: false, meaning: '1' },
  { name: 'size', repeatable: false, api: true, carried: true, meaning: '10 results a page' },
  { name: 'prefix', repeatable: false, api: true, carried: false, meaning: 'none: whole words' },
  { name: 'source', repeatable: true, api: true, carried: true, meaning: 'every source' },
  { name: 'tag', repeatable: true, api: true, carried: true, meaning: 'every tag' },
  { name: 'more', repeatable: true, api: true, carried: true, meaning: 'source and tag lists show their top 20' },
  { name: 'group', repeatable: false, api: true, carried: true, meaning: 'none: one result per article (the page: story)', pageDefault: 'story' },
  { name: 'count', repeatable: false, api: true, carried: true, meaning: 'articles: facets and timeline count articles (the page: stories)', pageDefault: 'stories' },
  { name: 'sourceq', repeatable: false, api: false, carried: false, meaning: 'the full source list unnarrowed' },
  { name: 'tagq', repeatable: false, api: false, carried: false, meaning: 'the full tag list unnarrowed' },
] as const satisfies readonly ParameterSpec[];

type Spec = (typeof SEARCH_PARAMETERS)[number];
export type ParameterName = Spec['name'];
export type SingleParameter = Extract<Spec, { repeatable: false }>['name'];
export type RepeatableParameter = Extract<Spec, { repeatable: true }>['name'];
export type ApiParameter = Extract<Spec, { api: true }>['name'];

const names = <S extends Spec>(keep: (spec: Spec) => spec is S): S['name'][] => SEARCH_PARAMETERS.filter(keep).map((p) => p.name);

export const SINGLE_PARAMETERS = names((p): p is Extract<Spec, { repeatable: false }> => !p.repeatable);
export const REPEATABLE_PARAMETERS = names((p): p is Extract<Spec, { repeatable: true }> => p.repeatable);
export const API_SINGLE_PARAMETERS = names((p): p is Extract<Spec, { repeatable: false; api: true }> => !p.repeatable && p.api);
export const API_REPEATABLE_PARAMETERS = names((p): p is Extract<Spec, { repeatable: true; api: true }> => p.repeatable && p.api);

/** The parameters whose page default differs from the API's, with that default. */
export const PAGE_DEFAULTS: readonly (readonly [SingleParameter, string])[] = SEARCH_PARAMETERS.flatMap((p) =>
  'pageDefault' in p && !p.repeatable ? [[p.name, p.pageDefault] as const] : [],
);

/** The parameters a form that changes `changed` carries as they are (hidden fields), in table order. */
export function carriedBy(changed: readonly ParameterName[]): ParameterName[] {
  return SEARCH_PARAMETERS.filter((p) => p.carried && !(changed as readonly string[]).includes(p.name)).map((p) => p.name);
}
