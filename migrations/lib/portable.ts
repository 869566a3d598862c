/**
 * The portable column vocabulary of our migrations. Most types mean the same
 * in SQLite and PostgreSQL (text, integer); these few do not, so migrations
 * ask here. Lives beside the migrations (not in src/) because a migration must
 * mean the same thing forever: never import application code from here.
 */
import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const isPostgres = (db: AnyDb): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/** Raw bytes (Yjs states and updates). */
export const bytes = (db: AnyDb) => (isPostgres(db) ? 'bytea' : 'blob');

/** An 8-byte float: SQLite's real is one, PostgreSQL's real is only 4 bytes. */
export const float = (db: AnyDb) => (isPostgres(db) ? 'double precision' : 'real');

/**
 * An ever-increasing 64-bit id that is never reused, even after rows are
 * deleted: SQLite's AUTOINCREMENT, PostgreSQL's bigserial (a sequence).
 */
export function serialId(db: AnyDb): { type: 'bigserial' | 'integer'; column: (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder } {
	return isPostgres(db)
		? { type: 'bigserial', column: (c) => c.primaryKey() }
		: { type: 'integer', column: (c) => c.primaryKey().autoIncrement() };
}
