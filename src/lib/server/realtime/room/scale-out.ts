/**
 * Where the live room keeps its shared state: in memory for one process, or,
 * with REDIS_URL, in Redis with socket.io's Redis adapter, so that broadcasts,
 * `fetchSockets` and the room's state reach every app instance.
 */
import type { createAdapter as CreateAdapter } from '@socket.io/redis-adapter';
import { MemoryRoomStore, type RoomStore } from '$lib/server/domain/room/room-store';
import { createRedis, instanceId } from '$lib/server/redis/connection';
import { RedisRoomStore } from '$lib/server/redis/redis-room-store';
import { onFirstUse } from '$lib/server/on-first-use';

const redisAdapter = onFirstUse<{ createAdapter: typeof CreateAdapter }>('@socket.io/redis-adapter');
import type { RoomIo } from './types';

export interface RoomScaleOut {
	redisUrl: string;
	/** the installation's namespace in Redis (REDIS_PREFIX): keys and pub/sub channels */
	prefix: string;
}

export interface RoomBackend {
	store: RoomStore;
	/** after io.close(): the store's last word, then the connections */
	close(): Promise<void>;
}

export function roomBackend(io: RoomIo, scaleOut: RoomScaleOut | undefined): RoomBackend {
	if (!scaleOut) {
		const store = new MemoryRoomStore();
		return { store, close: () => store.close() };
	}
	const pub = createRedis(scaleOut.redisUrl, 'room');
	// a subscribed connection can do nothing else
	const sub = createRedis(scaleOut.redisUrl, 'room-subscriber');
	// An instance that died stops counting for fetchSockets at once (Redis drops its subscription);
	// one that hangs holds a request up for at most this long.
	io.adapter(redisAdapter().createAdapter(pub, sub, { key: `${scaleOut.prefix}:socket.io`, requestsTimeout: 3_000, publishOnSpecificResponseChannel: true }));
	const store = new RedisRoomStore(pub, { prefix: scaleOut.prefix, instance: instanceId() });
	return {
		store,
		async close() {
			await store.close();
			// QUIT waits for Redis; if it is away, just drop the connections.
			const quit = Promise.allSettled([pub.quit(), sub.quit()]);
			await Promise.race([quit, new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
			pub.disconnect();
			sub.disconnect();
		}
	};
}
