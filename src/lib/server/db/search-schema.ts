/** Row types of the search index (migrations/2026-12-06T1930_search.ts). */
import type { Generated } from 'kysely';

/** What a search hit is. */
export type SearchKind = 'meeting' | 'agenda' | 'minutes' | 'decision' | 'action' | 'internal' | 'material' | 'article';
/** Who the entry is for: every user of its customer, the customer's admins (articles), or the supplier only. */
export type SearchAudience = 'users' | 'admins' | 'internal';

/**
 * One searchable thing. SQLite: the FTS5 table `search_fts` indexes title and
 * body (external content, kept in step by triggers); PostgreSQL: the stored
 * generated column `document` (a tsvector, not selected here).
 */
export interface SearchEntriesTable {
	seq: Generated<number>;
	/** `<kind>:<ref>` (agenda items: `agenda:<meeting>:<item>`) */
	id: string;
	kind: SearchKind;
	/** null: a knowledge-base article shared with every customer */
	customer_id: string | null;
	meeting_id: string | null;
	forum_id: string | null;
	/** the thing's own id: meeting, agenda item, decision, action, material, article */
	ref: string;
	audience: SearchAudience;
	title: string;
	body: string;
	/** its date: the meeting's start, an action's creation, an article's last version */
	at: string | null;
}

export interface SearchTables {
	search_entries: SearchEntriesTable;
}
