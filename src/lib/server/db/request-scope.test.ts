import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type Db } from './index';
import { inRequestScope, repeatedQueries, type RequestQueries } from './request-scope';

let db: Db;
let dir: string;
let logFile: string;

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'request-scope-'));
	logFile = join(dir, 'log.jsonl');
	db = createDb({ dialect: 'sqlite', filename: ':memory:' });
	await sql`create table t (id integer primary key, name text)`.execute(db);
	await sql`insert into t (id, name) values (1, 'ett')`.execute(db);
});

afterEach(async () => {
	await db.destroy();
	rmSync(dir, { recursive: true, force: true });
});

// the schema's types do not know the test table
const read = () => sql<{ id: number; name: string }>`select id, name from t where id = ${1}`.execute(db).then((r) => r.rows[0]);
const lastLog = (): RequestQueries => JSON.parse(readFileSync(logFile, 'utf8').trim().split('\n').at(-1)!);
const scope = (shareReads: boolean) => ({ shareReads, logFile, method: shareReads ? 'GET' : 'POST', path: '/x' });

describe('one request, each read once', () => {
	it('a GET runs the same read once and gives every caller its own copy of the rows', async () => {
		const [a, b] = await inRequestScope(scope(true), async () => {
			const a = await read();
			a.name = 'changed by the first caller';
			return [a, await read()];
		});
		expect(b).toEqual({ id: 1, name: 'ett' });
		expect(a).not.toBe(b);
		const log = lastLog();
		expect(log.queries.map((q) => q.ran)).toEqual([true, false]);
		expect(repeatedQueries(log.queries)).toEqual([]);
	});

	it('reads asked for at the same time run once', async () => {
		await inRequestScope(scope(true), () => Promise.all([read(), read(), read()]));
		expect(lastLog().queries.filter((q) => q.ran)).toHaveLength(1);
	});

	it('a write between two reads makes the second read run and see the write', async () => {
		const after = await inRequestScope(scope(true), async () => {
			await read();
			await sql`update t set name = ${'två'} where id = ${1}`.execute(db);
			return read();
		});
		expect(after.name).toBe('två');
		expect(lastLog().queries.map((q) => q.ran)).toEqual([true, true, true]);
	});

	it('a write in a transaction also forgets the kept answers, and reads inside a transaction are never shared', async () => {
		const seen = await inRequestScope(scope(true), async () => {
			await read();
			return db.transaction().execute(async (tx) => {
				await sql`update t set name = ${'tre'} where id = ${1}`.execute(tx);
				const inside = await sql<{ name: string }>`select name from t where id = ${1}`.execute(tx);
				const again = await sql<{ name: string }>`select name from t where id = ${1}`.execute(tx);
				return [inside.rows[0].name, again.rows[0].name];
			});
		});
		expect(seen).toEqual(['tre', 'tre']);
		expect(lastLog().queries.every((q) => q.ran)).toBe(true);
		expect(await inRequestScope(scope(true), read)).toEqual({ id: 1, name: 'tre' });
	});

	it('a request that may change something (not GET/HEAD) runs every read itself', async () => {
		await inRequestScope(scope(false), async () => {
			await read();
			await read();
		});
		const log = lastLog();
		expect(log.queries.map((q) => q.ran)).toEqual([true, true]);
		expect(repeatedQueries(log.queries)).toHaveLength(1);
	});

	it('outside a request, and after its response, nothing is shared', async () => {
		let later: Promise<unknown> = Promise.resolve();
		await inRequestScope(scope(true), async () => {
			await read();
			// work the request leaves running
			later = new Promise((r) => setTimeout(r, 10)).then(async () => {
				await sql`update t set name = ${'fyra'} where id = ${1}`.execute(db).then(() => undefined);
				return read();
			});
		});
		expect(await later).toEqual({ id: 1, name: 'fyra' });
		expect((await read()).name).toBe('fyra');
	});
});

describe('repeatedQueries', () => {
	const q = (s: string, ran = true, parameters: unknown[] = [1]) => ({ sql: s, parameters, ran });
	it('counts a read run twice with the same parameters, not one with other parameters or after a write', () => {
		expect(repeatedQueries([q('select 1 where a = ?'), q('select 1 where a = ?', true, [2]), q('select 1 where a = ?', false)])).toEqual([]);
		expect(repeatedQueries([q('select 1 where a = ?'), q('update t set a = ?'), q('select 1 where a = ?')])).toEqual([]);
		expect(repeatedQueries([q('select 1 where a = ?'), q('select 2'), q('select 1 where a = ?')])).toEqual([{ sql: 'select 1 where a = ?', parameters: [1], times: 2 }]);
	});
});
