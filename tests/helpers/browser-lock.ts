/**
 * A lock across the test workers (separate processes) so that only one test
 * file drives Chromium at a time: on two cores, two browsers plus their
 * servers turn "seen within a second" into a coin toss. mkdir is atomic; the
 * directory names its owner, and a lock whose owner died is taken over.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LOCK_DIR = join(tmpdir(), `samverkan-browser-${createHash('sha1').update(process.cwd()).digest('hex').slice(0, 10)}.lock`);
const OWNER = join(LOCK_DIR, 'owner');
const POLL_MS = 100;
/** a lock directory without an owner file is being created; after this long its creator died */
const UNOWNED_GRACE_MS = 5_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		return (err as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Whether the current lock is left over from a process that is gone. */
function abandoned(): boolean {
	try {
		return !alive(Number(readFileSync(OWNER, 'utf8')));
	} catch {
		try {
			return Date.now() - statSync(LOCK_DIR).mtimeMs > UNOWNED_GRACE_MS;
		} catch {
			return false; // released meanwhile
		}
	}
}

/** Waits for the lock and returns its release (safe to call more than once). */
export async function oneBrowserAtATime(): Promise<() => void> {
	for (;;) {
		try {
			mkdirSync(LOCK_DIR);
			writeFileSync(OWNER, String(process.pid));
			let released = false;
			return () => {
				if (released) return;
				released = true;
				rmSync(LOCK_DIR, { recursive: true, force: true });
			};
		} catch (err) {
			if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
			if (abandoned()) rmSync(LOCK_DIR, { recursive: true, force: true });
			else await sleep(POLL_MS);
		}
	}
}
