/**
 * The application's process-wide state: one database, one login limiter.
 * Created once by the `init` hook and shared with the custom server through a
 * registry on globalThis, so the server never loads a second copy of the code.
 */
import { config } from './config';
import { secretBox } from './crypto/secret-box';
import { createDb, parseDatabaseUrl, type Db } from './db';
import { bundledMigrations } from './db/migrations';
import { migrateToLatest } from './db/migrator';
import { installCatalogue } from './domain/governance/catalogue.service';
import { deleteExpiredSessions } from './domain/tenancy/sessions';
import { ensureBootstrapAdmin, ensureSupplier } from './domain/tenancy/supplier.service';
import { LoginLimiter } from './domain/tenancy/login-limiter';
import { deleteExpiredLoginChallenges } from './domain/tenancy/accounts.repository';
import { loadDemoData } from './demo/demo-data';
import { loadDemoHistory } from './demo/demo-history';
import { attachRealtime, createRealtime, type Realtime } from './realtime/attach';
import { withRoom } from './realtime/room/attach';
import { attachRoom, type RoomServer } from './realtime/room/room-server';
import type { Server } from 'node:http';
import { DEFAULT_COLLAB_OPTIONS } from './realtime/collab/options';
import { DocumentRegistry } from './realtime/collab/registry';
import { createRedisFanout, localFanout } from './realtime/collab/fanout';
import { createRedis } from './redis/connection';
import { DeliveryWorker } from './domain/notifications/delivery-worker';
import { smtpTransport } from './domain/notifications/mail-transport';
import { SyncWorker } from './domain/itsm/sync/sync-worker';

export interface App {
	db: Db;
	loginLimiter: LoginLimiter;
	/** wrong second-factor codes, per person+IP and per IP */
	codeLimiter: LoginLimiter;
	/** password-reset requests, per address and per IP */
	resetLimiter: LoginLimiter;
	/** sign-ins started through an organisation's identity provider, per e-mail and per IP */
	oidcStartLimiter: LoginLimiter;
	/** the installation's sign-in rules that are settings */
	signIn: { requireTwoFactorForSupplierAdmins: boolean };
	/**
	 * Serves /collab/* websockets on the custom server's http.Server (the server
	 * never imports src/ itself; it finds this on the registered App).
	 */
	attachRealtime(server: Server): Realtime;
	/** The same, without an http.Server: for the Vite dev plugin, which routes upgrades itself. */
	createRealtime(): Realtime;
	/**
	 * The live shared documents of this process: what the domain uses to change
	 * a document itself (escalation, carry-over) and to wait for the projection.
	 */
	documents: DocumentRegistry;
	/** The live meeting room (socket.io on /socket.io); attachRealtime attaches it too, the Vite dev plugin calls it alone. */
	attachRoom(server: Server): RoomServer;
	/** Delivers the notification outbox (mails, the bell); every instance runs one. */
	notifications: DeliveryWorker;
	/** Runs the ticket connectors on their schedules; every instance runs one. */
	sync: SyncWorker;
	/** Tells every open page of these people (on every instance) their bell's new unread count. */
	bellChanged(personIds: readonly string[]): void;
	close(): Promise<void>;
}

const REGISTRY_KEY = Symbol.for('samverkan.app');
type Registry = { [REGISTRY_KEY]?: Promise<App> };

