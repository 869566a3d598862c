import { BodyTooLarge } from './errors';

/**
 * A request body as chunks for a service that reads it as a stream and may
 * stop early (an import refusing a file over a limit). Stopping does not
 * cancel the body: cancelling destroys the connection (SvelteKit's request
 * stream does `req.destroy()`) before the answer is sent, so the client sees
 * a reset instead of the reason. `discardRest` reads what is left and drops
 * it (bounded by BODY_SIZE_LIMIT), as Node does for a body nobody read.
 * Past `limit` raw bytes (or a declared Content-Length over it) reading
 * stops with BodyTooLarge (413), whatever the service would make of them.
 */
export function streamedBody(request: Request, limit: number): { chunks: AsyncIterable<Uint8Array>; discardRest(): void } {
	if (Number(request.headers.get('content-length') ?? 0) > limit) throw new BodyTooLarge(limit);
	const reader = request.body?.getReader();
	let finished = !reader;
	let size = 0;
	const chunks: AsyncIterable<Uint8Array> = {
		[Symbol.asyncIterator]: () => ({
			async next(): Promise<IteratorResult<Uint8Array>> {
				if (finished || !reader) return { done: true, value: undefined };
				let r: ReadableStreamReadResult<Uint8Array>;
				try {
					r = await reader.read();
				} catch (err) {
					// adapter-node's own limit (BODY_SIZE_LIMIT) ends the stream with a 413 of its own
					if ((err as { status?: unknown }).status === 413) throw new BodyTooLarge(limit);
					throw err;
				}
				if (r.done) finished = true;
				else if ((size += r.value.byteLength) > limit) throw new BodyTooLarge(limit);
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
