/**
 * The lint rule of issue 20 point 3: Kysely query building and raw `sql` only
 * in `*.repository.ts`, the db layer, migrations, tests and benchmarks. Each
 * case lints a snippet under a chosen file name with the project's own
 * eslint.config.js.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const eslint = new ESLint({ cwd: root });
const MESSAGE = /SQL belongs in a \*\.repository\.ts/;
const UNEXECUTED = /built but never run/;

/** Where the messages matching `message` are for `code`, as if it were the file `filePath`. */
async function findings(code: string, filePath: string, message: RegExp): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
	return result.messages.filter((m) => message.test(m.message)).map((m) => `${m.line}:${m.column}`);
}

/** The messages of the SQL rule for `code` as if it were the file `filePath`. */
const sqlFindings = (code: string, filePath: string) => findings(code, filePath, MESSAGE);

const QUERY_BUILDING = `import type { Db } from '$lib/server/db';
export async function a(db: Db) {
	await db.selectFrom('tickets').selectAll().execute();
	await db.insertInto('tickets').values([]).execute();
	await db.updateTable('tickets').set({ title: 'x' }).execute();
	await db.deleteFrom('tickets').execute();
	await db.replaceInto('tickets').values([]).execute();
	await db.mergeInto('tickets').execute();
	await db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
	await db.schema.dropTable('tickets').execute();
}
`;

const RAW_SQL = `import { sql } from 'kysely';
import type { Db } from '$lib/server/db';
export async function b(db: Db) {
	await sql\`select 1\`.execute(db);
	return sql.raw('select 2');
}
`;

const RENAMED_SQL = `import { sql as q, type Kysely } from 'kysely';
export const c = (db: Kysely<object>) => q\`select 1\`.execute(db);
`;

const TYPES_AND_TRANSACTIONS = `import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
export const open = (eb: ExpressionBuilder<Database, 'tickets'>) => eb('status', '=', 'open');
export const inTx = (db: Kysely<Database>) => db.transaction().execute(async () => undefined);
`;

// the first lint loads the configuration and its plugins: slow on a busy machine
beforeAll(() => sqlFindings('', 'src/lib/server/example.ts'), 60_000);

describe('SQL only in repositories (lint rule)', { timeout: 30_000 }, () => {
	it('flags every Kysely query builder in a service, a route and other server code', async () => {
		const lines = ['3:8', '4:8', '5:8', '6:8', '7:8', '8:8', '9:8', '10:8'];
		expect(await sqlFindings(QUERY_BUILDING, 'src/lib/server/domain/kb/example.service.ts')).toEqual(lines);
		expect(await sqlFindings(QUERY_BUILDING, 'src/routes/customers/[id]/+page.server.ts')).toEqual(lines);
		expect(await sqlFindings(QUERY_BUILDING, 'src/lib/server/http/example.ts')).toEqual(lines);
	});

	it('flags raw sql from kysely: its import, tagged templates and sql.raw', async () => {
		expect(await sqlFindings(RAW_SQL, 'src/lib/server/domain/portal/example.ts')).toEqual(['1:10', '4:8', '5:9']);
	});

	it('flags the import of sql under another name', async () => {
		expect(await sqlFindings(RENAMED_SQL, 'src/lib/server/domain/calendar/example.service.ts')).toEqual(['1:10']);
	});

	it('allows them in repositories, the db layer, migrations, tests and benchmarks', async () => {
		for (const file of [
			'src/lib/server/domain/kb/example.repository.ts',
			'src/lib/server/db/example.ts',
			'migrations/2026-12-06T9999_example.ts',
			'src/lib/server/domain/kb/example.test.ts',
			'tests/integration/example.test.ts',
			'bench/example.ts'
		]) {
			expect(await sqlFindings(QUERY_BUILDING + RAW_SQL.replace(/^import type .*$/m, ''), file), file).toEqual([]);
		}
	});

	it('leaves Kysely types, expression builders and transactions to services', async () => {
		expect(await sqlFindings(TYPES_AND_TRANSACTIONS, 'src/lib/server/domain/itsm/example.service.ts')).toEqual([]);
	});
});

// Statements that are built but never run: the merge of issue 20 step 3 once lost an upsert's `.execute()`.
const NOT_RUN = `import type { Executor } from '$lib/server/db';
export const upsert = (db: Executor, id: string) =>
	db.insertInto('forum_duties').values({ forum_id: id }).onConflict((oc) => oc.doNothing());
export async function remove(db: Executor, id: string) {
	await db.deleteFrom('forum_duties').where('forum_id', '=', id);
}
export function find(db: Executor, id: string) {
	return db.selectFrom('forums').selectAll().where('id', '=', id);
}
`;

const RUN = `import type { Executor } from '$lib/server/db';
export const upsert = (db: Executor, id: string) =>
	db.insertInto('forum_duties').values({ forum_id: id }).onConflict((oc) => oc.doNothing()).execute();
export async function remove(db: Executor, id: string) {
	await db.deleteFrom('forum_duties').where('forum_id', '=', id).execute();
}
export function find(db: Executor, id: string) {
	return db.selectFrom('forums').selectAll().where('id', '=', id).executeTakeFirst();
}
export const ids = async (db: Executor) => (await db.selectFrom('forums').select('id').execute()).map((r) => r.id);
export const both = async (db: Executor) => Promise.all([db.selectFrom('forums').selectAll().execute()]);
const base = (db: Executor) => db.selectFrom('forums').where('level', '=', 'cab');
export const count = (db: Executor) => base(db).select('id').execute();
`;

describe('every statement a repository builds is run (lint rule)', { timeout: 30_000 }, () => {
	it('flags a query returned or awaited without .execute()', async () => {
		expect(await findings(NOT_RUN, 'src/lib/server/domain/governance/example.repository.ts', UNEXECUTED)).toEqual(['3:2', '5:8', '8:9']);
	});

	it('leaves run statements, their results and unexported builders alone', async () => {
		expect(await findings(RUN, 'src/lib/server/domain/governance/example.repository.ts', UNEXECUTED)).toEqual([]);
	});
});
