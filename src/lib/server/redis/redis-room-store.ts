/**
 * The live room's shared state in Redis, for several app instances (see
 * domain/room/room-store.ts for what it holds and why). Keys, all under the
 * installation's REDIS_PREFIX:
 *
 *   <p>:room:<meeting>           hash: presenting ('1'/'0'), presenterId, slide, material (JSON or ''), page
 *   <p>:room:<meeting>:hands     hash: personId → the raised hand (JSON)
 *   <p>:room:<meeting>:presence  hash: instance → that instance's participants (JSON)
 *   <p>:room:<meeting>:revision  the room's revision (see RoomStore.revise)
 *   <p>:instance:<instance>      exists while that instance is alive (short TTL, refreshed)
 *   <p>:room-generation          a random value that changes only when Redis lost its data
 *
 * Atomicity: every change is one Redis command (HSET of the fields of one
 * concern, HSETNX/HDEL of one hand) or one small Lua script, and each presence
 * field is written by its own instance only, so two instances never
 * overwrite each other's change.
 *
 * An instance that dies without a word (SIGKILL) stops refreshing its
 * `instance` key; within ALIVE_MS its participants no longer count, and the
 * next heartbeat of any instance holding that room removes them and has the
 * room broadcast. If Redis comes back empty (the generation key is gone or
 * new), each instance's heartbeat writes its own presence again and fills in
 * the room's presentation and hands as it last knew them, without
 * overwriting anything written since (see docs/decisions.md).
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Hand, Participant, ShownMaterial } from '$lib/realtime/room/events';
import { clampPage, clampSlide, LiveRoom, sortParticipants } from '$lib/server/domain/room/live-room';
import { nextRevision, type LiveSnapshot, type Presentation, type RevisedPresentation, type RoomStore } from '$lib/server/domain/room/room-store';

export interface RedisRoomStoreOptions {
	/** the installation's key prefix (REDIS_PREFIX) */
	prefix: string;
	/** this process's name (INSTANCE_ID); a random suffix tells restarts apart */
	instance: string;
	/** how often this instance says it is alive and checks its rooms */
	heartbeatMs?: number;
	/** how long an instance counts as alive after its last heartbeat */
	aliveMs?: number;
}

const HEARTBEAT_MS = 2_000;
const ALIVE_MS = 6_000;
/** A room nobody touched for this long is gone (a meeting is over long before). */
const ROOM_TTL_SECONDS = 12 * 3600;
/** Presence of instances that all died vanishes on its own. */
const PRESENCE_TTL_MS = 60_000;
const CLOSE_WAIT_MS = 1_000;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

const ParticipantJson = z.object({ personId: z.string(), name: z.string(), side: z.enum(['supplier', 'customer']) });
const HandJson = ParticipantJson.extend({ at: z.string() });
const MaterialJson = z.object({ id: z.string(), version: z.number(), fileName: z.string() });

/** Sets the presenter only while a presentation runs. */
const PASS_PRESENTATION = `
if redis.call('HGET', KEYS[1], 'presenting') == '1' then
	redis.call('HSET', KEYS[1], 'presenterId', ARGV[1])
end
return 0`;

/** Turns the page (and takes the presentation) only while a material is shown: 0 when none is. */
const TURN_PAGE = `
local shown = redis.call('HGET', KEYS[1], 'material')
if not shown or shown == '' then return 0 end
redis.call('HSET', KEYS[1], 'presenting', '1', 'presenterId', ARGV[1], 'page', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1`;

/** Fills in a room's presentation and hands as last known, keeping whatever was written since Redis came back. */
const RESTORE_ROOM = `
local n = 0
local fields = { 'presenting', 'presenterId', 'slide', 'material', 'page' }
for i, field in ipairs(fields) do n = n + redis.call('HSETNX', KEYS[1], field, ARGV[i + 1]) end
redis.call('EXPIRE', KEYS[1], ARGV[1])
for i = 7, #ARGV, 2 do n = n + redis.call('HSETNX', KEYS[2], ARGV[i], ARGV[i + 1]) end
if #ARGV >= 7 then redis.call('EXPIRE', KEYS[2], ARGV[1]) end
return n`;

/** INCR, but never below the clock in microseconds (ARGV[1]): still growing after Redis lost the key. */
const REVISE = `
local v = redis.call('INCR', KEYS[1])
local floor = tonumber(ARGV[1])
if v < floor then
	redis.call('SET', KEYS[1], ARGV[1])
	v = floor
end
redis.call('EXPIRE', KEYS[1], ARGV[2])
return v`;

type ScriptedRedis = Redis & {
	roomRevise(key: string, floor: string, ttlSeconds: string): Promise<number>;
	roomPassPresentation(room: string, personId: string): Promise<number>;
	roomTurnPage(room: string, personId: string, page: string, ttlSeconds: string): Promise<number>;
	roomRestore(room: string, hands: string, ...args: string[]): Promise<number>;
};

