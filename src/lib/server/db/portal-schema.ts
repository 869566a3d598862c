/** Row types of the customer portal tables (migrations/2026-11-28T1500_portal.ts, …T1600_kb-counts-per-customer.ts). */
import type { Generated } from 'kysely';

export type PortalReport = 'sla' | 'cases' | 'meetings' | 'agreement';
export type KbAudience = 'users' | 'admins' | 'internal';
export type KbKind = 'article' | 'guide';

export interface ReportGrantsTable {
	customer_id: string;
	person_id: string;
	report: PortalReport;
	granted_by: string | null;
	granted_at: string;
}

export interface KbArticlesTable {
	id: string;
	/** null: shared with every customer */
	customer_id: string | null;
	audience: KbAudience;
	kind: KbKind;
	category: string;
	service: string | null;
	title: string;
	summary: Generated<string>;
	/** Lexical SerializedEditorState (JSON) of the current version */
	body: string;
	/** plain text of the body, for search and excerpts */
	body_text: string;
	version: number;
	created_by: string | null;
	created_at: string;
	updated_by: string | null;
	updated_at: string;
}

export interface KbArticleVersionsTable {
	article_id: string;
	version: number;
	title: string;
	body: string;
	created_by: string | null;
	created_at: string;
}

/** Views of an article per customer: only the customer's own people are counted. */
export interface KbArticleReadsTable {
	article_id: string;
	customer_id: string;
	views: Generated<number>;
}

/** One answer per person; its customer (people.customer_id) is whose helpful count it is. */
export interface KbFeedbackTable {
	article_id: string;
	person_id: string;
	helpful: number;
	at: string;
}

/** FTS5 virtual table; rowid is not used, article_id ties a row to its article. */
export interface KbSearchTable {
	article_id: string;
	title: string;
	body: string;
	/** SQLite only: category, service and compound tails (PostgreSQL keeps them in its tsvector) */
	terms?: string;
}

export interface PortalTables {
	report_grants: ReportGrantsTable;
	kb_articles: KbArticlesTable;
	kb_article_versions: KbArticleVersionsTable;
	kb_article_reads: KbArticleReadsTable;
	kb_feedback: KbFeedbackTable;
	kb_search: KbSearchTable;
}
