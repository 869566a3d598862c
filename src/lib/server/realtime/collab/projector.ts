/**
 * Runs the projection of live documents into SQL (domain/collab/projection.ts)
 * a moment after they change: debounced per document (many keystrokes, one
 * projection), at most one run per document at a time, and on demand
 * (`flush`) before something reads the projected tables and must see the
 * latest state (approval, unload, shutdown).
 */
import type * as Y from 'yjs';
import type { Db } from '$lib/server/db';
import type { DocumentTarget } from '$lib/server/domain/collab/collab.policy';
import { projectDocument } from '$lib/server/domain/collab/projection';

interface Pending {
	target: DocumentTarget;
	doc: Y.Doc;
	timer: ReturnType<typeof setTimeout> | null;
	/** the run in progress, if any */
	running: Promise<void> | null;
	/** changed again while running: run once more afterwards */
	dirty: boolean;
	/** how long the last run took: big documents are projected less often */
	lastRunMs: number;
}

export class Projector {
	private readonly pending = new Map<string, Pending>();

	constructor(
		private readonly db: Db,
		private readonly delayMs = 300
	) {}

	/** The document changed: project it after the delay. */
	schedule(target: DocumentTarget, doc: Y.Doc): void {
		let p = this.pending.get(target.name);
		if (!p) {
			p = { target, doc, timer: null, running: null, dirty: false, lastRunMs: 0 };
			this.pending.set(target.name, p);
		}
		p.doc = doc;
		if (p.running) {
			p.dirty = true;
			return;
		}
		if (p.timer) return;
		// Never spend more than about a tenth of the time projecting one document.
		p.timer = setTimeout(() => void this.run(p), Math.max(this.delayMs, 10 * p.lastRunMs));
		p.timer.unref?.();
	}

	/** Projects now if anything is pending for this document; resolves when the tables are current. */
	async flush(name: string): Promise<void> {
		for (;;) {
			const p = this.pending.get(name);
			if (!p) return;
			if (p.running) {
				await p.running;
				continue;
			}
			await this.run(p);
		}
	}

	async flushAll(): Promise<void> {
		await Promise.all([...this.pending.keys()].map((name) => this.flush(name)));
	}

	private run(p: Pending): Promise<void> {
		if (p.timer) clearTimeout(p.timer);
		p.timer = null;
		p.dirty = false;
		const started = performance.now();
		p.running = this.db
			.transaction()
			.execute((tx) => projectDocument(tx, p.target, p.doc))
			.catch((err) => console.error(`collab: projecting ${p.target.name} failed`, err))
			.finally(() => {
				p.lastRunMs = performance.now() - started;
				p.running = null;
				if (p.dirty) this.schedule(p.target, p.doc);
				else if (!p.timer && this.pending.get(p.target.name) === p) this.pending.delete(p.target.name);
			});
		return p.running;
	}
}
