/** Row types of the customer portal tables (migrations/2026-11-28T1500_portal.ts). */
import type { Generated } from 'kysely';

export type PortalReport = 'sla' | 'cases' | 'meetings';
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
	views: Generated<number>;
	helpful_yes: Generated<number>;
	helpful_no: Generated<number>;
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
}

export interface PortalTables {
	report_grants: ReportGrantsTable;
	kb_articles: KbArticlesTable;
	kb_article_versions: KbArticleVersionsTable;
	kb_feedback: KbFeedbackTable;
	kb_search: KbSearchTable;
}
