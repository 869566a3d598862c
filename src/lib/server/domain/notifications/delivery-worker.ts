/**
 * Delivers the outbox: every instance runs one worker; a worker claims due
 * rows with a lease, so two instances never deliver the same row, and a row
 * whose worker died (kill -9) is taken up by any worker once its lease ran
 * out. A row is marked sent only after the relay accepted the mail: a crash
 * in between sends it again with the same Message-ID (at least once, never
 * lost; a duplicate is recognisable). Failures wait longer each time
 * (exponential backoff); after the last attempt the row is dead, for an
 * admin to resend.
 *
 * With no mail server configured, mails are kept in the outbox (status
 * 'kept'), readable on the outbox page, so the embedded default needs none.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Db } from '$lib/server/db';
import { PollingLoop } from '$lib/server/polling-loop';
import { sweepReminders } from '../meetings/reminder-sweep';
import { claimDueRows, finishClaim, type OutboxRow } from '../outbox/outbox.repository';
import type { MailTransport } from './mail-transport';
import { digestMail, outboxMail, recipientOf, type FileCache, type MailContext } from './outbox-mail';

export interface DeliveryOptions extends MailContext {
	transport: MailTransport | null;
	/** how often the worker looks for due rows */
	pollMs: number;
	/** how long a claimed row stays this worker's before another may take it */
	leaseMs: number;
	maxAttempts: number;
	/** the first retry waits this long, each next one twice as long (capped at 6 h) */
	retryBaseMs: number;
	batch: number;
	/** how often the reminder sweep runs (due-soon, overdue, justering reminders); 0: never */
	sweepMs?: number;
	/** tells a person's open pages that their bell changed (the live room wires this) */
	push?: (personIds: string[]) => void;
}

export interface RoundResult {
	sent: number;
	kept: number;
	failed: number;
	dead: number;
	pushed: number;
}

const MAX_BACKOFF_MS = 6 * 3600_000;

export const backoffMs = (attempt: number, baseMs: number): number => Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempt - 1));

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err)).slice(0, 500);

export class DeliveryWorker {
	readonly owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
	private readonly loop = new PollingLoop('notifications: delivery', () => this.runOnce(), () => this.opts.pollMs);
	private lastSweep = 0;

	constructor(
		private readonly db: Db,
		private readonly opts: DeliveryOptions
	) {}

	/** Whether mails leave (a mail server is configured) or are kept in the outbox. */
	get sends(): boolean {
		return this.opts.transport !== null;
	}

	/** The sender and the links' origin, for the outbox page's rendering of a mail. */
	get mailContext(): MailContext {
		return { origin: this.opts.origin, from: this.opts.from };
	}

	start(): void {
		this.loop.start();
	}

	/** Look now (an event was just committed), instead of at the next poll. */
	nudge(): void {
		this.loop.nudge();
	}

	stop(): Promise<void> {
		return this.loop.stop();
	}

	/** One round: the reminders due (every sweepMs), the bell's rows, the mails due now, the digests due now. */
	async runOnce(now = new Date()): Promise<RoundResult> {
		const result: RoundResult = { sent: 0, kept: 0, failed: 0, dead: 0, pushed: 0 };
		await this.sweep(now);
		await this.pushInApp(now, result);
		await this.sendMails(now, result);
		await this.sendDigests(now, result);
		return result;
	}

	/** Queues the reminders due by now, every `sweepMs`; its keys make a sweep on every instance queue each once. */
	private async sweep(now: Date): Promise<void> {
		const every = this.opts.sweepMs ?? 0;
		if (every <= 0 || now.getTime() - this.lastSweep < every) return;
		this.lastSweep = now.getTime();
		try {
			await sweepReminders(this.db, now);
		} catch (err) {
			console.error('notifications: reminder sweep failed', err);
		}
	}

	private claim(now: Date, statuses: OutboxRow['status'][], channel: OutboxRow['channel']): Promise<OutboxRow[]> {
		return claimDueRows(this.db, {
			owner: this.owner,
			now: now.toISOString(),
			leaseUntil: new Date(now.getTime() + this.opts.leaseMs).toISOString(),
			limit: this.opts.batch,
			statuses,
			channel
		});
	}

	private async pushInApp(now: Date, result: RoundResult): Promise<void> {
		const rows = await this.claim(now, ['pending'], 'inapp');
		if (rows.length === 0) return;
		for (const row of rows) await finishClaim(this.db, row.id, this.owner, { status: 'sent', sent_at: now.toISOString() });
		const people = [...new Set(rows.map((r) => r.person_id))];
		this.opts.push?.(people);
		result.pushed += rows.length;
	}

	private async sendMails(now: Date, result: RoundResult): Promise<void> {
		const rows = await this.claim(now, ['pending'], 'email');
		// the approved minutes' PDF, made once per meeting and language for all its recipients
		const files: FileCache = new Map();
		for (const row of rows) {
			try {
				if (!this.opts.transport) {
					// kept as it is: the outbox page writes the mail when someone looks at it
					await finishClaim(this.db, row.id, this.owner, { status: 'kept' });
					result.kept++;
					continue;
				}
				const to = await recipientOf(this.db, row.person_id);
				if (!to) throw new Error('the recipient no longer exists');
				const mail = await outboxMail(this.db, row, to, this.opts, files);
				await this.opts.transport.send(mail);
				await finishClaim(this.db, row.id, this.owner, { status: 'sent', sent_at: new Date().toISOString(), attempts: row.attempts + 1, last_error: null });
				result.sent++;
			} catch (err) {
				await this.failed(row, 'pending', err, now, result);
			}
		}
	}

	private async sendDigests(now: Date, result: RoundResult): Promise<void> {
		const rows = await this.claim(now, ['digest'], 'email');
		const byPerson = new Map<string, OutboxRow[]>();
		for (const row of rows) byPerson.set(row.person_id, [...(byPerson.get(row.person_id) ?? []), row]);
		for (const [personId, own] of byPerson) {
			own.sort((a, b) => a.created_at.localeCompare(b.created_at));
			try {
				const to = await recipientOf(this.db, personId);
				if (!to) throw new Error('the recipient no longer exists');
				const mail = digestMail(own, to, this.opts);
				if (this.opts.transport) await this.opts.transport.send(mail);
				const status = this.opts.transport ? 'sent' : 'kept';
				for (const row of own) await finishClaim(this.db, row.id, this.owner, { status, sent_at: status === 'sent' ? new Date().toISOString() : null, attempts: row.attempts + 1 });
				if (status === 'sent') result.sent += own.length;
				else result.kept += own.length;
			} catch (err) {
				for (const row of own) await this.failed(row, 'digest', err, now, result);
			}
		}
	}

	private async failed(row: OutboxRow, retryStatus: 'pending' | 'digest', err: unknown, now: Date, result: RoundResult): Promise<void> {
		const attempts = row.attempts + 1;
		const dead = attempts >= this.opts.maxAttempts;
		await finishClaim(this.db, row.id, this.owner, {
			status: dead ? 'dead' : retryStatus,
			attempts,
			last_error: errorText(err),
			next_attempt_at: new Date(now.getTime() + backoffMs(attempts, this.opts.retryBaseMs)).toISOString()
		});
		if (dead) result.dead++;
		else result.failed++;
	}
}
