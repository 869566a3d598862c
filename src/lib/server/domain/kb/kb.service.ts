/**
 * The knowledge base: articles and step-by-step guides, per customer or shared
 * with every customer (customer_id null), each for an audience (every user of
 * the customer, its admins, or supplier-internal). Every save is a new
 * version; reading counts a view, and each person answers "was this helpful?"
 * once (changing the answer moves the count).
 *
 * Counts are per customer: a shared article shows each customer its own
 * people's views and answers (`kb_article_reads`, and `kb_feedback` by the
 * person's customer), never another customer's. Supplier staff are counted
 * for no customer: their reads and answers are not the customer's use of
 * the knowledge base. Every read of counts names the customer whose
 * knowledge base it is (the route's customer), for customer people and
 * supplier staff alike.
 *
 * Visibility is one rule (`visibleTo`), used by lists, search and single
 * reads, so an article outside it is "not found" everywhere alike.
 */
import { z } from 'zod';
import type { Db, Executor } from '$lib/server/db';
import type { KbAudience, KbKind } from '$lib/server/db/portal-schema';
import type { MinutesBlock } from '../meeting-core/minutes-model';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { forbidden, notFound } from '../errors';
import { newId, nowIso } from '../ids';
import { authorize, can } from '../policy';
import { findCustomer } from '../tenancy/tenancy.repository';
import { multilineText, optionalText, parseInput, text } from '../validation';
import { bodyBlocks, bodyText, markupToState, normalizeState, stateToMarkup } from './article-body';
import { customerCounts, NO_COUNTS, summarizeCounts, viewerCustomer, type ArticleCounts } from './kb-counts';
import {
	addView,
	articlesInScope,
	articleVersions,
	findAnswer,
	findArticleInScope,
	insertArticle,
	insertArticleVersion,
	saveAnswer,
	updateArticleRow,
	type ArticleRow,
	type ArticleScope
} from './kb.repository';
import { indexArticle, searchIndex } from './search-index.repository';
import { searchTerms } from '../search/search-query';
import { reindexArticle } from '../search/search.repository';

export const KB_AUDIENCES = ['users', 'admins', 'internal'] as const satisfies readonly KbAudience[];
export const KB_KINDS = ['article', 'guide'] as const satisfies readonly KbKind[];

export interface ArticleSummary {
	id: string;
	customerId: string | null;
	shared: boolean;
	audience: KbAudience;
	kind: KbKind;
	category: string;
	service: string | null;
	title: string;
	summary: string;
	version: number;
	views: number;
	helpfulYes: number;
	helpfulNo: number;
	updatedAt: string;
}

export interface ArticleView extends ArticleSummary {
	blocks: MinutesBlock[];
	/** Lexical JSON of the current version */
	body: unknown;
	/** the actor's own answer to "was this helpful?" */
	myFeedback: boolean | null;
	versions: { version: number; title: string; createdAt: string; by: string | null }[];
	mayEdit: boolean;
}

/**
 * The audiences the actor may read (kb.read) or write for (kb.manage) in one
 * customer's knowledge base, as policy.ts decides for each: the supplier all,
 * a customer admin users and admins, a member users.
 */
const audiencesFor = (actor: Actor, action: 'kb.read' | 'kb.manage', customerId: string): KbAudience[] =>
	KB_AUDIENCES.filter((audience) => can(actor, action, { customerId, audience }));

/** The articles an actor reads in one customer's knowledge base: its own and the shared ones. */
const visibleTo = (actor: Actor, customerId: string): ArticleScope => ({ customerId, audiences: audiencesFor(actor, 'kb.read', customerId) });

/** One customer's numbers for one article. */
const toSummary = (r: ArticleRow, counts: ArticleCounts = NO_COUNTS): ArticleSummary => ({
	id: r.id,
	customerId: r.customer_id,
	shared: r.customer_id === null,
	audience: r.audience,
	kind: r.kind,
	category: r.category,
	service: r.service,
	title: r.title,
	summary: r.summary,
	version: r.version,
	views: counts.views,
	helpfulYes: counts.helpfulYes,
	helpfulNo: counts.helpfulNo,
	updatedAt: r.updated_at
});

