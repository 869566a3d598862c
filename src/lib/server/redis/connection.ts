/**
 * Redis connections for scale-out. ioredis reconnects by itself (with backoff)
 * and queues commands meanwhile; subscribers re-subscribe on reconnect. Every
 * user of Redis asks here, so connection settings and logging live in one place.
 */
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { config } from '../config';
import { onFirstUse } from '../on-first-use';

/** The client, loaded only by an installation with REDIS_URL. */
const ioredis = onFirstUse<typeof import('ioredis')>('ioredis');

/** A stable name for this process in Redis messages and logs. */
export function instanceId(): string {
	return config().INSTANCE_ID ?? `${hostname()}:${process.pid}`;
}

/**
 * A new connection. Pub/sub needs its own (a subscribed connection can do
 * nothing else), so callers open one per role and close it themselves.
 */
export function createRedis(url: string, role: string): Redis {
	const redis = new (ioredis().Redis)(url, {
		connectionName: `samverkan:${role}`,
		// keep retrying for ever: Redis restarting must not take the app down
		maxRetriesPerRequest: null,
		retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, 2000),
		lazyConnect: false
	});
	let reported = false;
	redis.on('error', (err: Error) => {
		// ioredis emits an error per failed reconnect attempt; say it once per outage
		if (!reported) console.warn(`redis (${role}): ${err.message}`);
		reported = true;
	});
	redis.on('ready', () => {
		if (reported) console.warn(`redis (${role}): connected again`);
		reported = false;
	});
	return redis;
}