/** A MULTI with our scripts on it (ioredis adds defined commands to pipelines too). */
type ScriptedMulti = ReturnType<Redis['multi']> & {
	roomRevise(key: string, floor: string, ttlSeconds: string): ScriptedMulti;
	roomTurnPage(room: string, personId: string, page: string, ttlSeconds: string): ScriptedMulti;
};

export class RedisRoomStore implements RoomStore {
	/** this instance's sockets per meeting, and the shared state as last seen (to republish) */
	private readonly local = new Map<string, LiveRoom>();
	private readonly listeners: ((meetingId: string) => void)[] = [];
	private readonly redis: ScriptedRedis;
	private readonly self: string;
	private readonly prefix: string;
	private readonly aliveMs: number;
	private readonly timer: NodeJS.Timeout;
	/** the heartbeat running now, if one is (while Redis is away it waits in ioredis's queue) */
	private beating: Promise<void> | null = null;
	/** the Redis data generation this instance last saw (null before its first heartbeat) */
	private generation: string | null = null;

	constructor(redis: Redis, opts: RedisRoomStoreOptions) {
		this.prefix = opts.prefix;
		this.self = `${opts.instance}#${randomBytes(4).toString('hex')}`;
		this.aliveMs = opts.aliveMs ?? ALIVE_MS;
		redis.defineCommand('roomRevise', { numberOfKeys: 1, lua: REVISE });
		redis.defineCommand('roomPassPresentation', { numberOfKeys: 1, lua: PASS_PRESENTATION });
		redis.defineCommand('roomTurnPage', { numberOfKeys: 1, lua: TURN_PAGE });
		redis.defineCommand('roomRestore', { numberOfKeys: 2, lua: RESTORE_ROOM });
		this.redis = redis as ScriptedRedis;
		this.timer = setInterval(() => this.beat(), opts.heartbeatMs ?? HEARTBEAT_MS);
		this.timer.unref();
		this.beat();
	}

	private key(meetingId: string, part?: 'hands' | 'presence' | 'revision'): string {
		return `${this.prefix}:room:${meetingId}${part ? `:${part}` : ''}`;
	}

	private get generationKey(): string {
		return `${this.prefix}:room-generation`;
	}

	private instanceKey(instance: string): string {
		return `${this.prefix}:instance:${instance}`;
	}

	async join(meetingId: string, socketId: string, who: Participant): Promise<boolean> {
		let room = this.local.get(meetingId);
		if (!room) this.local.set(meetingId, (room = new LiveRoom(meetingId)));
		const before = await this.participants(meetingId);
		room.join(socketId, who);
		await this.redis
			.multi()
			.hset(this.key(meetingId, 'presence'), this.self, JSON.stringify(room.participants()))
			.pexpire(this.key(meetingId, 'presence'), PRESENCE_TTL_MS)
			.exec();
		return !before.some((p) => p.personId === who.personId);
	}

	async leave(meetingId: string, socketId: string): Promise<boolean> {
		const room = this.local.get(meetingId);
		const who = room?.participantOf(socketId);
		if (!room || !who) return false;
		room.leave(socketId);
		const presence = this.key(meetingId, 'presence');
		if (room.empty) {
			this.local.delete(meetingId);
			await this.redis.hdel(presence, this.self);
		} else {
			await this.redis.hset(presence, this.self, JSON.stringify(room.participants()));
		}
		const after = await this.participants(meetingId);
		// Everyone has left, on every instance: forget the room, as one process forgets it.
		if (after.length === 0) await this.redis.del(this.key(meetingId), this.key(meetingId, 'hands'), presence, this.key(meetingId, 'revision'));
		return !after.some((p) => p.personId === who.personId);
	}

	hasLocal(meetingId: string): boolean {
		return this.local.has(meetingId);
	}

	async snapshot(meetingId: string): Promise<LiveSnapshot> {
		const [[, room], [, hands], [, generation]] = (await this.redis
			.multi()
			.hgetall(this.key(meetingId))
			.hgetall(this.key(meetingId, 'hands'))
			.get(this.generationKey)
			.exec()) as [[Error | null, Record<string, string>], [Error | null, Record<string, string>], [Error | null, string | null]];
		const presentation = parsePresentation(room);
		const queue = parseHands(hands);
		this.remember(meetingId, generation, presentation, queue);
		return { ...presentation, hands: queue, participants: await this.participants(meetingId) };
	}

	async revise(meetingId: string): Promise<number> {
		return Number(await this.redis.roomRevise(...this.reviseArgs(meetingId)));
	}

