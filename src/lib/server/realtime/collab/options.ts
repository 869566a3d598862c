import { MAX_MESSAGE_BYTES } from '$lib/realtime/protocol';

export interface CollabOptions {
	maxMessageBytes: number;
	/**
	 * Unsent bytes one connection may hold in the server (on top of the largest
	 * single message it was sent, e.g. a big initial sync) before it is closed
	 * with 4508: a peer that never reads must not grow the server's memory.
	 */
	maxBufferedBytes: number;
	maxDocumentBytes: number;
	compactAfterRows: number;
	idleUnloadMs: number;
	/** how often open connections are re-authorized */
	recheckMs: number;
	/**
	 * Several instances: how often the loaded documents are compared with the
	 * database (log row counts) and healed if another instance's update did not
	 * reach us through Redis
	 */
	healMs: number;
}

export const DEFAULT_COLLAB_OPTIONS: CollabOptions = {
	maxMessageBytes: MAX_MESSAGE_BYTES,
	maxBufferedBytes: 4 * 1024 * 1024,
	maxDocumentBytes: 16 * 1024 * 1024,
	compactAfterRows: 500,
	idleUnloadMs: 10_000,
	recheckMs: 30_000,
	healMs: 5_000
};