/**
 * 404 for another customer and unknown ids, before anything of the knowledge
 * base is read; 403 for an API token without the kb:read scope. Whoever may
 * read the customer's articles for every user may open its knowledge base.
 */
async function requireCustomer(db: Executor, actor: Actor, customerId: string) {
	authorize(actor, 'kb.read', { customerId, audience: 'users', kind: 'Customer' });
	if (!(await findCustomer(db, customerId))) throw notFound('Customer');
}

export const ArticleListQuery = z.object({
	kind: z.enum(KB_KINDS).optional(),
	category: z.string().trim().max(100).optional(),
	service: z.string().trim().max(100).optional()
});

export async function listArticles(db: Db, actor: Actor, customerId: string, input: unknown = {}): Promise<ArticleSummary[]> {
	await requireCustomer(db, actor, customerId);
	const q = parseInput(ArticleListQuery, input);
	const [rows, counts] = await Promise.all([articlesInScope(db, visibleTo(actor, customerId), q), customerCounts(db, customerId)]);
	return rows.map((r) => toSummary(r, counts.get(r.id)));
}

/** Self-help guides for the portal home, by service. */
export async function listGuides(db: Db, actor: Actor, customerId: string): Promise<ArticleSummary[]> {
	return (await listArticles(db, actor, customerId, { kind: 'guide' })).sort(
		(a, b) => (a.service ?? '~').localeCompare(b.service ?? '~', 'sv') || a.title.localeCompare(b.title, 'sv')
	);
}

async function visibleArticle(db: Executor, actor: Actor, customerId: string, articleId: string): Promise<ArticleRow> {
	await requireCustomer(db, actor, customerId);
	if (!z.uuid().safeParse(articleId).success) throw notFound('Article');
	const row = await findArticleInScope(db, visibleTo(actor, customerId), articleId);
	// the policy is asked too, so a change to the rule there cannot be bypassed here
	if (!row || !can(actor, 'kb.read', { customerId: row.customer_id, audience: row.audience })) throw notFound('Article');
	return row;
}

/** Counts one view of the article for the reader's customer (nobody's for supplier staff). */
async function countView(db: Executor, actor: Actor, customerId: string, articleId: string) {
	const reader = viewerCustomer(actor, customerId);
	if (!reader) return;
	await addView(db, articleId, reader);
}

/**
 * One article with the counts of customer `customerId`; `countView` records
 * that someone opened it (the page does, the API does not).
 */
export async function getArticle(db: Db, actor: Actor, customerId: string, articleId: string, opts: { countView?: boolean } = {}): Promise<ArticleView> {
	const row = await visibleArticle(db, actor, customerId, articleId);
	if (opts.countView) await countView(db, actor, customerId, row.id);
	const [versions, mine, counts] = await Promise.all([
		articleVersions(db, row.id),
		findAnswer(db, row.id, actor.personId),
		customerCounts(db, customerId, [row.id])
	]);
	return {
		...toSummary(row, counts.get(row.id)),
		blocks: bodyBlocks(row.body),
		body: JSON.parse(row.body),
		myFeedback: mine === undefined ? null : mine === 1,
		versions: versions.map((v) => ({ version: v.version, title: v.title, createdAt: v.created_at, by: v.name })),
		mayEdit: can(actor, 'kb.manage', { customerId: row.customer_id, audience: row.audience })
	};
}

/** The article's current body as the light markup, for the edit form. */
export async function articleMarkup(db: Db, actor: Actor, customerId: string, articleId: string): Promise<string> {
	const row = await visibleArticle(db, actor, customerId, articleId);
	return stateToMarkup(row.body);
}

export interface ArticleFormOffer {
	/** the audiences the actor may write for */
	audiences: KbAudience[];
	/** may share an article with every customer (supplier staff) */
	canShare: boolean;
}

