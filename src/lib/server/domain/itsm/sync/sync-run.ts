/**
 * One run of a connector: read what changed at the source since the watermark
 * (less an overlap window, so an update committed late at the source is not
 * missed), map every record with the import preset of that source exactly as
 * a CSV export of the same records is mapped (row-to-ticket.ts, assemble.ts),
 * and upsert through the one store path (store.ts: content hash, unchanged
 * tickets untouched, the SLA engine recomputed for what changed). The tickets,
 * the watermark and the run's figures are written in one transaction, and only
 * while this instance still holds the connector's lease: a run that fails or
 * is killed half-way stores nothing and leaves the watermark where it was, so
 * the next run reads the same records again (the natural key makes that
 * idempotent).
 *
 * The run writes into the connector's own customer, read from its row: no
 * input of the run names a customer.
 */
import type { Db } from '$lib/server/db';
import { newId, nowIso } from '../../ids';
import { assemble } from '../import/assemble';
import { dateParser } from '../import/dates';
import type { Preset } from '../import/presets';
import { checkHeader, quoted, rowMapper, type TicketEvent } from '../import/row-to-ticket';
import { loadSlaSettings } from '../sla/settings.repository';
import { slaPolicy } from '../sla/sla-settings';
import { prepareTickets, removeStored, storePrepared } from '../store';
import { recordAudit } from '../../audit/audit.repository';
import { SYSTEM_ACTOR } from '../../actor';
import { beginRun, connectorById, finishRun, updateConnector, type ConnectorRow } from './connectors.repository';
import { connectorSecret, parseTables } from './connectors.service';
import { fetchJira, JIRA_SYNC_PRESET } from './jira';
import { renewLease } from './lease.repository';
import { fetchServiceNow, serviceNowPreset, type SourceRead } from './servicenow';
import { SourceHttp, SyncError, type HttpPolicy, type HttpTools } from './source-http';
import { toTable, type SourceRecord } from './source-rows';

export interface SyncSettings {
	http: HttpPolicy;
	/** how far before the watermark each run reads again */
	overlapMs: number;
	/** records per page (Jira at most 100) */
	pageSize: number;
	tools?: HttpTools;
}

export interface RunFigures {
	runId: string;
	status: 'ok' | 'failed';
	requests: number;
	retries: number;
	fetched: number;
	created: number;
	updated: number;
	unchanged: number;
	rejected: number;
	/** tickets removed because the source reports them deleted */
	removed: number;
	error: string | null;
}

/** The lease this run must still hold when it commits. */
export interface HeldLease {
	name: string;
	owner: string;
	ms: number;
}

/** At most this many rejected records are named in the run's error (the count stays exact). */
const REJECTED_NAMED = 3;

export const leaseName = (connectorId: string): string => `ticket-sync:${connectorId}`;

export const presetOf = (c: Pick<ConnectorRow, 'kind' | 'value_mode'>): Preset => (c.kind === 'jira' ? JIRA_SYNC_PRESET : serviceNowPreset({ valueMode: c.value_mode }));

async function fetchRecords(c: ConnectorRow, http: SourceHttp, sinceMs: number | null, settings: SyncSettings): Promise<SourceRead> {
	let secret: string;
	try {
		secret = connectorSecret(c);
	} catch {
		throw new SyncError('config', 'The stored secret cannot be opened with this SECRETS_KEY: enter the secret again');
	}
	const tables = parseTables(c.tables);
	if (c.kind === 'jira') return fetchJira(http, { baseUrl: c.base_url, username: c.username, secret, query: c.query, tables }, sinceMs, Math.min(100, settings.pageSize));
	return fetchServiceNow(
		http,
		{ baseUrl: c.base_url, auth: c.auth === 'oauth' ? 'oauth' : 'basic', username: c.username, secret, query: c.query, tables, valueMode: c.value_mode },
		sinceMs,
		settings.pageSize
	);
}

interface Mapped {
	events: TicketEvent[];
	rejected: number;
	reasons: string[];
}

function mapRecords(records: SourceRecord[], preset: Preset): Mapped {
	const { header, rows } = toTable(records);
	const check = checkHeader(header, preset);
	if (check.errors.length) throw new SyncError('answer', `The records lack what the ${preset.key} mapping needs: ${check.errors.join('; ')}`);
	const map = rowMapper(header, preset, dateParser(preset.order, preset.zone), preset.source);
	const out: Mapped = { events: [], rejected: 0, reasons: [] };
	rows.forEach((cells, i) => {
		const r = map(cells, i + 1, i);
		if (r.ok) out.events.push(r.event);
		else {
			out.rejected++;
			const number = cells[header.indexOf(preset.mapping.columns.number as string)] ?? '';
			if (out.reasons.length < REJECTED_NAMED) out.reasons.push(`${quoted(number)}: ${r.reasons.join(', ')}`);
		}
	});
	return out;
}

