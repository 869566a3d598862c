/**
 * Knowledge-base rows: articles, their versions, views and answers.
 * Repository functions take the executor first so they work inside a
 * transaction; which articles a reader may see is decided by the service and
 * passed in as a scope.
 */
import { sql, type ExpressionBuilder, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import type { KbArticlesTable, KbAudience, KbKind } from '$lib/server/db/portal-schema';

export type ArticleRow = { [K in keyof KbArticlesTable]: KbArticlesTable[K] extends import('kysely').Generated<infer U> ? U : KbArticlesTable[K] };

/** The articles of one customer's knowledge base a reader sees: its own and the shared ones, of these audiences. */
export interface ArticleScope {
	customerId: string;
	audiences: KbAudience[];
}

export const inScope = (scope: ArticleScope) => (eb: ExpressionBuilder<Database, 'kb_articles'>) =>
	eb.and([
		eb.or([eb('kb_articles.customer_id', '=', scope.customerId), eb('kb_articles.customer_id', 'is', null)]),
		eb('kb_articles.audience', 'in', scope.audiences)
	]);

export async function articlesInScope(db: Executor, scope: ArticleScope, q: { kind?: KbKind; category?: string; service?: string }): Promise<ArticleRow[]> {
	let query = db.selectFrom('kb_articles').selectAll().where(inScope(scope));
	if (q.kind) query = query.where('kind', '=', q.kind);
	if (q.category) query = query.where('category', '=', q.category);
	if (q.service) query = query.where('service', '=', q.service);
	return query.orderBy('category').orderBy('title').execute();
}

export async function findArticleInScope(db: Executor, scope: ArticleScope, articleId: string): Promise<ArticleRow | undefined> {
	return db.selectFrom('kb_articles').selectAll().where('id', '=', articleId).where(inScope(scope)).executeTakeFirst();
}

/**
 * One customer's raw numbers: views by its people (kb_article_reads) and the
 * yes/no tallies of its people's answers (kb_feedback by people.customer_id).
 * Only the given articles, or every article the customer has numbers for.
 */
export async function customerCountRows(db: Executor, customerId: string, articleIds?: readonly string[]) {
	let reads = db.selectFrom('kb_article_reads').select(['article_id', 'views']).where('customer_id', '=', customerId);
	let answers = db
		.selectFrom('kb_feedback as f')
		.innerJoin('people as p', 'p.id', 'f.person_id')
		.select([
			'f.article_id',
			sql<number>`sum(case when f.helpful = 1 then 1 else 0 end)`.as('yes'),
			sql<number>`sum(case when f.helpful = 1 then 0 else 1 end)`.as('no')
		])
		.where('p.customer_id', '=', customerId)
		.groupBy('f.article_id');
	if (articleIds) {
		reads = reads.where('article_id', 'in', articleIds);
		answers = answers.where('f.article_id', 'in', articleIds);
	}
	const [r, a] = await Promise.all([reads.execute(), answers.execute()]);
	return { reads: r, answers: a };
}

/** One more view of the article for the customer. */
export async function addView(db: Executor, articleId: string, customerId: string): Promise<void> {
	await db
		.insertInto('kb_article_reads')
		.values({ article_id: articleId, customer_id: customerId, views: 1 })
		.onConflict((oc) => oc.columns(['article_id', 'customer_id']).doUpdateSet({ views: sql`kb_article_reads.views + 1` }))
		.execute();
}

/** The article's versions, newest first, with their authors' names. */
export async function articleVersions(db: Executor, articleId: string) {
	return db
		.selectFrom('kb_article_versions as v')
		.leftJoin('people as p', 'p.id', 'v.created_by')
		.select(['v.version', 'v.title', 'v.created_at', 'p.name'])
		.where('v.article_id', '=', articleId)
		.orderBy('v.version', 'desc')
		.execute();
}

/** A person's answer to "was this helpful?" for an article: 1, 0 or none. */
export async function findAnswer(db: Executor, articleId: string, personId: string): Promise<number | undefined> {
	return (await db.selectFrom('kb_feedback').select('helpful').where('article_id', '=', articleId).where('person_id', '=', personId).executeTakeFirst())?.helpful;
}

/** Records a person's answer, replacing an earlier one. */
export async function saveAnswer(db: Executor, answer: { articleId: string; personId: string; helpful: boolean; at: string }): Promise<void> {
	const helpful = answer.helpful ? 1 : 0;
	await db
		.insertInto('kb_feedback')
		.values({ article_id: answer.articleId, person_id: answer.personId, helpful, at: answer.at })
		.onConflict((oc) => oc.columns(['article_id', 'person_id']).doUpdateSet({ helpful, at: answer.at }))
		.execute();
}

export async function insertArticle(db: Executor, row: Insertable<KbArticlesTable>): Promise<void> {
	await db.insertInto('kb_articles').values(row).execute();
}

export async function updateArticleRow(db: Executor, id: string, set: Updateable<KbArticlesTable>): Promise<void> {
	await db.updateTable('kb_articles').set(set).where('id', '=', id).execute();
}

export async function insertArticleVersion(
	db: Executor,
	v: { articleId: string; version: number; title: string; body: string; by: string | null; at: string }
): Promise<void> {
	await db.insertInto('kb_article_versions').values({ article_id: v.articleId, version: v.version, title: v.title, body: v.body, created_by: v.by, created_at: v.at }).execute();
}
