import type { CloseCode } from '$lib/realtime/protocol';

/** Thrown inside message handling: the connection is closed with this code. */
export class CollabError extends Error {
	constructor(
		readonly code: CloseCode,
		message: string
	) {
		super(message);
		this.name = 'CollabError';
	}
}
