/**
 * Runs the ticket connectors on their schedules: every instance runs one
 * worker; before a run the worker claims the connector's lease (lease.ts), so
 * of all instances exactly one runs a connector at a time, and renews it while
 * the run lasts. A worker killed mid-run stops renewing; once the lease ran
 * out any instance takes the connector up again (its half-done run stored
 * nothing). "Sync now" marks the connector (requested_at) and nudges the
 * worker of the instance that was asked; any instance's next look takes it.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Db } from '$lib/server/db';
import { PollingLoop } from '$lib/server/polling-loop';
import { connectorById, countFailing, dueConnectors, isDue } from './connectors.repository';
import { claimLease, releaseLease, renewLease } from './lease.repository';
import { leaseName, runConnector, type RunFigures, type SyncSettings } from './sync-run';

export interface SyncWorkerOptions extends SyncSettings {
	/** how often the worker looks for due connectors */
	pollMs: number;
	/** how long a claimed connector stays this worker's without a renewal */
	leaseMs: number;
	/** connectors looked at per round */
	batch: number;
}

/** What /metrics reports: this instance's runs since it started, and the installation's failing connectors. */
export interface SyncMetrics {
	runs: number;
	failedRuns: number;
	running: number;
	requests: number;
	retries: number;
	fetched: number;
	created: number;
	updated: number;
	/** connectors (of the whole installation) whose last run failed, as of this worker's last look */
	failingConnectors: number;
}

export class SyncWorker {
	readonly owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
	readonly metrics: SyncMetrics = { runs: 0, failedRuns: 0, running: 0, requests: 0, retries: 0, fetched: 0, created: 0, updated: 0, failingConnectors: 0 };
	private readonly loop = new PollingLoop('ticket sync', () => this.runOnce(), () => this.opts.pollMs);

	constructor(
		private readonly db: Db,
		private readonly opts: SyncWorkerOptions
	) {}

	start(): void {
		this.loop.start();
	}

	/** Look now ("sync now" was asked here), instead of at the next poll. */
	nudge(): void {
		this.loop.nudge();
	}

	stop(): Promise<void> {
		return this.loop.stop();
	}

	private get stopped(): boolean {
		return this.loop.stopped;
	}

	/** One round: every due connector this instance can claim, one after another. */
	async runOnce(): Promise<RunFigures[]> {
		const done: RunFigures[] = [];
		const due = await dueConnectors(this.db, new Date().toISOString(), this.opts.batch);
		for (const { id } of due) {
			if (this.stopped) break;
			const figures = await this.runIfFree(id);
			if (figures) done.push(figures);
		}
		this.metrics.failingConnectors = await countFailing(this.db);
		return done;
	}

	private async runIfFree(id: string): Promise<RunFigures | null> {
		const name = leaseName(id);
		const lease = { name, owner: this.owner, ms: this.opts.leaseMs };
		if (!(await claimLease(this.db, { ...lease, now: new Date() }))) return null;
		const renew = setInterval(() => {
			renewLease(this.db, { ...lease, now: new Date() }).catch((err) => console.error('ticket sync: renewing the lease failed', err));
		}, Math.max(50, Math.floor(this.opts.leaseMs / 3)));
		renew.unref();
		let counted = false;
		try {
			// another instance may have run it between the look and the claim
			const c = await connectorById(this.db, id);
			if (!c || !isDue(c, new Date().toISOString())) return null;
			this.metrics.running++;
			counted = true;
			const figures = await runConnector(this.db, id, c.requested_at ? 'manual' : 'schedule', lease, this.opts);
			if (figures) this.count(figures);
			return figures;
		} finally {
			clearInterval(renew);
			if (counted) this.metrics.running--;
			await releaseLease(this.db, name, this.owner).catch(() => {});
		}
	}

	private count(f: RunFigures): void {
		const m = this.metrics;
		m.runs++;
		if (f.status === 'failed') m.failedRuns++;
		m.requests += f.requests;
		m.retries += f.retries;
		m.fetched += f.fetched;
		m.created += f.created;
		m.updated += f.updated;
	}
}
