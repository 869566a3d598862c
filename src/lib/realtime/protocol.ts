/**
 * The wire contract of the collab server, shared by the browser and the server.
 *
 * Message types 0, 1 and 3 are the y-websocket protocol (so the stock
 * `WebsocketProvider` works unmodified); 100 is ours.
 */
export const MessageType = {
	/** y-protocols sync: SyncStep1 (state vector), SyncStep2 / Update (an update) */
	sync: 0,
	/** y-protocols awareness update (presence, cursors) */
	awareness: 1,
	/** "send me everyone's awareness" */
	queryAwareness: 3,
	/**
	 * Flush barrier: client → server `[100, varuint id]`; the server answers
	 * `[100, id, varuint outcome]` once every update this connection sent before
	 * the request is committed to the database, or known to be dropped
	 * (`BarrierOutcome`). Drives an honest "Saved" indicator. A client that reads
	 * only the id (older ones) still works: the outcome is a trailing field.
	 */
	flushBarrier: 100
} as const;

/** The answer to a flush barrier. */
export const BarrierOutcome = {
	/** everything this connection sent before the barrier is in the database */
	committed: 0,
	/**
	 * this connection may not write (read-only access, or the document was
	 * locked): what it sent was dropped, not saved
	 */
	dropped: 1
} as const;
export type BarrierOutcome = (typeof BarrierOutcome)[keyof typeof BarrierOutcome];

/**
 * Close codes. 4400–4499 mirror HTTP 4xx: the stock client treats them as final
 * and stops reconnecting (it emits `closed`). 4500–4599 and 1xxx make it retry.
 */
export const CloseCode = {
	/** server shutting down or restarting: reconnect */
	goingAway: 1001,
	/** unexpected server-side failure (e.g. the database refused a commit): reconnect */
	internalError: 1011,
	/** the person's access to the document changed (e.g. write → read): reconnect to get the new access */
	accessChanged: 4001,
	/** a frame that does not decode, or a message type the server does not know */
	badMessage: 4400,
	/** no valid session */
	unauthenticated: 4401,
	/** signed in, but no access to this document (or a cross-site origin) */
	forbidden: 4403,
	/** the name is not a document name, or names something that does not exist or is not visible */
	unknownDocument: 4404,
	/** one message above MAX_MESSAGE_BYTES, or a presence state above MAX_PRESENCE_STATE_BYTES */
	messageTooLarge: 4413,
	/** the document would grow above the size limit; retrying later may work after compaction */
	documentTooLarge: 4507,
	/**
	 * the client did not read what the server sent it and its backlog passed the
	 * limit (a stalled tab or a peer that never reads): reconnect and resync
	 */
	tooSlow: 4508
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Largest message the server accepts (an initial sync of a long protocol fits easily). */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * Largest presence (awareness) state the server accepts, as JSON, counted as
 * it would relay it (with the identity fields it writes in). Ours is a name, a
 * colour and two cursor positions (a few hundred bytes); a state above this
 * closes the connection with 4413 and is never relayed.
 */
export const MAX_PRESENCE_STATE_BYTES = 8 * 1024;
