/**
 * The search index's SQL (see search-index.ts for what each entry is).
 *
 * Writes: each `reindex…` function replaces the entries derived from one
 * source (a meeting's agenda, its minutes and decisions, a forum's actions,
 * …) from the tables that source was just written to, in the caller's
 * transaction, so the index is never behind the write it indexes. The
 * full-text side follows by itself: FTS5 triggers on SQLite, a generated
 * tsvector on PostgreSQL.
 *
 * Reads: `searchEntries` finds the entries in an access scope that hold the
 * terms, best match first (bm25 on SQLite, ts_rank on PostgreSQL; title
 * weighs more than body on both).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '$lib/server/db';
import { dialectOf } from '$lib/server/db/dialect';
import type { SearchAudience, SearchKind } from '$lib/server/db/search-schema';
import { foldDiacritics, fts5Query, tsQuery, type TermMode } from './search-query';

const key = (prefix: string, ...columns: string[]): RawBuilder<string> =>
	sql<string>`${sql.join([sql.lit(prefix), ...columns.map((c) => sql.ref(c))], sql` || ':' || `)}`;
const kind = (k: SearchKind) => sql.lit(k).$castTo<SearchKind>();
const audience = (a: SearchAudience) => sql.lit(a).$castTo<SearchAudience>();

const COLUMNS = ['id', 'kind', 'customer_id', 'meeting_id', 'forum_id', 'ref', 'audience', 'title', 'body', 'at'] as const;

/** Removes the entries of these kinds derived from one meeting, forum or article. */
async function deleteEntries(db: Executor, of: 'meeting_id' | 'forum_id' | 'id', id: string, kinds: SearchKind[]): Promise<void> {
	await db.deleteFrom('search_entries').where(of, '=', id).where('kind', 'in', kinds).execute();
}

/** A meeting's title (written once, when the meeting is scheduled). */
export async function reindexMeeting(db: Executor, meetingId: string): Promise<void> {
	await deleteEntries(db, 'meeting_id', meetingId, ['meeting']);
	await db
		.insertInto('search_entries')
		.columns(COLUMNS)
		.expression(
			db
				.selectFrom('meetings as m')
				.select([
					key('meeting', 'm.id').as('id'),
					kind('meeting').as('kind'),
					'm.customer_id',
					'm.id as meeting_id',
					'm.forum_id',
					'm.id as ref',
					audience('users').as('audience'),
					'm.title',
					sql.lit('').as('body'),
					'm.starts_at as at'
				])
				.where('m.id', '=', meetingId)
		)
		.execute();
}

/** A meeting's agenda items, as projected from its agenda document. */
export async function reindexAgenda(db: Executor, meetingId: string): Promise<void> {
	await deleteEntries(db, 'meeting_id', meetingId, ['agenda']);
	await db
		.insertInto('search_entries')
		.columns(COLUMNS)
		.expression(
			db
				.selectFrom('agenda_items as a')
				.innerJoin('meetings as m', 'm.id', 'a.meeting_id')
				.select([
					key('agenda', 'a.meeting_id', 'a.item_id').as('id'),
					kind('agenda').as('kind'),
					'm.customer_id',
					'm.id as meeting_id',
					'm.forum_id',
					'a.item_id as ref',
					audience('users').as('audience'),
					'a.title',
					'a.notes as body',
					'm.starts_at as at'
				])
				.where('a.meeting_id', '=', meetingId)
		)
		.execute();
}

/** A meeting's minutes text and its decisions, as projected from its minutes document. */
export async function reindexMinutes(db: Executor, meetingId: string): Promise<void> {
	await deleteEntries(db, 'meeting_id', meetingId, ['minutes', 'decision']);
	await db
		.insertInto('search_entries')
		.columns(COLUMNS)
		.expression(
			db
				.selectFrom('minutes_text as t')
				.innerJoin('meetings as m', 'm.id', 't.meeting_id')
				.select([
					key('minutes', 't.meeting_id').as('id'),
					kind('minutes').as('kind'),
					'm.customer_id',
					'm.id as meeting_id',
					'm.forum_id',
					'm.id as ref',
					audience('users').as('audience'),
					sql.lit('').as('title'),
					't.text as body',
					'm.starts_at as at'
				])
				.where('t.meeting_id', '=', meetingId)
		)
		.execute();
	await db
		.insertInto('search_entries')
		.columns(COLUMNS)
		.expression(
			db
				.selectFrom('decisions as d')
				.innerJoin('meetings as m', 'm.id', 'd.meeting_id')
				.select([
					key('decision', 'd.id').as('id'),
					kind('decision').as('kind'),
					'd.customer_id',
					'd.meeting_id',
					'd.forum_id',
					'd.id as ref',
					audience('users').as('audience'),
					sql.lit('').as('title'),
					'd.text as body',
					'm.starts_at as at'
				])
				.where('d.meeting_id', '=', meetingId)
		)
		.execute();
}