	private reviseArgs(meetingId: string): [string, string, string] {
		return [this.key(meetingId, 'revision'), String(nextRevision(0)), String(ROOM_TTL_SECONDS)];
	}

	async startPresenting(meetingId: string, personId: string): Promise<RevisedPresentation> {
		return this.present(meetingId, { presenting: '1', presenterId: personId });
	}

	async stopPresenting(meetingId: string): Promise<RevisedPresentation> {
		return this.present(meetingId, { presenting: '0', presenterId: '' });
	}

	async goTo(meetingId: string, personId: string, slide: number): Promise<RevisedPresentation> {
		return this.present(meetingId, { presenting: '1', presenterId: personId, slide: String(clampSlide(slide)), material: '' });
	}

	async showMaterial(meetingId: string, personId: string, material: ShownMaterial, page: number): Promise<RevisedPresentation> {
		return this.present(meetingId, { presenting: '1', presenterId: personId, material: JSON.stringify(material), page: String(clampPage(page)) });
	}

	async goToPage(meetingId: string, personId: string, page: number): Promise<RevisedPresentation | null> {
		const key = this.key(meetingId);
		const [turned, presentation] = await this.changed(meetingId, (multi) => multi.roomTurnPage(key, personId, String(clampPage(page)), String(ROOM_TTL_SECONDS)));
		return turned === 1 ? presentation : null;
	}

	/** One HSET of the presentation's fields, the result read and a revision taken, in one transaction. */
	private async present(meetingId: string, fields: Record<string, string>): Promise<RevisedPresentation> {
		const key = this.key(meetingId);
		const [, presentation] = await this.changed(meetingId, (multi) => multi.hset(key, fields).expire(key, ROOM_TTL_SECONDS) as unknown as ScriptedMulti);
		return presentation;
	}

	/**
	 * A change of the presentation (`change`, whose first command's answer is
	 * returned), then the result read and a revision taken, in one transaction.
	 */
	private async changed(meetingId: string, change: (multi: ScriptedMulti) => ScriptedMulti): Promise<[unknown, RevisedPresentation]> {
		const key = this.key(meetingId);
		const multi = change(this.redis.multi() as unknown as ScriptedMulti);
		const results = await (multi.hgetall(key).get(this.generationKey) as unknown as ScriptedMulti).roomRevise(...this.reviseArgs(meetingId)).exec();
		const n = results?.length ?? 0;
		const presentation = parsePresentation((results?.[n - 3]?.[1] ?? {}) as Record<string, string>);
		this.remember(meetingId, (results?.[n - 2]?.[1] ?? null) as string | null, presentation);
		return [results?.[0]?.[1], { ...presentation, revision: Number(results?.[n - 1]?.[1]) }];
	}

	async passPresentation(meetingId: string, personId: string): Promise<void> {
		await this.redis.roomPassPresentation(this.key(meetingId), personId);
	}

	async raiseHand(meetingId: string, hand: Hand): Promise<boolean> {
		const key = this.key(meetingId, 'hands');
		const results = await this.redis.multi().hsetnx(key, hand.personId, JSON.stringify(hand)).expire(key, ROOM_TTL_SECONDS).exec();
		return results?.[0]?.[1] === 1;
	}

	async lowerHand(meetingId: string, personId: string): Promise<boolean> {
		return (await this.redis.hdel(this.key(meetingId, 'hands'), personId)) === 1;
	}

	onOutsideChange(listener: (meetingId: string) => void): void {
		this.listeners.push(listener);
	}

	get localRooms(): number {
		return this.local.size;
	}

	async close(): Promise<void> {
		clearInterval(this.timer);
		// The others' next heartbeat drops this instance's participants (and tells their rooms).
		// Redis away: do not hold the shutdown up; the key expires by itself.
		const goodbye = (this.beating ?? Promise.resolve()).then(() => this.redis.del(this.instanceKey(this.self))).catch(() => {});
		await Promise.race([goodbye, delay(CLOSE_WAIT_MS)]);
	}

	/**
	 * Everyone in the room on a live instance: this instance's own sockets as
	 * it knows them, the others' from their presence fields.
	 */
	private async participants(meetingId: string): Promise<Participant[]> {
		const fields = await this.redis.hgetall(this.key(meetingId, 'presence'));
		const others = Object.keys(fields).filter((f) => f !== this.self);
		const alive = others.length ? await this.redis.mget(others.map((i) => this.instanceKey(i))) : [];
		const people = others.filter((_, i) => alive[i] !== null).flatMap((i) => parseParticipants(fields[i]));
		const own = this.local.get(meetingId)?.participants() ?? [];
		return sortParticipants([...own, ...people]);
	}

