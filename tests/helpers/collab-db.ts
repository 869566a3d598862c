/** Reads a shared document straight from the server's SQLite file: what survives a crash. */
import Database from 'better-sqlite3';
import * as Y from 'yjs';

export function readStoredDoc(databaseFile: string, docName: string): Y.Doc {
	const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
	try {
		const doc = new Y.Doc();
		const snapshot = db.prepare('SELECT state FROM collab_snapshots WHERE doc_name = ?').get(docName) as { state: Buffer } | undefined;
		if (snapshot) Y.applyUpdate(doc, snapshot.state);
		const rows = db.prepare('SELECT data FROM collab_updates WHERE doc_name = ? ORDER BY id').all(docName) as { data: Buffer }[];
		for (const r of rows) Y.applyUpdate(doc, r.data);
		return doc;
	} finally {
		db.close();
	}
}

export function logRowCount(databaseFile: string, docName: string): number {
	const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
	try {
		return (db.prepare('SELECT count(*) AS n FROM collab_updates WHERE doc_name = ?').get(docName) as { n: number }).n;
	} finally {
		db.close();
	}
}
