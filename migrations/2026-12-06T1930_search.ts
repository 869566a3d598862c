/**
 * "Find anything" (issue 18, part 4): one full-text index over what a person
 * may look for across meetings and the knowledge base.
 *
 * - `search_entries`: one row per searchable thing: a meeting's title, an
 *   agenda item, a meeting's minutes text, a decision, an action, a meeting's
 *   supplier-internal notes, a material's file name, a knowledge-base
 *   article. Besides the text (`title`, `body`) it keeps what access and the
 *   link need: `customer_id` (null: a knowledge-base article shared with every
 *   customer), `meeting_id`, `forum_id`, `ref` (the thing's own id: agenda
 *   item, decision, action, material, article) and `audience` (`users`,
 *   `admins` for articles for a customer's admins, `internal` for
 *   supplier-internal notes, material and articles). `seq` is a stable integer
 *   key for the full-text side.
 * - SQLite: a contentless FTS5 table `search_fts` over title and body (and
 *   a customer token, `scope`), rowid = `search_entries.seq`, kept in step by
 *   triggers (unicode61, diacritics removed, as the knowledge base's own
 *   index).
 * - PostgreSQL: a stored generated tsvector (`simple` configuration, lower
 *   case, Swedish and common accented letters folded; title weight A, body
 *   D) with a GIN index. Stemming is the application's on both engines: it
 *   searches for Swedish stems as prefixes.
 *
 * Existing data is indexed here from the tables the application keeps
 * (meetings, agenda_items, minutes_text, decisions, action_items, material,
 * kb_articles). Supplier-internal notes live only in their shared document;
 * they are indexed the next time their document is projected.
 *
 * Frozen once shipped; never import application code here.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres, serialId } from './lib/portable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const FOLD_FROM = 'åäöéèêëáàâãüúùûíìîïóòôõçñýÿšžčřďťňśźżćń';
// each letter without its diacritic (as FTS5's remove_diacritics and the application's query side fold)
const FOLD_TO = [...FOLD_FROM].map((c) => c.normalize('NFD')[0]).join('');
const folded = (column: string) => `translate(lower(${column}), '${FOLD_FROM}', '${FOLD_TO}')`;

async function createTables(db: AnyDb): Promise<void> {
	const seq = serialId(db);
	let table = db.schema
		.createTable('search_entries')
		.addColumn('seq', seq.type, seq.column)
		.addColumn('id', 'text', (c) => c.notNull().unique())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('customer_id', 'text')
		.addColumn('meeting_id', 'text')
		.addColumn('forum_id', 'text')
		.addColumn('ref', 'text', (c) => c.notNull())
		.addColumn('audience', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('at', 'text');
	if (isPostgres(db)) {
		table = table.addColumn('document', sql`tsvector`, (c) =>
			c.generatedAlwaysAs(sql.raw(`setweight(to_tsvector('simple', ${folded('title')}), 'A') || setweight(to_tsvector('simple', ${folded('body')}), 'D')`)).stored()
		);
	}
	await table.execute();
	await db.schema.createIndex('search_entries_meeting_idx').on('search_entries').columns(['meeting_id', 'kind']).execute();
	await db.schema.createIndex('search_entries_forum_idx').on('search_entries').columns(['forum_id', 'kind']).execute();
	await db.schema.createIndex('search_entries_customer_idx').on('search_entries').columns(['customer_id', 'audience']).execute();
	if (isPostgres(db)) {
		await sql`create index search_entries_document_idx on search_entries using gin (document)`.execute(db);
		return;
	}
	// Contentless (the text stays in search_entries), deletable by rowid; `scope` holds one token per
	// customer ("c" + the id without hyphens, "cshared" for shared articles), so a customer's search
	// intersects with its own rows inside the index instead of ranking every customer's matches.
	await sql`create virtual table search_fts using fts5(scope, title, body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
	const values = (row: 'new' | 'old') =>
		`(${row}.seq, 'c' || replace(coalesce(${row}.customer_id, 'shared'), '-', ''), ${row}.title, ${row}.body)`;
	await sql.raw(`create trigger search_entries_ai after insert on search_entries begin
		insert into search_fts (rowid, scope, title, body) values ${values('new')}; end`).execute(db);
	await sql`create trigger search_entries_ad after delete on search_entries begin
		delete from search_fts where rowid = old.seq; end`.execute(db);
	await sql.raw(`create trigger search_entries_au after update on search_entries begin
		delete from search_fts where rowid = old.seq;
		insert into search_fts (rowid, scope, title, body) values ${values('new')}; end`).execute(db);
}

/** What the application indexes, for the rows that exist now. */
async function indexExisting(db: AnyDb): Promise<void> {
	const cat = (...parts: string[]) => (isPostgres(db) ? `concat(${parts.join(', ')})` : parts.join(' || '));
	const statements = [
		`select ${cat("'meeting:'", 'm.id')}, 'meeting', m.customer_id, m.id, m.forum_id, m.id, 'users', m.title, '', m.starts_at from meetings m`,
		`select ${cat("'agenda:'", 'a.meeting_id', "':'", 'a.item_id')}, 'agenda', m.customer_id, m.id, m.forum_id, a.item_id, 'users', a.title, a.notes, m.starts_at
			from agenda_items a join meetings m on m.id = a.meeting_id`,
		`select ${cat("'minutes:'", 't.meeting_id')}, 'minutes', m.customer_id, m.id, m.forum_id, m.id, 'users', '', t.text, m.starts_at
			from minutes_text t join meetings m on m.id = t.meeting_id`,
		`select ${cat("'decision:'", 'd.id')}, 'decision', d.customer_id, d.meeting_id, d.forum_id, d.id, 'users', '', d.text, m.starts_at
			from decisions d join meetings m on m.id = d.meeting_id`,
		`select ${cat("'action:'", 'x.id')}, 'action', x.customer_id, x.raised_meeting_id, x.forum_id, x.id, 'users', x.title, x.description, x.created_at from action_items x`,
		`select ${cat("'material:'", 'v.material_id')}, 'material', t.customer_id, t.meeting_id, m.forum_id, t.id,
			case when t.internal = 1 then 'internal' else 'users' end, v.file_name, '', v.uploaded_at
			from material t join meetings m on m.id = t.meeting_id
			join material_versions v on v.material_id = t.id and v.version = (select max(w.version) from material_versions w where w.material_id = t.id)`,
		`select ${cat("'article:'", 'k.id')}, 'article', k.customer_id, null, null, k.id, k.audience, k.title, ${cat('k.summary', "' '", 'k.body_text')}, k.updated_at from kb_articles k`
	];
	for (const select of statements) {
		await sql
			.raw(`insert into search_entries (id, kind, customer_id, meeting_id, forum_id, ref, audience, title, body, at) ${select}`)
			.execute(db);
	}
}

export async function up(db: AnyDb): Promise<void> {
	await createTables(db);
	await indexExisting(db);
}

export async function down(db: AnyDb): Promise<void> {
	if (!isPostgres(db)) {
		await sql`drop table if exists search_fts`.execute(db);
	}
	await db.schema.dropTable('search_entries').ifExists().execute();
}
