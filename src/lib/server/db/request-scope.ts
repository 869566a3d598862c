/**
 * One HTTP request's view of the database (AsyncLocalStorage, so concurrent
 * requests never mix):
 *
 * - **Reads once per request.** A page load asks for the same rows from many
 *   places (the layout, the page, access checks, the lifecycle, the figures,
 *   the room's screen): the same SELECT with the same parameters is sent to
 *   the database once and its answer shared, within one GET/HEAD request,
 *   outside transactions. Any other statement of the request (INSERT, UPDATE,
 *   DELETE, DDL) forgets every answer kept so far, so a read after a write
 *   sees the write. Once the response is made, the request's later queries
 *   (a stream) are not shared any more.
 * - **Query log (opt-in, QUERY_LOG=<file>).** Every query the request asked
 *   for, with whether the database ran it or the request's earlier answer
 *   served it, appended to the file as one JSON line per request
 *   (tests/integration/page-queries.test.ts reads it).
 *
 * Both live in the driver (`scopedDialect` wraps the dialect), so every
 * repository function, raw `sql` too, goes through them.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync } from 'node:fs';
import type { CompiledQuery, DatabaseConnection, Dialect, Driver, QueryResult, TransactionSettings } from 'kysely';

export interface LoggedQuery {
	sql: string;
	/** binary parameters read as `<n bytes>` */
	parameters: unknown[];
	/** false: served by the request's earlier answer to the same query */
	ran: boolean;
	ms: number;
}

export interface RequestQueries {
	method: string;
	path: string;
	queries: LoggedQuery[];
}

interface Scope {
	/** answers of this request's reads; null when the request does not share reads (or no longer) */
	reads: Map<string, Promise<QueryResult<unknown>>> | null;
	log: LoggedQuery[] | null;
}

const current = new AsyncLocalStorage<Scope>();

/**
 * Runs one request's handling in its scope. `shareReads`: GET/HEAD (a request
 * that only reads); `logFile`: the QUERY_LOG file, if any.
 */
export async function inRequestScope<T>(opts: { shareReads: boolean; logFile?: string; method: string; path: string }, handle: () => Promise<T>): Promise<T> {
	const scope: Scope = { reads: opts.shareReads ? new Map() : null, log: opts.logFile ? [] : null };
	try {
		return await current.run(scope, handle);
	} finally {
		// work the request left running (a stream, a timer) shares and logs nothing more
		scope.reads = null;
		const log = scope.log;
		scope.log = null;
		if (opts.logFile && log) {
			const line: RequestQueries = { method: opts.method, path: opts.path, queries: log };
			appendFileSync(opts.logFile, JSON.stringify(line) + '\n');
		}
	}
}

/**
 * The reads the database ran more than once with the same SQL and the same
 * parameters and no other statement between (after a write, reading again is
 * right), with how often.
 */
export function repeatedQueries(queries: readonly Pick<LoggedQuery, 'sql' | 'parameters' | 'ran'>[]): { sql: string; parameters: unknown[]; times: number }[] {
	const repeated = new Map<string, { sql: string; parameters: unknown[]; times: number }>();
	let seen = new Set<string>();
	for (const q of queries) {
		if (!isPlainReadSql(q.sql)) {
			seen = new Set();
			continue;
		}
		if (!q.ran) continue;
		const key = JSON.stringify([q.sql, q.parameters]);
		if (!seen.has(key)) seen.add(key);
		else {
			const entry = repeated.get(key) ?? { sql: q.sql, parameters: q.parameters, times: 1 };
			entry.times++;
			repeated.set(key, entry);
		}
	}
	return [...repeated.values()];
}

const WRITES = /\b(insert|update|delete|merge|create|alter|drop|truncate|vacuum|pragma|lock)\b/i;
const isPlainReadSql = (sql: string) => /^\s*(select|with)\b/i.test(sql) && !WRITES.test(sql);

/** The answer per SQL text (the figures' SQL runs to kilobytes; a page sends a few hundred queries), at most 2,000 kept. */
const plainReads = new Map<string, boolean>();

