/**
 * Moves SQLite's WAL checkpoints off the event loop. SQLite checkpoints in the
 * connection that commits once the WAL passes 1,000 pages: after a ticket
 * import that is a copy of tens of megabytes inside one synchronous call, and
 * every websocket of the server waits for it (~0.5 s for the UCI log). Here
 * the app's connection does not checkpoint (wal_autocheckpoint = 0); a worker
 * thread with a connection of its own runs PASSIVE checkpoints, which never
 * block readers or writers, twice a second. Should the worker die, the app's
 * connection checkpoints by itself again, so the WAL cannot grow unbounded.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename, { fileMustExist: true });
const timer = setInterval(() => {
	try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or locked: the next turn tries again */ }
}, workerData.intervalMs);
parentPort.once('message', () => {
	clearInterval(timer);
	db.close();
	parentPort.close();
});
`;

const DEFAULT_AUTOCHECKPOINT = 1000;

/** Starts checkpointing `filename` in a worker and hooks the connection's close() to stop it first. */
export function checkpointInWorker(connection: SQLite.Database, filename: string, intervalMs = 500): void {
	const driver = createRequire(import.meta.url).resolve('better-sqlite3');
	const worker = new Worker(WORKER, { eval: true, workerData: { driver, filename, intervalMs } });
	worker.unref();
	let closing = false;
	connection.pragma('wal_autocheckpoint = 0');
	const fallBack = () => {
		if (!closing && connection.open) connection.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT}`);
	};
	worker.once('error', fallBack);
	worker.once('exit', fallBack);
	const close = connection.close.bind(connection);
	connection.close = () => {
		closing = true;
		worker.postMessage('stop');
		return close();
	};
}
