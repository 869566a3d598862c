/**
 * Runs tasks one after another, in the order pushed. One per connection, so
 * that a connection's messages are handled strictly in order even when a step
 * (loading the document, an initial sync) has to wait. A task pushed while
 * nothing waits runs at once, and costs a promise only if it returns one:
 * most messages (an update, presence) are handled synchronously.
 */
export class SerialQueue {
	private tail: Promise<void> = Promise.resolve();
	private stopped = false;
	/** tasks pushed and not yet finished */
	length = 0;

	/** `onError` gets the first failure; the queue then drops everything after it. */
	constructor(private readonly onError: (err: unknown) => void) {}

	push(task: () => Promise<void> | void): void {
		if (this.stopped) return;
		if (this.length === 0) {
			let pending: Promise<void> | void;
			try {
				pending = task();
			} catch (err) {
				this.fail(err);
				return;
			}
			if (pending) this.wait(pending);
			return;
		}
		this.wait(this.tail.then(() => (this.stopped ? undefined : task())));
	}

	/** Everything pushed from now on runs after `work` settles. */
	private wait(work: Promise<void>): void {
		this.length++;
		this.tail = work.then(
			() => void this.length--,
			(err: unknown) => {
				this.length--;
				this.fail(err);
			}
		);
	}

	private fail(err: unknown): void {
		if (this.stopped) return;
		this.stopped = true;
		this.onError(err);
	}

	/** Drops the tasks not yet started (the connection is gone). */
	stop(): void {
		this.stopped = true;
	}

	/** Resolves when everything pushed so far has run. */
	idle(): Promise<void> {
		return this.tail;
	}
}
