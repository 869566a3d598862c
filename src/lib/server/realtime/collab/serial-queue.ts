/**
 * Runs async tasks one after another, in the order pushed. One per connection,
 * so that a connection's messages are handled strictly in order even when a
 * step (loading the document, committing an update) has to wait.
 */
export class SerialQueue {
	private tail: Promise<void> = Promise.resolve();
	private stopped = false;
	/** tasks pushed and not yet finished */
	length = 0;

	/** `onError` gets the first failure; the queue then drops everything after it. */
	constructor(private readonly onError: (err: unknown) => void) {}

	push(task: () => Promise<void> | void): void {
		this.length++;
		this.tail = this.tail.then(async () => {
			try {
				if (!this.stopped) await task();
			} catch (err) {
				this.stopped = true;
				this.onError(err);
			} finally {
				this.length--;
			}
		});
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
