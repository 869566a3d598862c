/**
 * "Access changed": told by the domain services that end sessions or change
 * who may do what (after their transaction committed), so that open sockets
 * (the collab server, the live room) re-check at once instead of at their
 * next periodic re-check. Delivered in this process to every listener, and,
 * when a relay is set (REDIS_URL: the collab fan-out), to every other
 * instance, whose listeners get it as if it were their own.
 *
 * An event only says *whose* access to look at again; what the access is now
 * is always read from the database by whoever re-checks. A lost event costs
 * nothing but time: the periodic re-check stays as the safety net.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

export type AccessChange =
	/** one session ended (logout); `sessionId` is the session's stored digest, never the token */
	| { kind: 'session'; sessionId: string }
	/** a person's sessions ended or their access level changed (password, disabled, access) */
	| { kind: 'person'; personId: string }
	/** an API token was revoked (a token acts as an Actor whose personId is the token's id) */
	| { kind: 'token'; tokenId: string }
	/** a forum's members or duties changed: its documents and its meetings' rooms */
	| { kind: 'forum'; forumId: string }
	/** one meeting's own duties changed */
	| { kind: 'meeting'; meetingId: string };

const id = z.string().min(1).max(128);

/** The wire form, checked: anything from Redis is untrusted input. */
export const AccessChangeSchema: z.ZodType<AccessChange> = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('session'), sessionId: id }).strict(),
	z.object({ kind: z.literal('person'), personId: id }).strict(),
	z.object({ kind: z.literal('token'), tokenId: id }).strict(),
	z.object({ kind: z.literal('forum'), forumId: id }).strict(),
	z.object({ kind: z.literal('meeting'), meetingId: id }).strict()
]);

export function parseAccessChange(value: unknown): AccessChange | null {
	const parsed = AccessChangeSchema.safeParse(value);
	return parsed.success ? parsed.data : null;
}

/** The id a session is stored under: what a `session` event names. */
export const sessionIdOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Whom an open socket acts for, and on what: enough to tell whether an event concerns it. */
export interface AccessHolder {
	personId: string;
	/** the session (or API token) the socket was opened with */
	credential: string;
	forumId: string | null;
	meetingId: string | null;
}

export function concerns(change: AccessChange, holder: AccessHolder): boolean {
	switch (change.kind) {
		case 'session':
			return sessionIdOf(holder.credential) === change.sessionId;
		case 'person':
			return holder.personId === change.personId;
		case 'token':
			return holder.personId === change.tokenId;
		case 'forum':
			return holder.forumId === change.forumId;
		case 'meeting':
			return holder.meetingId === change.meetingId;
	}
}

export type AccessListener = (change: AccessChange) => void;
/** Sends a change to the other instances; resolves once the broker has taken it (and handed it to their subscriptions). */
export type AccessRelay = (change: AccessChange) => Promise<void>;

interface Bus {
	listeners: Set<AccessListener>;
	/** to the other instances; null with one instance */
	relay: AccessRelay | null;
	/** relays not yet confirmed by the broker */
	inFlight: Set<Promise<void>>;
}

// One bus per process, also when the code is loaded twice (the Vite dev server).
const BUS_KEY = Symbol.for('samverkan.access-events');
const bus: Bus = ((globalThis as { [BUS_KEY]?: Bus })[BUS_KEY] ??= { listeners: new Set(), relay: null, inFlight: new Set() });

function deliver(change: AccessChange): void {
	for (const listener of bus.listeners) {
		try {
			listener(change);
		} catch (err) {
			console.error('access events: a listener failed', err);
		}
	}
}

/** Tells this instance and the others. Call after the change is committed. */
export function accessChanged(...changes: AccessChange[]): void {
	for (const change of changes) {
		deliver(change);
		const relayed = bus.relay?.(change);
		if (relayed) {
			const tracked: Promise<void> = relayed.catch(() => {}).finally(() => bus.inFlight.delete(tracked));
			bus.inFlight.add(tracked);
		}
	}
}

/**
 * Resolves once every change relayed so far has reached the broker, or after
 * `waitMs` (the broker is down: healing and the periodic re-check take over).
 * A request that changed access answers only after this (hooks.server.ts), so
 * the other instances hold the change before the client can send anything
 * more: an edit sent after the answer to a logout is refused on every instance.
 */
export function accessChangesRelayed(waitMs = 1_000): Promise<void> {
	if (bus.inFlight.size === 0) return Promise.resolve();
	let timer: ReturnType<typeof setTimeout> | undefined;
	return Promise.race([Promise.all(bus.inFlight).then(() => {}), new Promise<void>((r) => (timer = setTimeout(r, waitMs)))]).finally(() => clearTimeout(timer));
}

/** An event another instance published: for this instance's listeners only. */
export function receivedAccessChange(change: AccessChange): void {
	deliver(change);
}

export function onAccessChange(listener: AccessListener): () => void {
	bus.listeners.add(listener);
	return () => bus.listeners.delete(listener);
}

/** Sets where events go for the other instances (null: nowhere); returns a function that unsets it. */
export function relayAccessChanges(relay: AccessRelay): () => void {
	bus.relay = relay;
	return () => {
		if (bus.relay === relay) bus.relay = null;
	};
}
