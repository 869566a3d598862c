/**
 * SQL fragments whose spelling differs between SQLite and PostgreSQL. Each
 * takes the executor it will run on, so one query reads the same in the
 * domain whatever the engine.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from './index';
import { dialectOf } from './dialect';

/** Hours from one ISO-8601 text timestamp column to another. */
export function hoursBetween(db: Executor, from: string, to: string): RawBuilder<number> {
	return dialectOf(db) === 'postgres'
		? sql<number>`extract(epoch from (${sql.ref(to)}::timestamptz - ${sql.ref(from)}::timestamptz)) / 3600.0`
		: sql<number>`(strftime('%s', ${sql.ref(to)}) - strftime('%s', ${sql.ref(from)})) / 3600.0`;
}