async function createApp(): Promise<App> {
	const cfg = config();
	const db = createDb(parseDatabaseUrl(cfg.DATABASE_URL));
	// Kysely's migrator takes a lock (SQLite: the write lock; PostgreSQL: an
	// advisory lock), so instances starting together migrate once.
	if (cfg.MIGRATE_ON_START === '1') await migrateToLatest(db, bundledMigrations);
	await db.transaction().execute(async (tx) => {
		await ensureSupplier(tx, cfg.SUPPLIER_NAME);
		await installCatalogue(tx);
	});
	const collabOptions = {
		...DEFAULT_COLLAB_OPTIONS,
		maxDocumentBytes: cfg.COLLAB_MAX_DOCUMENT_BYTES,
		compactAfterRows: cfg.COLLAB_COMPACT_AFTER_ROWS,
		idleUnloadMs: cfg.COLLAB_IDLE_UNLOAD_MS,
		recheckMs: cfg.COLLAB_RECHECK_MS,
		healMs: cfg.COLLAB_HEAL_MS
	};
	// Several instances share documents through Redis; one instance needs none.
	const fanout = cfg.REDIS_URL ? createRedisFanout(cfg.REDIS_URL, cfg.REDIS_PREFIX) : localFanout();
	const documents = new DocumentRegistry(db, collabOptions, fanout);
	if (cfg.SAMVERKAN_DEMO === '1' && (await loadDemoData(db)) && cfg.SAMVERKAN_DEMO_HISTORY !== '0') {
		await loadDemoHistory(db, documents);
	}
	await ensureBootstrapAdmin(db, cfg.BOOTSTRAP_ADMIN_EMAIL, cfg.BOOTSTRAP_ADMIN_PASSWORD);
	await deleteExpiredSessions(db);
	// the sealed secrets' key: read (and, without SECRETS_KEY outside production, warned about) at start, not at first use
	secretBox();
	const sweeper = setInterval(() => {
		void deleteExpiredSessions(db).catch(() => {});
		void deleteExpiredLoginChallenges(db, new Date().toISOString()).catch(() => {});
	}, 3600_000);
	sweeper.unref();
	const realtimeDeps = { db, publicOrigin: cfg.ORIGIN, options: collabOptions, registry: documents };
	// Several instances: the live room's state and broadcasts go through Redis too.
	const scaleOut = cfg.REDIS_URL ? { redisUrl: cfg.REDIS_URL, prefix: cfg.REDIS_PREFIX } : undefined;
	const roomDeps = { db, publicOrigin: cfg.ORIGIN, recheckMs: cfg.COLLAB_RECHECK_MS, documents, scaleOut };
	// ... and so are the login limits, so failures on one instance count on all.
	const limitsRedis = cfg.REDIS_URL ? createRedis(cfg.REDIS_URL, 'login-limits') : null;
	// the live rooms of this process (one, or the dev server's): the delivery worker tells the bells through them
	const rooms = new Set<RoomServer>();
	const bellChanged = (personIds: readonly string[]) => {
		for (const room of rooms) room.bellChanged(personIds).catch((err) => console.error('notifications: telling the bell failed', err));
	};
	const openRoom = (server: Server): RoomServer => {
		const room = attachRoom(server, roomDeps);
		rooms.add(room);
		const close = room.close;
		room.close = () => {
			rooms.delete(room);
			return close();
		};
		return room;
	};
	const transport = cfg.SMTP_URL ? smtpTransport(cfg.SMTP_URL) : null;
	const notifications = new DeliveryWorker(db, {
		transport,
		// read when a mail is written: without ORIGIN, the address the server listens on (known only once it does)
		origin: () => cfg.ORIGIN ?? process.env.SAMVERKAN_LISTEN_ORIGIN ?? 'http://localhost:3000',
		from: cfg.MAIL_FROM,
		pollMs: cfg.NOTIFY_POLL_MS,
		leaseMs: cfg.NOTIFY_LEASE_MS,
		maxAttempts: cfg.NOTIFY_MAX_ATTEMPTS,
		retryBaseMs: cfg.NOTIFY_RETRY_BASE_MS,
		sweepMs: cfg.NOTIFY_SWEEP_MS,
		batch: 25,
		push: bellChanged
	});
	notifications.start();
	const sync = new SyncWorker(db, {
		pollMs: cfg.SYNC_POLL_MS,
		leaseMs: cfg.SYNC_LEASE_MS,
		overlapMs: cfg.SYNC_OVERLAP_MS,
		pageSize: cfg.SYNC_PAGE_SIZE,
		batch: 20,
		http: {
			timeoutMs: cfg.SYNC_TIMEOUT_MS,
			maxRetries: cfg.SYNC_MAX_RETRIES,
			retryBaseMs: cfg.SYNC_RETRY_BASE_MS,
			maxRetryAfterMs: cfg.SYNC_MAX_RETRY_AFTER_MS,
			perMinute: cfg.SYNC_MAX_REQUESTS_PER_MINUTE
		}
	});
	sync.start();
	return {
		db,
		documents,
		attachRealtime: (server) => withRoom(attachRealtime(server, realtimeDeps), openRoom(server)),
		attachRoom: openRoom,
		bellChanged,
		createRealtime: () => createRealtime(realtimeDeps),
		loginLimiter: new LoginLimiter(
			{
				perAccountAndIp: cfg.LOGIN_LIMIT_PER_ACCOUNT,
				perIp: cfg.LOGIN_LIMIT_PER_IP,
				windowSeconds: 15 * 60
			},
			limitsRedis ? { redis: limitsRedis, prefix: cfg.REDIS_PREFIX } : undefined
		),
		codeLimiter: new LoginLimiter({ perAccountAndIp: 5, perIp: 50, windowSeconds: 15 * 60 }, limitsRedis ? { redis: limitsRedis, prefix: cfg.REDIS_PREFIX } : undefined, '2fa'),
		resetLimiter: new LoginLimiter(
			{ perAccountAndIp: cfg.RESET_LIMIT_PER_ADDRESS, perIp: cfg.RESET_LIMIT_PER_IP, windowSeconds: 15 * 60 },
			limitsRedis ? { redis: limitsRedis, prefix: cfg.REDIS_PREFIX } : undefined,
			'reset'
		),
		oidcStartLimiter: new LoginLimiter(
			{ perAccountAndIp: cfg.OIDC_START_LIMIT_PER_ADDRESS, perIp: cfg.OIDC_START_LIMIT_PER_IP, windowSeconds: 15 * 60 },
			limitsRedis ? { redis: limitsRedis, prefix: cfg.REDIS_PREFIX } : undefined,
			'oidc-start'
		),
		signIn: { requireTwoFactorForSupplierAdmins: cfg.REQUIRE_2FA_SUPPLIER_ADMINS },
		notifications,
		sync,
		async close() {
			clearInterval(sweeper);
			await notifications.stop();
			await sync.stop();
			transport?.close();
			await fanout.close();
			await limitsRedis?.quit().catch(() => {});
			await db.destroy();
		}
	};
}

/** The one App of this process (created on first call). */
export function app(): Promise<App> {
	const registry = globalThis as Registry;
	registry[REGISTRY_KEY] ??= createApp();
	return registry[REGISTRY_KEY];
}
