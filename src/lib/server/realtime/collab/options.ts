import { MAX_MESSAGE_BYTES } from '$lib/realtime/protocol';

export interface CollabOptions {
	maxMessageBytes: number;
	maxDocumentBytes: number;
	compactAfterRows: number;
	idleUnloadMs: number;
	/** how often open connections are re-authorized */
	recheckMs: number;
}

export const DEFAULT_COLLAB_OPTIONS: CollabOptions = {
	maxMessageBytes: MAX_MESSAGE_BYTES,
	maxDocumentBytes: 16 * 1024 * 1024,
	compactAfterRows: 500,
	idleUnloadMs: 10_000,
	recheckMs: 30_000
};