/** What the article form offers the actor in this customer's knowledge base (403 to those who write none, 404 for another customer). */
function articleFormOffer(actor: Actor, customerId: string): ArticleFormOffer {
	authorize(actor, 'kb.manage', { customerId, audience: 'users', kind: 'Customer' });
	return { audiences: audiencesFor(actor, 'kb.manage', customerId), canShare: can(actor, 'kb.manage', { customerId: null, audience: 'users' }) };
}

/** The form for a new article. */
export async function newArticleForm(db: Db, actor: Actor, customerId: string): Promise<ArticleFormOffer> {
	await requireCustomer(db, actor, customerId);
	return articleFormOffer(actor, customerId);
}

/** The form for a new version of an article: the article, its body as markup (for the form without JavaScript) and the offer; 403 unless the actor may edit it. */
export async function editArticleForm(db: Db, actor: Actor, customerId: string, articleId: string): Promise<{ article: ArticleView; markup: string; offer: ArticleFormOffer }> {
	const article = await getArticle(db, actor, customerId, articleId);
	if (!article.mayEdit) throw forbidden();
	return { article, markup: await articleMarkup(db, actor, customerId, articleId), offer: articleFormOffer(actor, customerId) };
}

export const ArticleInput = z
	.strictObject({
		title: text(200),
		summary: optionalText(500),
		category: text(100),
		service: optionalText(100),
		kind: z.enum(KB_KINDS).default('article'),
		audience: z.enum(KB_AUDIENCES).default('users'),
		/** true: shared with every customer (supplier staff only) */
		shared: z.boolean().default(false),
		/** Lexical SerializedEditorState */
		body: z.unknown().optional(),
		/** or the light markup (## rubrik, - punkt, 1. steg, **fet**, [text](https://…)) */
		markup: multilineText(100_000).optional()
	})
	.refine((v) => v.body !== undefined || v.markup !== undefined, { message: 'kb.body_or_markup', path: ['body'] });

type ArticleData = z.output<typeof ArticleInput>;

function bodyOf(data: ArticleData) {
	const state = normalizeState(data.body !== undefined ? data.body : markupToState(data.markup ?? ''));
	return { json: JSON.stringify(state), text: bodyText(state) };
}

/** What an author writes, as the article row stores it (the same on create and on every new version). */
function writtenContent(data: ArticleData, body: ReturnType<typeof bodyOf>) {
	return {
		audience: data.audience,
		kind: data.kind,
		category: data.category,
		service: data.service,
		title: data.title,
		summary: data.summary ?? '',
		body: body.json,
		body_text: body.text
	};
}

/** Keeps version `version` of the article and makes it the one search finds. */
async function storeVersion(tx: Executor, articleId: string, version: number, data: ArticleData, body: ReturnType<typeof bodyOf>, by: string | null, at: string) {
	await insertArticleVersion(tx, { articleId, version, title: data.title, body: body.json, by, at });
	await indexArticle(tx, articleId, { title: data.title, body: `${data.summary ?? ''}\n${body.text}`, category: data.category, service: data.service ?? null });
	await reindexArticle(tx, articleId);
}

export async function createArticle(db: Db, actor: Actor, customerId: string, input: unknown): Promise<ArticleView> {
	await requireCustomer(db, actor, customerId);
	const data = parseInput(ArticleInput, input);
	const owner = data.shared ? null : customerId;
	authorize(actor, 'kb.manage', { customerId: owner, audience: data.audience, kind: 'Customer' });
	const body = bodyOf(data);
	const id = newId();
	const at = nowIso();
	const by = actor.personId === 'system' ? null : actor.personId;
	await db.transaction().execute(async (tx) => {
		await insertArticle(tx, { id, customer_id: owner, ...writtenContent(data, body), version: 1, created_by: by, created_at: at, updated_by: by, updated_at: at });
		await storeVersion(tx, id, 1, data, body, by, at);
		await recordAudit(tx, actor, { action: 'kb.create', entity: 'kb_article', entityId: id, customerId: owner, after: { title: data.title, audience: data.audience } });
	});
	return getArticle(db, actor, customerId, id);
}

