/**
 * A request body as chunks for a service that reads it as a stream and may
 * stop early (an import refusing a file over a limit). Stopping does not
 * cancel the body: cancelling destroys the connection (SvelteKit's request
 * stream does `req.destroy()`) before the answer is sent, so the client sees
 * a reset instead of the reason. `discardRest` reads what is left and drops
 * it (bounded by BODY_SIZE_LIMIT), as Node does for a body nobody read.
 */
export function streamedBody(request: Request): { chunks: AsyncIterable<Uint8Array>; discardRest(): void } {
	const reader = request.body?.getReader();
	let finished = !reader;
	const chunks: AsyncIterable<Uint8Array> = {
		[Symbol.asyncIterator]: () => ({
			async next(): Promise<IteratorResult<Uint8Array>> {
				if (finished || !reader) return { done: true, value: undefined };
				const r = await reader.read();
				if (r.done) finished = true;
				return r.done ? { done: true, value: undefined } : { done: false, value: r.value };
			},
			// a reader stopping early leaves the rest to discardRest
			async return(): Promise<IteratorResult<Uint8Array>> {
				return { done: true, value: undefined };
			}
		})
	};
	return {
		chunks,
		discardRest() {
			if (finished || !reader) return;
			finished = true;
			void (async () => {
				try {
					while (!(await reader.read()).done);
				} catch {
					// the client went away, or the body was over the size limit: nothing left to read
				}
			})();
		}
	};
}
