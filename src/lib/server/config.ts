/** Reads and validates process.env once. Everything else asks this module. */
import { z } from 'zod';

const Env = z.object({
	DATABASE_URL: z.string().default('sqlite:data/samverkan.db'),
	/** Set by `npm run demo`: load demo data into an empty database. */
	SAMVERKAN_DEMO: z.enum(['0', '1', '']).default(''),
	/** With the demo: a year of held meetings, minutes, decisions and actions (on for `npm run demo`, off in tests). */
	SAMVERKAN_DEMO_HISTORY: z.enum(['0', '1', '']).default('1'),
	/** Login attempts per account+IP and per IP in 15 minutes. */
	LOGIN_LIMIT_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
	LOGIN_LIMIT_PER_IP: z.coerce.number().int().positive().default(50),
	/** The service provider running this installation. */
	SUPPLIER_NAME: z.string().trim().min(1).default('Leverantören'),
	/** First supplier admin of an installation without demo data. */
	BOOTSTRAP_ADMIN_EMAIL: z.string().email().optional(),
	BOOTSTRAP_ADMIN_PASSWORD: z.string().min(8).optional(),
	LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
	/** Diagnostics: append the SQL of every HTTP request (one JSON line per request) to this file. Unset: off. */
	QUERY_LOG: z.string().trim().min(1).optional(),
	/** Public URL of the site (also read by adapter-node); websocket upgrades from other origins are refused. */
	ORIGIN: z.string().url().optional(),
	/** Shared documents: largest stored size (snapshot + log) before updates are refused. */
	COLLAB_MAX_DOCUMENT_BYTES: z.coerce.number().int().positive().default(16 * 1024 * 1024),
	/** Compact a live document once its update log has this many rows. */
	COLLAB_COMPACT_AFTER_ROWS: z.coerce.number().int().positive().default(500),
	/** Keep a document in memory this long after its last connection left. */
	COLLAB_IDLE_UNLOAD_MS: z.coerce.number().int().min(0).default(10_000),
	/** Re-check the session and access of open collab connections this often. */
	COLLAB_RECHECK_MS: z.coerce.number().int().positive().default(30_000),
	/** Several instances: compare loaded documents with the database this often and heal what a lost Redis message missed. */
	COLLAB_HEAL_MS: z.coerce.number().int().positive().default(5_000),
	/**
	 * Ticket import (CSV, or gzip of it): largest unpacked size, largest
	 * unpacked ÷ packed ratio of gzip, most rows and columns. The defaults fit
	 * the largest real export we know (the UCI log: 46 MB, 141,712 rows, 36
	 * columns, ratio 19) with room to spare.
	 */
	IMPORT_MAX_BYTES: z.coerce.number().int().positive().default(256 * 1024 * 1024),
	IMPORT_MAX_GZIP_RATIO: z.coerce.number().positive().default(100),
	IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(500_000),
	IMPORT_MAX_COLUMNS: z.coerce.number().int().positive().default(2_000),
	/**
	 * Decision material: largest file. At most 64 MiB, adapter-node's
	 * BODY_SIZE_LIMIT that server/index.ts sets for uploads.
	 */
	MATERIAL_MAX_BYTES: z.coerce.number().int().positive().max(64 * 1024 * 1024, 'at most 64 MiB (the upload body limit)').default(25 * 1024 * 1024),
	/**
	 * Scale-out: Redis for fan-out between app instances (Yjs updates and
	 * awareness, socket.io rooms, login limits). Unset = one instance, in memory.
	 */
	REDIS_URL: z
		.string()
		.regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
		.optional(),
	/** Names this instance in logs, metrics and Redis messages (default: host name + pid). */
	INSTANCE_ID: z.string().trim().min(1).max(100).optional(),
	/** Namespace of every Redis channel and key of this installation (several installations may share one Redis). */
	REDIS_PREFIX: z.string().trim().min(1).max(100).default('samverkan'),
	/** Bearer token for GET /metrics (Prometheus). Unset: the endpoint answers 404. */
	METRICS_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
	/** ITSM figures: a share (SLA compliance) of fewer tickets than this is shown as "too few tickets", not as a percentage. */
	ITSM_MIN_TICKETS: z.coerce.number().int().min(1).max(1000).default(10),
	/**
	 * Notifications by mail: the SMTP relay (smtp://user:pass@host:587, smtps://…:465).
	 * Unset: mails stay in the outbox, readable on the admin page "Utkorg".
	 */
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
		.optional(),
	/** The sender of notification mails, e.g. "Samverkan <samverkan@leverantoren.se>". */
	MAIL_FROM: z.string().trim().min(3).default('Samverkan <samverkan@localhost>'),
	/** How often each instance looks for notifications to deliver (ms). */
	NOTIFY_POLL_MS: z.coerce.number().int().min(50).default(1_000),
	/** How long a claimed notification stays one instance's before another may deliver it (ms). */
	NOTIFY_LEASE_MS: z.coerce.number().int().min(500).default(120_000),
	/** Attempts before a mail is dead (shown on the outbox page to resend). */
	NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
	/** The first retry of a failed mail waits this long; each next one twice as long (ms). */
	NOTIFY_RETRY_BASE_MS: z.coerce.number().int().min(10).default(60_000),
	/** How often each instance sweeps for reminders: actions due soon or overdue, minutes awaiting justering (ms; 0 = never). */
	NOTIFY_SWEEP_MS: z.coerce.number().int().min(0).default(600_000),
	/** Ticket connectors (ServiceNow, Jira): how often each instance looks for connectors due (ms). */
	SYNC_POLL_MS: z.coerce.number().int().min(50).default(30_000),
	/** How long a running connector stays one instance's without a renewal (renewed every third of it) (ms). */
	SYNC_LEASE_MS: z.coerce.number().int().min(300).default(120_000),
	/** Each run reads again what changed this long before the last run's newest update (ms). */
	SYNC_OVERLAP_MS: z.coerce.number().int().min(0).default(600_000),
	/** Records per page (ServiceNow sysparm_limit; Jira maxResults, at most 100). */
	SYNC_PAGE_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
	/** Requests per minute one connector may send. */
	SYNC_MAX_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
	/** Each request's timeout (ms). */
	SYNC_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
	/** Retries of a request after 429, 5xx or a network error. */
	SYNC_MAX_RETRIES: z.coerce.number().int().min(0).max(20).default(5),
	/** The first backoff after a 5xx or network error; each next one twice as long, with jitter (ms). */
	SYNC_RETRY_BASE_MS: z.coerce.number().int().min(1).default(1_000),
	/** A Retry-After longer than this fails the run; the next run tries again (ms). */
	SYNC_MAX_RETRY_AFTER_MS: z.coerce.number().int().min(0).default(120_000),
	/**
	 * Key for secrets stored encrypted (AES-256-GCM): TOTP secrets, OIDC client
	 * secrets. 32 bytes as 64 hex digits or base64. Required when
	 * NODE_ENV=production; elsewhere a fixed development key is used, loudly.
	 */
	SECRETS_KEY: z.string().trim().optional(),
	/** Keys SECRETS_KEY replaced, comma-separated: values they sealed still open until `npm run rotate-secrets` has sealed them anew. */
	SECRETS_KEY_PREVIOUS: z.string().trim().optional(),
	/** Supplier admins must sign in with a second factor (TOTP); on by default. */
	REQUIRE_2FA_SUPPLIER_ADMINS: z.enum(['0', '1', 'true', 'false']).default('true').transform((v) => v === '1' || v === 'true'),
	/** Password reset requests per e-mail address and per IP in 15 minutes. */
	RESET_LIMIT_PER_ADDRESS: z.coerce.number().int().positive().default(3),
	RESET_LIMIT_PER_IP: z.coerce.number().int().positive().default(20),
	// a whole office behind one address may sign in through its provider on a Monday morning
	OIDC_START_LIMIT_PER_ADDRESS: z.coerce.number().int().positive().default(20),
	OIDC_START_LIMIT_PER_IP: z.coerce.number().int().positive().default(300),
	/** Run migrations when the app starts (default). Turn off when a release step runs `npm run migrate`. */
	MIGRATE_ON_START: z.enum(['0', '1']).default('1')
});

export type Config = z.infer<typeof Env>;

let cached: Config | null = null;

export function config(): Config {
	if (cached) return cached;
	const parsed = Env.safeParse(process.env);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
		throw new Error(`Invalid environment: ${problems}`);
	}
	cached = parsed.data;
	return cached;
}