/** A plain read: a SELECT (or raw SQL that is one) that changes nothing. */
export function isPlainRead(query: CompiledQuery): boolean {
	const kind = query.query.kind;
	if (kind !== 'SelectQueryNode' && kind !== 'RawNode') return false;
	let read = plainReads.get(query.sql);
	if (read === undefined) {
		read = isPlainReadSql(query.sql);
		if (plainReads.size >= 2_000) plainReads.clear();
		plainReads.set(query.sql, read);
	}
	return read;
}

const readable = (value: unknown): unknown => (value instanceof Uint8Array ? `<${value.byteLength} bytes>` : value);

/** Each caller gets its own rows (callers may sort or change what they get); the values are shared. */
const copyOf = <R>(result: QueryResult<R>): QueryResult<R> => ({ ...result, rows: result.rows.map((r) => (r && typeof r === 'object' ? { ...r } : r)) });

class ScopedConnection implements DatabaseConnection {
	inTransaction = false;
	constructor(readonly inner: DatabaseConnection) {}

	async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
		const scope = current.getStore();
		if (!scope) return this.inner.executeQuery<R>(query);
		const read = isPlainRead(query);
		// a write (or anything not a plain read) makes every kept answer possibly stale
		if (!read) scope.reads?.clear();
		const shared = read && !this.inTransaction ? scope.reads : null;
		const key = shared ? JSON.stringify([query.sql, query.parameters], (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) : '';
		const start = performance.now();
		const kept = shared?.get(key);
		let answer: Promise<QueryResult<R>>;
		if (kept) answer = kept as Promise<QueryResult<R>>;
		else {
			answer = this.inner.executeQuery<R>(query);
			if (shared) {
				shared.set(key, answer);
				// a failed read is not kept: the next asker tries again
				answer.catch(() => shared.delete(key));
			}
		}
		try {
			return kept || shared ? copyOf(await answer) : await answer;
		} finally {
			scope.log?.push({ sql: query.sql, parameters: query.parameters.map(readable), ran: !kept, ms: performance.now() - start });
		}
	}

	streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
		current.getStore()?.reads?.clear();
		return this.inner.streamQuery<R>(query, chunkSize);
	}
}

class ScopedDriver implements Driver {
	constructor(private readonly inner: Driver) {}
	init = () => this.inner.init();
	destroy = () => this.inner.destroy();
	acquireConnection = async () => new ScopedConnection(await this.inner.acquireConnection());
	releaseConnection = (c: DatabaseConnection) => this.inner.releaseConnection(unwrap(c));
	async beginTransaction(c: DatabaseConnection, settings: TransactionSettings) {
		current.getStore()?.reads?.clear();
		await this.inner.beginTransaction(unwrap(c), settings);
		if (c instanceof ScopedConnection) c.inTransaction = true;
	}
	async commitTransaction(c: DatabaseConnection) {
		if (c instanceof ScopedConnection) c.inTransaction = false;
		await this.inner.commitTransaction(unwrap(c));
	}
	async rollbackTransaction(c: DatabaseConnection) {
		if (c instanceof ScopedConnection) c.inTransaction = false;
		await this.inner.rollbackTransaction(unwrap(c));
	}
	savepoint: Driver['savepoint'] = (c, name, compile) => this.inner.savepoint!(unwrap(c), name, compile);
	rollbackToSavepoint: Driver['rollbackToSavepoint'] = (c, name, compile) => this.inner.rollbackToSavepoint!(unwrap(c), name, compile);
	releaseSavepoint: Driver['releaseSavepoint'] = (c, name, compile) => this.inner.releaseSavepoint!(unwrap(c), name, compile);
}

const unwrap = (c: DatabaseConnection) => (c instanceof ScopedConnection ? c.inner : c);

/** The dialect with its driver wrapped in the request scope (reads once per request, the query log). */
export function scopedDialect(dialect: Dialect): Dialect {
	return {
		createDriver: () => new ScopedDriver(dialect.createDriver()),
		createQueryCompiler: () => dialect.createQueryCompiler(),
		createAdapter: () => dialect.createAdapter(),
		createIntrospector: (db) => dialect.createIntrospector(db)
	};
}