/** A meeting's supplier-internal notes: they have no table of their own, so their text comes from the document. */
export async function reindexInternalNotes(db: Executor, meetingId: string, text: string): Promise<void> {
	await deleteEntries(db, 'meeting_id', meetingId, ['internal']);
	if (!text.trim()) return;
	await db
		.insertInto('search_entries')
		.columns(COLUMNS)
		.expression(
			db
				.selectFrom('meetings as m')
				.select([
					key('internal', 'm.id').as('id'),
					kind('internal').as('kind'),
					'm.customer_id',
					'm.id as meeting_id',
					'm.forum_id',
					'm.id as ref',
					audience('internal').as('audience'),
					sql.lit('').as('title'),
					sql<string>`${text}`.as('body'),
					'm.starts_at as at'
				])
				.where('m.id', '=', meetingId)
		)
		.execute();
}

/** A forum's actions, as projected from its activity list. */
export async function reindexActions(db: Executor, forumId: string): Promise<void> {
	await deleteEntries(db, 'forum_id', forumId, ['action']);
	await db
		.insertInto('search_entries')
		.columns(COLUMNS)
		.expression(
			db
				.selectFrom('action_items as x')
				.select([
					key('action', 'x.id').as('id'),
					kind('action').as('kind'),
					'x.customer_id',
					'x.raised_meeting_id as meeting_id',
					'x.forum_id',
					'x.id as ref',
					audience('users').as('audience'),
					'x.title',
					'x.description as body',
					'x.created_at as at'
				])
				.where('x.forum_id', '=', forumId)
		)
		.execute();
}

/** A meeting's material, by the file name of its latest version; supplier-internal material is `internal`. */
export async function reindexMaterial(db: Executor, meetingId: string): Promise<void> {
	await deleteEntries(db, 'meeting_id', meetingId, ['material']);
	await db
		.insertInto('search_entries')
		.columns(COLUMNS)
		.expression(
			db
				.selectFrom('material as t')
				.innerJoin('meetings as m', 'm.id', 't.meeting_id')
				.innerJoin('material_versions as v', 'v.material_id', 't.id')
				.select([
					key('material', 't.id').as('id'),
					kind('material').as('kind'),
					't.customer_id',
					't.meeting_id',
					'm.forum_id',
					't.id as ref',
					sql<SearchAudience>`case when t.internal = 1 then 'internal' else 'users' end`.as('audience'),
					'v.file_name as title',
					sql.lit('').as('body'),
					'v.uploaded_at as at'
				])
				.where('t.meeting_id', '=', meetingId)
				.where('v.version', '=', (eb) => eb.selectFrom('material_versions as w').select((w) => w.fn.max('w.version').as('v')).whereRef('w.material_id', '=', 't.id'))
		)
		.execute();
}

/** A knowledge-base article: its current title, summary and text, for its audience. */
export async function reindexArticle(db: Executor, articleId: string): Promise<void> {
	await deleteEntries(db, 'id', `article:${articleId}`, ['article']);
	await db
		.insertInto('search_entries')
		.columns(COLUMNS)
		.expression(
			db
				.selectFrom('kb_articles as k')
				.select([
					key('article', 'k.id').as('id'),
					kind('article').as('kind'),
					'k.customer_id',
					sql<null>`null`.as('meeting_id'),
					sql<null>`null`.as('forum_id'),
					'k.id as ref',
					'k.audience',
					'k.title',
					sql<string>`k.summary || ' ' || k.body_text`.as('body'),
					'k.updated_at as at'
				])
				.where('k.id', '=', articleId)
		)
		.execute();
}

/**
 * Which entries a search may return, as the search service derives it from
 * the policy: of one customer (and the shared articles) or of every customer
 * (null), and the audiences readable among meeting things and articles.
 */
export interface EntryScope {
	customerId: string | null;
	meetingAudiences: SearchAudience[];
	articleAudiences: SearchAudience[];
}

export interface EntryRow {
	id: string;
	kind: SearchKind;
	customer_id: string | null;
	meeting_id: string | null;
	forum_id: string | null;
	ref: string;
	audience: SearchAudience;
	title: string;
	body: string;
	at: string | null;
	meeting_title: string | null;
	meeting_starts_at: string | null;
}

const list = (values: string[]) => sql.join(values.map((v) => sql`${v}`));

/** Every customer and every audience: the supplier's scope, which needs no filter at all. */
const EVERYTHING: SearchAudience[] = ['users', 'admins', 'internal'];
const isEverything = (scope: EntryScope) =>
	scope.customerId === null && ['users', 'internal'].every((a) => scope.meetingAudiences.includes(a as SearchAudience)) && EVERYTHING.every((a) => scope.articleAudiences.includes(a));

