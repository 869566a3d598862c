/**
 * "Find anything": one search over meetings (titles, agenda items, minutes,
 * decisions, supplier-internal notes, material file names), the forums'
 * actions and the knowledge base, best match first, each hit with its link,
 * a snippet and the matching words marked.
 *
 * Only what the person may see, by the one policy: the index is narrowed in
 * SQL to a scope derived from `can` (the actor's customer, or every customer
 * for the supplier; the audiences `meeting.internal` and `kb.read` allow),
 * and every hit is checked with `can` again before it is returned, the same
 * rules the meeting page, the material download and the article use.
 */
import { z } from 'zod';
import type { Executor } from '$lib/server/db';
import type { SearchAudience, SearchKind } from '$lib/server/db/search-schema';
import type { Actor } from '../actor';
import { isSupplier } from '../actor';
import { can } from '../policy';
import { parseInput } from '../validation';
import { hitHref, snippet, highlight, type Segment } from './search-index';
import { searchTerms, type TermMode } from './search-query';
import { firstCustomerId, matchingRefs, searchEntries, type EntryRow, type EntryScope } from './search.repository';

const AUDIENCES = ['users', 'admins', 'internal'] as const satisfies readonly SearchAudience[];

/** Most hits a search answers. */
export const SEARCH_LIMIT = 50;

/** Most decisions a register search narrows to: more than a customer's registers hold. */
const REGISTER_LIMIT = 5000;

// any length is fine: only the first 500 characters are read (search-query.ts)
export const FindQuery = z.object({ q: z.string().default('') });

export interface FindHit {
	kind: SearchKind;
	/** the entry, stable across searches */
	id: string;
	href: string;
	/** the hit's own title, else its meeting's; matching words marked */
	title: Segment[];
	/** a piece of its text around the match (empty for titles and file names) */
	snippet: Segment[];
	meeting: { id: string; title: string; startsAt: string } | null;
	customerId: string | null;
	at: string | null;
}

export interface FindResult {
	q: string;
	/** the Swedish stems searched for */
	terms: string[];
	/** 'any' when no entry held every term and entries holding some of them are shown */
	mode: TermMode;
	hits: FindHit[];
}

/** May the actor see this entry: the rule of the thing it comes from. */
function mayRead(actor: Actor, e: Pick<EntryRow, 'kind' | 'customer_id' | 'audience'>): boolean {
	if (e.kind === 'article') return can(actor, 'kb.read', { customerId: e.customer_id, audience: e.audience });
	return can(actor, 'meeting.read', { customerId: e.customer_id }) && (e.audience !== 'internal' || can(actor, 'meeting.internal', { customerId: e.customer_id }));
}

/** The index entries the actor may see, as a SQL scope: asked of the policy for the actor's own customer. */
function scopeOf(actor: Actor): EntryScope {
	const own = actor.customerId;
	const meetingAudiences = AUDIENCES.filter((audience) => audience !== 'admins' && mayRead(actor, { kind: 'meeting', customer_id: own, audience }));
	const articleAudiences = AUDIENCES.filter((audience) => mayRead(actor, { kind: 'article', customer_id: own, audience }));
	return { customerId: isSupplier(actor) ? null : own, meetingAudiences, articleAudiences };
}

/**
 * Finds what the actor may see that holds every searched-for word (or, when
 * nothing does, some of them), best match first. Any input is fine: what
 * cannot be searched for gives no hits.
 */
export async function findAnything(db: Executor, actor: Actor, input: unknown, limit = SEARCH_LIMIT): Promise<FindResult> {
	const { q } = parseInput(FindQuery, typeof input === 'string' ? { q: input } : input);
	const terms = searchTerms(q);
	const scope = scopeOf(actor);
	if (terms.length === 0 || (scope.meetingAudiences.length === 0 && scope.articleAudiences.length === 0)) return { q, terms, mode: 'all', hits: [] };
	let mode: TermMode = 'all';
	let rows = await searchEntries(db, scope, terms, mode, limit);
	if (rows.length === 0 && terms.length > 1) {
		mode = 'any';
		rows = await searchEntries(db, scope, terms, mode, limit);
	}
	const visible = rows.filter((r) => mayRead(actor, r));
	// a shared article opens in the actor's own knowledge base; the supplier's in the first customer's
	const home = actor.customerId ?? (visible.some((r) => r.kind === 'article' && r.customer_id === null) ? await firstCustomerId(db) : null);
	return { q, terms, mode, hits: visible.map((r) => toHit(r, terms, home)) };
}

function toHit(r: EntryRow, terms: string[], home: string | null): FindHit {
	const meeting = r.meeting_id && r.meeting_title !== null && r.meeting_starts_at !== null ? { id: r.meeting_id, title: r.meeting_title, startsAt: r.meeting_starts_at } : null;
	return {
		kind: r.kind,
		id: r.id,
		href: hitHref({ kind: r.kind, ref: r.ref, meetingId: r.meeting_id, forumId: r.forum_id, customerId: r.customer_id ?? home }),
		title: highlight(r.title || meeting?.title || '', terms),
		snippet: snippet(r.body, terms),
		meeting,
		customerId: r.customer_id,
		at: r.at
	};
}

/**
 * The ids of a customer's decisions that hold every searched-for word, found
 * the way "find anything" finds them (Swedish stems, prefixes, accents
 * ignored), so the decision register and the search agree. Empty when the
 * text holds nothing searchable or the actor may not read the customer's meetings.
 */
export async function matchingDecisionIds(db: Executor, actor: Actor, customerId: string, q: string): Promise<string[]> {
	const terms = searchTerms(q);
	if (terms.length === 0 || !mayRead(actor, { kind: 'decision', customer_id: customerId, audience: 'users' })) return [];
	return matchingRefs(db, customerId, 'decision', terms, REGISTER_LIMIT);
}
