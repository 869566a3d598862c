/**
 * Fan-out of shared documents between app instances. Each instance publishes
 * what its own clients changed (after it is committed) and its clients'
 * presence on one Redis channel per document, and subscribes to the channels
 * of the documents it has loaded. Redis only carries news: the database stays
 * the source of truth, and whatever a message failed to bring is healed from
 * it (registry.ts). One instance without Redis uses `localFanout`, which does
 * nothing.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { createRedis, instanceId } from '$lib/server/redis/connection';
import { ACCESS_CHANNEL, decodeFanout, encodeFanout, type FanoutBody, type FanoutMessage } from './fanout-message';

export interface FanoutMetrics {
	instanceId: string;
	/** Redis configured (several instances) */
	distributed: boolean;
	/** the subscriber connection is up (always true without Redis) */
	redisConnected: boolean;
	/** document channels subscribed (documents loaded here) */
	subscribedDocuments: number;
	publishedUpdates: number;
	publishedAwareness: number;
	publishedControl: number;
	/** messages not sent because Redis was down (healing brings them) */
	skippedWhileDisconnected: number;
	receivedUpdates: number;
	receivedAwareness: number;
	receivedControl: number;
	/** messages from Redis that did not decode: dropped and logged */
	droppedMalformed: number;
	/** times the subscriber connection came back after an outage */
	reconnects: number;
	/** documents compared with the database (state-vector exchange) */
	healChecks: number;
	/** of those, documents that lacked something and were healed */
	healedDocuments: number;
}

export type FanoutListener = (docName: string, message: FanoutMessage) => void;

export interface DocumentFanout {
	/** false for the single-instance no-op */
	readonly distributed: boolean;
	readonly connected: boolean;
	/** Publishes to the other instances holding this document (fire and forget; skipped while Redis is down). */
	publish(docName: string, body: FanoutBody): void;
	/** publish, resolving once Redis has taken it (handed it to the subscribers); at once while it is down */
	publishConfirmed(docName: string, body: FanoutBody): Promise<void>;
	/** Starts receiving this document's messages; resolves once Redis confirmed (at once while it is down). */
	subscribe(docName: string): Promise<void>;
	unsubscribe(docName: string): void;
	/** messages of other instances, never our own */
	onMessage(listener: FanoutListener): void;
	/** Redis is back after an outage and our subscriptions are active again: time to heal. */
	onReconnect(listener: () => void): void;
	/** counters kept by the registry's healing, reported with the rest */
	readonly counters: FanoutMetrics;
	metrics(): FanoutMetrics;
	close(): Promise<void>;
}

function emptyMetrics(instanceId: string, distributed: boolean): FanoutMetrics {
	return {
		instanceId,
		distributed,
		redisConnected: !distributed,
		subscribedDocuments: 0,
		publishedUpdates: 0,
		publishedAwareness: 0,
		publishedControl: 0,
		skippedWhileDisconnected: 0,
		receivedUpdates: 0,
		receivedAwareness: 0,
		receivedControl: 0,
		droppedMalformed: 0,
		reconnects: 0,
		healChecks: 0,
		healedDocuments: 0
	};
}

/** One process, no Redis: nothing to send, nothing to receive. */
export function localFanout(instanceId = 'local'): DocumentFanout {
	const counters = emptyMetrics(instanceId, false);
	return {
		distributed: false,
		connected: true,
		publish() {},
		publishConfirmed: () => Promise.resolve(),
		subscribe: () => Promise.resolve(),
		unsubscribe() {},
		onMessage() {},
		onReconnect() {},
		counters,
		metrics: () => ({ ...counters }),
		close: () => Promise.resolve()
	};
}

/** Longest wait for Redis to confirm a subscription before a document is served anyway. */
const SUBSCRIBE_WAIT_MS = 2000;

/**
 * Redis pub/sub on two connections (a subscribed connection can do nothing
 * else). Channels: `<prefix>:collab:<docName>`; the prefix separates
 * installations sharing one Redis.
 */
export class RedisFanout implements DocumentFanout {
	readonly distributed = true;
	readonly counters: FanoutMetrics;
	/** who we are in messages: the instance id plus a random part, so two processes never take each other's messages for their own echo */
	private readonly sender: string;
	private readonly channelPrefix: string;
	private readonly subscribed = new Set<string>();
	private readonly messageListeners: FanoutListener[] = [];
	private readonly reconnectListeners: (() => void)[] = [];
	/** the subscriber was ready once and lost its connection since */
	private lost = false;
	private everReady = false;
	/** documents whose changes or locks could not be published while Redis was down */
	private readonly unsent = new Set<string>();