/** The scope as a where-clause on `e` (search_entries). */
function inScope(scope: EntryScope): RawBuilder<boolean> {
	const ofCustomer = scope.customerId === null ? sql`` : sql` and e.customer_id = ${scope.customerId}`;
	const ofArticleCustomer = scope.customerId === null ? sql`` : sql` and (e.customer_id = ${scope.customerId} or e.customer_id is null)`;
	const parts: RawBuilder<unknown>[] = [];
	if (scope.meetingAudiences.length > 0) parts.push(sql`(e.kind <> 'article'${ofCustomer} and e.audience in (${list(scope.meetingAudiences)}))`);
	if (scope.articleAudiences.length > 0) parts.push(sql`(e.kind = 'article'${ofArticleCustomer} and e.audience in (${list(scope.articleAudiences)}))`);
	return parts.length > 0 ? sql<boolean>`(${sql.join(parts, sql` or `)})` : sql<boolean>`1 = 0`;
}

/** The customer token of the FTS5 `scope` column (migration 2026-12-06T1930_search). */
const scopeToken = (customerId: string | null) => `c${(customerId ?? 'shared').replaceAll('-', '').toLowerCase()}`;

/**
 * The entries in scope that hold the terms, best match first, with their
 * meeting's title and start. The best `limit` are chosen first on the index
 * alone (and the entries' scope columns), then only those are read whole.
 * Terms are letters and digits only (search-query.ts); they are bound as
 * parameters anyway.
 */
export async function searchEntries(db: Executor, scope: EntryScope, terms: string[], mode: TermMode, limit: number): Promise<EntryRow[]> {
	let best: RawBuilder<unknown>;
	if (dialectOf(db) === 'postgres') {
		const tsquery = sql`to_tsquery('simple', ${tsQuery(terms, mode, foldDiacritics)})`;
		best = sql`select e.seq, ts_rank(e.document, ${tsquery}, 1) as score from search_entries e
			where e.document @@ ${tsquery} and ${isEverything(scope) ? sql`true` : inScope(scope)} order by score desc limit ${limit}`;
	} else {
		// a customer's search only looks at its own rows (and the shared articles) inside the index
		const customers = scope.customerId === null ? null : [scope.customerId, null].map((c) => `"${scopeToken(c)}"`).join(' OR ');
		const match = `${customers ? `scope : (${customers}) AND ` : ''}{title body} : (${fts5Query(terms, mode)})`;
		// bm25 (lower is better, so its negation): the title weighs four times the body
		best = isEverything(scope)
			? sql`select rowid as seq, -bm25(search_fts, 0.0, 4.0, 1.0) as score from search_fts where search_fts match ${match} order by score desc limit ${limit}`
			: sql`select e.seq, -bm25(search_fts, 0.0, 4.0, 1.0) as score from search_fts join search_entries e on e.seq = search_fts.rowid
				where search_fts match ${match} and ${inScope(scope)} order by score desc limit ${limit}`;
	}
	const { rows } = await sql<EntryRow>`select e.id, e.kind, e.customer_id, e.meeting_id, e.forum_id, e.ref, e.audience, e.title, e.body, e.at,
			m.title as meeting_title, m.starts_at as meeting_starts_at
		from (${best}) best join search_entries e on e.seq = best.seq left join meetings m on m.id = e.meeting_id
		order by best.score desc`.execute(db);
	return rows;
}

/**
 * The refs of one customer's entries of one kind that hold every term: the
 * same stems, prefixes and folding as `searchEntries`, for a register that
 * filters its own rows by them (at most `limit`).
 */
export async function matchingRefs(db: Executor, customerId: string, of: SearchKind, terms: string[], limit: number): Promise<string[]> {
	let query: RawBuilder<{ ref: string }>;
	if (dialectOf(db) === 'postgres') {
		const tsquery = sql`to_tsquery('simple', ${tsQuery(terms, 'all', foldDiacritics)})`;
		query = sql`select e.ref from search_entries e where e.document @@ ${tsquery} and e.customer_id = ${customerId} and e.kind = ${of} limit ${limit}`;
	} else {
		const match = `scope : "${scopeToken(customerId)}" AND {title body} : (${fts5Query(terms, 'all')})`;
		query = sql`select e.ref from search_fts join search_entries e on e.seq = search_fts.rowid
			where search_fts match ${match} and e.customer_id = ${customerId} and e.kind = ${of} limit ${limit}`;
	}
	const { rows } = await query.execute(db);
	return rows.map((r) => r.ref);
}

/** Every customer's id, first by name: where a supplier opens a shared article. */
export async function firstCustomerId(db: Executor): Promise<string | null> {
	const row = await db.selectFrom('customers').select('id').orderBy('name').limit(1).executeTakeFirst();
	return row?.id ?? null;
}