const errorText = (err: unknown): string => (err instanceof SyncError ? err.message : `Unexpected error: ${err instanceof Error ? err.message : String(err)}`).slice(0, 1000);

class LostLease extends Error {
	constructor() {
		super('Another instance took the connector over (the lease ran out): nothing was stored, the next run reads the same again');
	}
}

/**
 * Runs the connector `connectorId` once. The caller holds its lease; the
 * commit checks (and extends) it in the same transaction.
 */
export async function runConnector(db: Db, connectorId: string, trigger: 'schedule' | 'manual', lease: HeldLease, settings: SyncSettings): Promise<RunFigures | null> {
	const c = await connectorById(db, connectorId);
	if (!c) return null;
	const runId = newId();
	const startedAt = nowIso();
	const sinceMs = c.watermark_ms === null ? null : c.watermark_ms - settings.overlapMs;
	await db.transaction().execute((tx) => beginRun(tx, { id: runId, connector_id: c.id, customer_id: c.customer_id, trigger, started_at: startedAt, watermark_from_ms: sinceMs }));
	const http = new SourceHttp(settings.http, settings.tools);
	const figures: RunFigures = { runId, status: 'ok', requests: 0, retries: 0, fetched: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, removed: 0, error: null };
	const next = (from: number) => new Date(from + c.interval_minutes * 60_000).toISOString();
	try {
		const { records, deleted } = await fetchRecords(c, http, sinceMs, settings);
		const preset = presetOf(c);
		const mapped = records.length ? mapRecords(records, preset) : { events: [], rejected: 0, reasons: [] };
		const tickets = (await assemble(mapped.events)).map((a) => a.draft);
		const prepared = await prepareTickets(tickets, slaPolicy(await loadSlaSettings(db, c.customer_id)));
		const newest = mapped.events.reduce<number | null>((max, e) => (e.eventAt !== null && (max === null || e.eventAt > max) ? e.eventAt : max), null);
		const watermark = newest === null ? c.watermark_ms : Math.max(newest, c.watermark_ms ?? newest);
		figures.fetched = tickets.length;
		figures.rejected = mapped.rejected;
		if (mapped.rejected) figures.error = `${mapped.rejected} record(s) could not be read and were left out: ${mapped.reasons.join('; ')}`.slice(0, 1000);
		Object.assign(figures, { requests: http.requests, retries: http.retries });
		await db.transaction().execute(async (tx) => {
			const now = new Date();
			if (!(await renewLease(tx, { ...lease, now }))) throw new LostLease();
			const stored = await storePrepared(tx, c.customer_id, prepared, null, nowIso());
			Object.assign(figures, stored);
			// deletions as the source reports them, through the store's one removal path, audited
			const removed = await removeStored(tx, c.customer_id, preset.source, deleted);
			figures.removed = removed.length;
			if (removed.length) {
				await recordAudit(tx, SYSTEM_ACTOR, { action: 'tickets.remove_deleted_at_source', entity: 'ticket_connector', entityId: c.id, customerId: c.customer_id, before: { source: preset.source, numbers: removed } });
			}
			const finished = nowIso();
			await finishRun(tx, runId, { status: 'ok', finished_at: finished, ...counts(figures), error: figures.error, watermark_to_ms: watermark });
			await updateConnector(tx, c.id, { watermark_ms: watermark, last_run_at: finished, last_status: 'ok', last_error: figures.error, next_run_at: next(now.getTime()) });
		});
	} catch (err) {
		Object.assign(figures, { status: 'failed', error: errorText(err), requests: http.requests, retries: http.retries, created: 0, updated: 0, unchanged: 0, removed: 0 });
		if (!(err instanceof SyncError) && !(err instanceof LostLease)) console.error(`ticket sync: connector ${c.id} failed`, err);
		const finished = nowIso();
		await db.transaction().execute(async (tx) => {
			await finishRun(tx, runId, { status: 'failed', finished_at: finished, ...counts(figures), error: figures.error });
			if (err instanceof LostLease) return;
			await updateConnector(tx, c.id, { last_run_at: finished, last_status: 'failed', last_error: figures.error, next_run_at: next(Date.now()) });
		});
	}
	return figures;
}

const counts = (f: RunFigures) => ({
	requests: f.requests,
	retries: f.retries,
	fetched: f.fetched,
	created: f.created,
	updated: f.updated,
	unchanged: f.unchanged,
	rejected: f.rejected
});