/** Saves a new version; whether it is shared cannot change (that would move it between customers). */
export async function updateArticle(db: Db, actor: Actor, customerId: string, articleId: string, input: unknown): Promise<ArticleView> {
	const row = await visibleArticle(db, actor, customerId, articleId);
	authorize(actor, 'kb.manage', { customerId: row.customer_id, audience: row.audience, kind: 'Article' });
	const data = parseInput(ArticleInput, input);
	// the new audience must be one the author may write for too
	authorize(actor, 'kb.manage', { customerId: row.customer_id, audience: data.audience, kind: 'Article' });
	const body = bodyOf(data);
	const at = nowIso();
	const by = actor.personId === 'system' ? null : actor.personId;
	await db.transaction().execute(async (tx) => {
		const version = row.version + 1;
		await updateArticleRow(tx, row.id, { ...writtenContent(data, body), version, updated_by: by, updated_at: at });
		await storeVersion(tx, row.id, version, data, body, by, at);
		await recordAudit(tx, actor, { action: 'kb.update', entity: 'kb_article', entityId: row.id, customerId: row.customer_id, before: { version: row.version }, after: { version } });
	});
	return getArticle(db, actor, customerId, row.id);
}

export const FeedbackInput = z.strictObject({ helpful: z.boolean() });

/**
 * "Was this helpful?": one answer per person; answering again replaces it.
 * Answers the counts of customer `customerId` afterwards; an answer counts for
 * the person's own customer (a supplier's answer is kept, counted for nobody).
 */
export async function giveFeedback(db: Db, actor: Actor, customerId: string, articleId: string, input: unknown) {
	const row = await visibleArticle(db, actor, customerId, articleId);
	authorize(actor, 'kb.feedback', { customerId: row.customer_id, audience: row.audience, kind: 'Article' });
	const { helpful } = parseInput(FeedbackInput, input);
	const at = nowIso();
	await saveAnswer(db, { articleId: row.id, personId: actor.personId, helpful, at });
	const after = (await customerCounts(db, customerId, [row.id])).get(row.id) ?? NO_COUNTS;
	return { helpful, helpfulYes: after.helpfulYes, helpfulNo: after.helpfulNo };
}

export interface SearchHit extends ArticleSummary {
	/** a piece of the text around the match */
	snippet: string;
}

// any length is fine: buildFtsQuery reads only the first 500 characters
export const SearchQuery = z.object({ q: z.string().default('') });

/**
 * Full-text search over the articles the actor reads, best match first. Any
 * input is fine: what cannot be searched for gives an empty list. Kept behind
 * one function; search-index.repository.ts speaks FTS5 or PostgreSQL's tsvector.
 */
export async function searchArticles(db: Db, actor: Actor, customerId: string, input: unknown, limit = 20): Promise<SearchHit[]> {
	await requireCustomer(db, actor, customerId);
	const { q } = parseInput(SearchQuery, typeof input === 'string' ? { q: input } : input);
	const terms = searchTerms(q);
	if (terms.length === 0) return [];
	const run = (mode: 'all' | 'any') => searchIndex(db, visibleTo(actor, customerId), terms, mode, limit);
	let rows = await run('all');
	if (rows.length === 0 && terms.length > 1) rows = await run('any');
	const counts = await customerCounts(db, customerId, rows.map((r) => r.id));
	return rows.map((r) => ({ ...toSummary(r, counts.get(r.id)), snippet: r.snippet }));
}

/**
 * Views and helpfulness of the articles the actor reads in customer
 * `customerId`'s knowledge base, counted for that customer only (the
 * knowledge-base part of the statistics).
 */
export async function kbStatistics(db: Db, actor: Actor, customerId: string) {
	return summarizeCounts(await listArticles(db, actor, customerId));
}