	/**
	 * Keeps what was read as the room's last known state, to republish should
	 * Redis lose it; but not what was read from a Redis that lost its data
	 * before this instance's heartbeat noticed (that would republish the loss).
	 */
	private remember(meetingId: string, generation: string | null, presentation: Presentation, hands?: Hand[]): void {
		const room = this.local.get(meetingId);
		if (!room || generation === null || generation !== this.generation) return;
		room.presenting = presentation.presenting;
		room.presenterId = presentation.presenterId;
		room.slide = presentation.slide;
		room.material = presentation.material;
		room.page = presentation.page;
		if (hands) room.hands = hands;
	}

	private beat(): void {
		if (this.beating) return;
		this.beating = this.heartbeat()
			.catch((err: Error) => {
				// Redis away: ioredis says so once per outage (connection.ts); the next beat tries again.
				if (!/Connection is closed|ECONNREFUSED/.test(err.message)) console.warn(`room: heartbeat failed: ${err.message}`);
			})
			.finally(() => (this.beating = null));
	}

	private async heartbeat(): Promise<void> {
		const pipe = this.redis.pipeline().set(this.instanceKey(this.self), '1', 'PX', this.aliveMs);
		// Written again every time, so presence comes back by itself after Redis lost it.
		for (const [meetingId, room] of this.local) {
			pipe.hset(this.key(meetingId, 'presence'), this.self, JSON.stringify(room.participants()));
			pipe.pexpire(this.key(meetingId, 'presence'), PRESENCE_TTL_MS);
		}
		await pipe.exec();
		const lost = await this.redisLostData();
		for (const [meetingId, room] of [...this.local]) {
			const dropped = await this.dropDeadInstances(meetingId);
			if (lost) await this.redis.roomRestore(this.key(meetingId), this.key(meetingId, 'hands'), ...restoreArgs(room));
			if (dropped || lost) for (const listener of this.listeners) listener(meetingId);
		}
	}

	/**
	 * Whether Redis has lost its data since the last heartbeat: the generation
	 * key (set once by whichever instance finds it missing) is gone or new.
	 */
	private async redisLostData(): Promise<boolean> {
		const key = this.generationKey;
		const fresh = randomBytes(8).toString('hex');
		await this.redis.set(key, fresh, 'NX');
		const current = await this.redis.get(key);
		const lost = this.generation !== null && current !== this.generation;
		this.generation = current;
		return lost;
	}

	/** Removes the presence of instances that stopped beating; true when there were any. */
	private async dropDeadInstances(meetingId: string): Promise<boolean> {
		const presence = this.key(meetingId, 'presence');
		const others = (await this.redis.hkeys(presence)).filter((f) => f !== this.self);
		if (others.length === 0) return false;
		const alive = await this.redis.mget(others.map((i) => this.instanceKey(i)));
		const dead = others.filter((_, i) => alive[i] === null);
		// HDEL's count tells which instance removed them first: only that one broadcasts.
		return dead.length > 0 && (await this.redis.hdel(presence, ...dead)) > 0;
	}
}

function parsePresentation(fields: Record<string, string>): Presentation {
	const presenting = fields.presenting === '1';
	const slide = Number(fields.slide ?? 0);
	const page = Number(fields.page ?? 1);
	const material = MaterialJson.safeParse(safeJson(fields.material || undefined));
	return {
		presenting,
		presenterId: presenting && fields.presenterId ? fields.presenterId : null,
		slide: Number.isFinite(slide) ? clampSlide(slide) : 0,
		material: material.success ? material.data : null,
		page: Number.isFinite(page) ? clampPage(page) : 1
	};
}

/** Hands in the order raised (the time each instance stamped, then the person, so every instance agrees). */
function parseHands(fields: Record<string, string>): Hand[] {
	const hands = Object.values(fields).flatMap((raw) => {
		const parsed = HandJson.safeParse(safeJson(raw));
		return parsed.success ? [parsed.data] : [];
	});
	return hands.sort((a, b) => (a.at === b.at ? a.personId.localeCompare(b.personId) : a.at < b.at ? -1 : 1));
}

function parseParticipants(raw: string | undefined): Participant[] {
	const parsed = z.array(ParticipantJson).safeParse(safeJson(raw));
	return parsed.success ? parsed.data : [];
}

function safeJson(raw: string | undefined): unknown {
	try {
		return raw === undefined ? undefined : JSON.parse(raw);
	} catch {
		return undefined;
	}
}

function restoreArgs(room: LiveRoom): string[] {
	const args = [
		String(ROOM_TTL_SECONDS),
		room.presenting ? '1' : '0',
		room.presenterId ?? '',
		String(room.slide),
		room.material ? JSON.stringify(room.material) : '',
		String(room.page)
	];
	for (const hand of room.hands) args.push(hand.personId, JSON.stringify(hand));
	return args;
}