	constructor(
		private readonly pub: Redis,
		private readonly sub: Redis,
		prefix: string,
		instanceId: string
	) {
		this.sender = `${instanceId}/${randomBytes(4).toString('hex')}`;
		this.channelPrefix = `${prefix}:collab:`;
		this.counters = emptyMetrics(instanceId, true);
		sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel, message));
		sub.on('close', () => {
			if (this.everReady) this.lost = true;
		});
		pub.on('ready', () => {
			// What we could not publish (Redis down, or not up yet when we
			// started) is in the database: tell the others to compare with it.
			// Their own reconnect heals too, but their subscriber may have come
			// back before our publisher did.
			for (const docName of this.unsent) this.publish(docName, { kind: 'stale' });
			this.unsent.clear();
		});
		sub.on('ready', () => {
			// The first connect matters too when Redis was not up yet as documents
			// were loaded; with nothing loaded the heal that follows is a no-op.
			if (this.lost) this.counters.reconnects++;
			this.everReady = true;
			this.lost = false;
			// ioredis re-subscribes right after emitting 'ready'. A PING queued
			// behind those SUBSCRIBEs answers once they are in force: anything
			// published after that reaches us, anything before is in the database
			// by then (commit precedes publish), so the heal that follows sees it.
			setImmediate(() => {
				this.sub.ping().then(
					() => this.reconnectListeners.forEach((l) => l()),
					() => {}
				);
			});
		});
	}

	get connected(): boolean {
		return this.sub.status === 'ready' && this.pub.status === 'ready';
	}

	publish(docName: string, body: FanoutBody): void {
		void this.publishConfirmed(docName, body);
	}

	publishConfirmed(docName: string, body: FanoutBody): Promise<void> {
		if (this.pub.status !== 'ready') {
			// ioredis would queue it for ever: drop it, healing brings it to the others.
			this.counters.skippedWhileDisconnected++;
			if (body.kind !== 'awareness' && body.kind !== 'awarenessQuery') this.unsent.add(docName);
			return Promise.resolve();
		}
		const bytes = encodeFanout({ ...body, sender: this.sender });
		if (body.kind === 'update') this.counters.publishedUpdates++;
		else if (body.kind === 'awareness') this.counters.publishedAwareness++;
		else this.counters.publishedControl++;
		return this.pub.publish(this.channelPrefix + docName, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).then(
			() => {},
			() => {
				this.counters.skippedWhileDisconnected++;
				if (body.kind !== 'awareness' && body.kind !== 'awarenessQuery') this.unsent.add(docName);
			}
		);
	}

	async subscribe(docName: string): Promise<void> {
		this.subscribed.add(docName);
		const done = this.sub.subscribe(this.channelPrefix + docName).then(
			() => {},
			(err: unknown) => console.warn(`collab fan-out: subscribing to ${docName} failed: ${String(err)}`)
		);
		// While Redis is down the SUBSCRIBE waits in ioredis's queue; healing after
		// the reconnect covers what is published meanwhile. Do not hold the load.
		if (this.sub.status !== 'ready') return;
		let timer: ReturnType<typeof setTimeout> | undefined;
		await Promise.race([done, new Promise<void>((r) => (timer = setTimeout(r, SUBSCRIBE_WAIT_MS)))]);
		clearTimeout(timer);
	}

	unsubscribe(docName: string): void {
		if (!this.subscribed.delete(docName)) return;
		this.sub.unsubscribe(this.channelPrefix + docName).catch(() => {});
	}

	onMessage(listener: FanoutListener): void {
		this.messageListeners.push(listener);
	}

	onReconnect(listener: () => void): void {
		this.reconnectListeners.push(listener);
	}

	metrics(): FanoutMetrics {
		return { ...this.counters, redisConnected: this.connected, subscribedDocuments: this.subscribed.size - (this.subscribed.has(ACCESS_CHANNEL) ? 1 : 0) };
	}

	private receive(channel: Buffer, raw: Buffer): void {
		const name = channel.toString('utf8');
		if (!name.startsWith(this.channelPrefix)) return;
		const docName = name.slice(this.channelPrefix.length);
		const decoded = decodeFanout(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength));
		if ('error' in decoded) {
			this.counters.droppedMalformed++;
			console.warn(`collab fan-out: dropped a malformed message on ${docName}: ${decoded.error}`);
			return;
		}
		const { message } = decoded;
		if (message.sender === this.sender) return;
		if (!this.subscribed.has(docName)) return;
		if (message.kind === 'update') this.counters.receivedUpdates++;
		else if (message.kind === 'awareness') this.counters.receivedAwareness++;
		else this.counters.receivedControl++;
		for (const listener of this.messageListeners) {
			try {
				listener(docName, message);
			} catch (err) {
				console.error(`collab fan-out: handling a message on ${docName} failed`, err);
			}
		}
	}

	async close(): Promise<void> {
		await Promise.allSettled([this.sub.quit(), this.pub.quit()]);
	}
}

/** The fan-out of an installation with Redis: its own publisher and subscriber connections. */
export function createRedisFanout(url: string, prefix: string): DocumentFanout {
	return new RedisFanout(createRedis(url, 'collab-pub'), createRedis(url, 'collab-sub'), prefix, instanceId());
}
