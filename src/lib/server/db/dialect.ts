/**
 * Which engine is behind a Kysely instance or transaction, for the few places
 * where SQLite and PostgreSQL need different SQL (full-text search, date
 * arithmetic, advisory locks). Everything else is written once, portably.
 */
import { PostgresAdapter, type Kysely } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function dialectOf(db: Kysely<any>): Dialect {
	return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * A unique or primary-key constraint refused the write: the loser of a race
 * two requests ran at once (SQLite's and PostgreSQL's codes).
 */
export function isUniqueViolation(err: unknown): boolean {
	const code = (err as { code?: unknown } | null)?.code;
	return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}
