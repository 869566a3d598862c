/**
 * The reader thread's entry (minutes-reader-thread.ts): reads each minutes
 * document it is sent, as its encoded state, into what the projection writes
 * (its plain text and decisions: a small reply, so taking it costs the event
 * loop little). Bundled on its own by scripts/build-server.mjs.
 */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { READY, type ReadReply, type ReadRequest } from './minutes-reader-protocol';

// Projecting is background work: when the cores are busy, the event loop (everyone's edits and
// joins) comes first. On Linux this lowers this thread only. First, so that loading the reader
// (Lexical, Yjs: ~60 ms) already runs at the lower priority.
try {
	setPriority(19);
} catch {
	// not allowed here: the thread runs at the process's priority
}
const { digestMinutesUpdate } = await import('./minutes-reader');

const port = parentPort!;
port.on('message', ({ id, update }: ReadRequest) => {
	let reply: ReadReply;
	try {
		reply = { id, digest: digestMinutesUpdate(update) };
	} catch (err) {
		reply = { id, error: err instanceof Error ? err.message : String(err) };
	}
	port.postMessage(reply);
});
port.postMessage(READY);
