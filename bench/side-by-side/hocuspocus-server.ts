/**
 * Reference (c): Hocuspocus 3.x (@hocuspocus/server) storing through
 * @hocuspocus/extension-database into SQLite (better-sqlite3, WAL, the same
 * pragmas as Samverkan), with its default store debounce (2 s, at most 10 s):
 * a document's state is written as one blob per document, not per update.
 *
 *   HOCUSPOCUS_DB=<file> node --import tsx bench/side-by-side/hocuspocus-server.ts
 */
import Database from 'better-sqlite3';
import { Server } from '@hocuspocus/server';
import { Database as DatabaseExtension } from '@hocuspocus/extension-database';

const db = new Database(process.env.HOCUSPOCUS_DB ?? 'hocuspocus.db');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB NOT NULL)');
const read = db.prepare('SELECT data FROM documents WHERE name = ?');
const write = db.prepare('INSERT INTO documents (name, data) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data');

const server = new Server({
	port: 0,
	address: '127.0.0.1',
	quiet: true,
	extensions: [
		new DatabaseExtension({
			fetch: async ({ documentName }) => (read.get(documentName) as { data: Buffer } | undefined)?.data ?? null,
			store: async ({ documentName, state }) => void write.run(documentName, state)
		})
	]
});
await server.listen();
console.log(`listening on http://127.0.0.1:${server.address.port}`);
process.on('SIGTERM', async () => {
	await server.destroy();
	db.close();
	process.exit(0);
});
