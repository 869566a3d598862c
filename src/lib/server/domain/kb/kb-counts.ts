/**
 * A knowledge base's numbers are per customer: views by its people and the
 * answers of its people, never another customer's; supplier staff count for
 * no customer (see kb.service.ts).
 */
import type { Executor } from '$lib/server/db';
import type { Actor } from '../actor';
import { isSupplier } from '../actor';
import { customerCountRows } from './kb.repository';

export interface ArticleCounts {
	views: number;
	helpfulYes: number;
	helpfulNo: number;
}

export const NO_COUNTS: ArticleCounts = { views: 0, helpfulYes: 0, helpfulNo: 0 };

/**
 * Whose views a read counts toward: a customer's own person reading in that
 * customer's knowledge base counts for it; supplier staff (also when reading
 * in a customer's portal), the system and anyone else count for nobody.
 */
export function viewerCustomer(actor: Actor, customerId: string): string | null {
	return !isSupplier(actor) && actor.customerId !== null && actor.customerId === customerId ? customerId : null;
}

/** Joins a customer's view rows and answer tallies into counts per article. */
export function mergeCounts(
	reads: readonly { article_id: string; views: number }[],
	answers: readonly { article_id: string; yes: number | string | null; no: number | string | null }[]
): Map<string, ArticleCounts> {
	const counts = new Map<string, ArticleCounts>();
	const of = (id: string) => counts.get(id) ?? counts.set(id, { ...NO_COUNTS }).get(id)!;
	for (const r of reads) of(r.article_id).views += Number(r.views);
	for (const a of answers) {
		const c = of(a.article_id);
		c.helpfulYes += Number(a.yes ?? 0);
		c.helpfulNo += Number(a.no ?? 0);
	}
	return counts;
}

/**
 * One customer's counts: views by its people (kb_article_reads) and the
 * answers of its people (kb_feedback by people.customer_id). Only the given
 * articles, or every article the customer has numbers for.
 */
export async function customerCounts(db: Executor, customerId: string, articleIds?: readonly string[]): Promise<Map<string, ArticleCounts>> {
	if (articleIds && articleIds.length === 0) return new Map();
	const { reads, answers } = await customerCountRows(db, customerId, articleIds);
	return mergeCounts(reads, answers);
}

/** Totals over articles that carry one customer's counts; the ten most read first. */
export function summarizeCounts<T extends ArticleCounts>(articles: readonly T[]) {
	return {
		articles: articles.length,
		views: articles.reduce((a, r) => a + r.views, 0),
		helpfulYes: articles.reduce((a, r) => a + r.helpfulYes, 0),
		helpfulNo: articles.reduce((a, r) => a + r.helpfulNo, 0),
		top: [...articles].sort((a, b) => b.views - a.views).slice(0, 10)
	};
}
