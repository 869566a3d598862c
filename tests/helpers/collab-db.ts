/** Reads a shared document straight from the server's database (SQLite or PostgreSQL): what survives a crash. */
import { sql } from 'kysely';
import * as Y from 'yjs';
import { openTestDb } from './test-db';

async function withDb<T>(databaseUrl: string, fn: (db: ReturnType<typeof openTestDb>) => Promise<T>): Promise<T> {
	const db = openTestDb(databaseUrl);
	try {
		return await fn(db);
	} finally {
		await db.destroy();
	}
}

export function readStoredDoc(databaseUrl: string, docName: string): Promise<Y.Doc> {
	return withDb(databaseUrl, async (db) => {
		const doc = new Y.Doc();
		const snapshot = await db.selectFrom('collab_snapshots').select('state').where('doc_name', '=', docName).executeTakeFirst();
		if (snapshot) Y.applyUpdate(doc, snapshot.state);
		const rows = await db.selectFrom('collab_updates').select('data').where('doc_name', '=', docName).orderBy('id').execute();
		for (const r of rows) Y.applyUpdate(doc, r.data);
		return doc;
	});
}

export function logRowCount(databaseUrl: string, docName: string): Promise<number> {
	return withDb(databaseUrl, async (db) => {
		const row = await db.selectFrom('collab_updates').select(sql<number>`count(*)`.as('n')).where('doc_name', '=', docName).executeTakeFirstOrThrow();
		return Number(row.n);
	});
}

export function snapshotBytes(databaseUrl: string, docName: string): Promise<number> {
	return withDb(databaseUrl, async (db) => {
		const row = await db.selectFrom('collab_snapshots').select('state').where('doc_name', '=', docName).executeTakeFirst();
		return row ? (row.state as Uint8Array).byteLength : 0;
	});
}
