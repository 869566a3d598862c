/**
 * The collab server's memory of recent access decisions: who a credential is
 * and what it may do with one document, as last read from the database.
 * Every upgrade and every periodic re-check asked the database three times
 * (session, document, forum membership); many connections of one person, a
 * browser's reconnects and the many sockets of a busy meeting ask the same
 * question again and again. A decision is kept for at most `ttlMs` (the
 * re-check interval, so a connection opened from the cache is no staler than
 * one re-checked on schedule) and never past its session's expiry, and it is
 * dropped at once:
 *   - by every "access changed" event that concerns it (access-events.ts:
 *     logout, password, disabled account, revoked token, forum members or
 *     duties, a meeting's duties), before the connections concerned re-check;
 *   - for a document locked for everyone (approved minutes).
 * A decision read while access changed is not kept (the read may predate the
 * change): `epoch` counts the drops, and `set` takes the epoch its read began in.
 * Refusals are never kept: a refused connection asks the database again.
 * Reads of the same (credential, document) that miss at the same moment (50
 * sockets of one person opening a meeting) share one database read: `decide`
 * hands later callers the read already under way, as long as no access change
 * happened since it began.
 */
import type { Actor } from '$lib/server/domain/actor';
import type { DocumentAccess, DocumentTarget } from '$lib/server/domain/collab/collab.policy';
import { concerns, type AccessChange } from '$lib/server/domain/tenancy/access-events';

export interface AccessDecision {
	actor: Actor;
	target: DocumentTarget;
	access: DocumentAccess;
}

/** A decision read from the database and until when its credential holds at most (a session's expiry). */
export interface HeldDecision {
	decision: AccessDecision;
	until: number;
}

interface Entry extends AccessDecision {
	credential: string;
	expiresAt: number;
}

/** Above this many entries the expired ones are swept out when one is added. */
const SWEEP_ABOVE = 5_000;

export class AccessCache {
	private readonly entries = new Map<string, Entry>();
	private readonly reading = new Map<string, { epoch: number; read: Promise<HeldDecision | null> }>();
	private drops = 0;

	constructor(
		private readonly ttlMs: number,
		private readonly now: () => number = Date.now
	) {}

	private static key(credential: string, docName: string): string {
		return `${docName}\n${credential}`;
	}

	/** The decision for this credential and document if it is still fresh. */
	get(credential: string, docName: string): AccessDecision | null {
		const key = AccessCache.key(credential, docName);
		const entry = this.entries.get(key);
		if (!entry) return null;
		if (entry.expiresAt <= this.now()) {
			this.entries.delete(key);
			return null;
		}
		return entry;
	}

	/**
	 * The fresh decision if there is one; otherwise the result of `read`, kept
	 * for the next callers. A read already under way for the same credential and
	 * document, begun after the last access change, is shared instead of asked
	 * again. Null (the credential no longer holds) and refusals (a rejection) go
	 * to everyone who shared the read and are never kept.
	 */
	async decide(credential: string, docName: string, read: () => Promise<HeldDecision | null>): Promise<AccessDecision | null> {
		const fresh = this.get(credential, docName);
		if (fresh) return fresh;
		const key = AccessCache.key(credential, docName);
		const pending = this.reading.get(key);
		if (pending && pending.epoch === this.drops) return (await pending.read)?.decision ?? null;
		const epoch = this.drops;
		const shared = read();
		this.reading.set(key, { epoch, read: shared });
		try {
			const held = await shared;
			if (held) this.set(credential, held.decision, epoch, held.until);
			return held?.decision ?? null;
		} finally {
			if (this.reading.get(key)?.read === shared) this.reading.delete(key);
		}
	}

	/** Changes each time something is forgotten: take it before reading the database, give it to `set`. */
	get epoch(): number {
		return this.drops;
	}

	/**
	 * Keeps a decision read from the database since `epoch`; `until` caps it (the
	 * session's expiry). Nothing is kept if access changed meanwhile.
	 */
	set(credential: string, decision: AccessDecision, epoch: number, until: number = Infinity): void {
		if (this.ttlMs <= 0 || epoch !== this.drops) return;
		if (this.entries.size >= SWEEP_ABOVE) this.sweep();
		const expiresAt = Math.min(this.now() + this.ttlMs, until);
		this.entries.set(AccessCache.key(credential, decision.target.name), { ...decision, credential, expiresAt });
	}

	/** Forgets every decision an access change concerns. */
	drop(change: AccessChange): void {
		this.drops++;
		for (const [key, e] of this.entries) {
			const holder = { personId: e.actor.personId, credential: e.credential, forumId: e.target.forumId, meetingId: e.target.meetingId };
			if (concerns(change, holder)) this.entries.delete(key);
		}
	}

	/** Forgets every decision about one document (it was locked for everyone). */
	dropDocument(docName: string): void {
		this.drops++;
		for (const [key, e] of this.entries) if (e.target.name === docName) this.entries.delete(key);
	}

	get size(): number {
		return this.entries.size;
	}

	private sweep(): void {
		const now = this.now();
		for (const [key, e] of this.entries) if (e.expiresAt <= now) this.entries.delete(key);
	}
}
