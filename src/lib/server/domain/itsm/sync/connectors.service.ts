/**
 * Ticket connectors (issue 21): per customer one for ServiceNow and one for
 * Jira Service Management, configured by the supplier admin (itsm.configure).
 * The secret (password, OAuth client secret or API token) is sealed with
 * SECRETS_KEY and never shown again: the page only says whether one is set.
 * "Sync now" asks for a run; the sync worker of any instance takes it
 * (sync-worker.ts). Every change is audited.
 */
import { z } from 'zod';
import { openFor, sealFor, secretsKeySet } from '$lib/server/crypto/secret-box';
import type { Db } from '$lib/server/db';
import type { ConnectorAuth, ConnectorKind } from '$lib/server/db/sync-schema';
import type { Actor } from '../../actor';
import { recordAudit } from '../../audit/audit.repository';
import { invalid, notFound } from '../../errors';
import { newId, nowIso } from '../../ids';
import { authorize } from '../../policy';
import { isLoopbackHttp } from '../../tenancy/oidc-client';
import { findCustomer } from '../../tenancy/tenancy.repository';
import { parseInput } from '../../validation';
import { connectorsOf, deleteConnector, findConnector, insertConnector, recentRuns, updateConnector, type ConnectorRow, type RunRow } from './connectors.repository';
import { SERVICENOW_TABLES } from './servicenow';

export const CONNECTOR_KINDS = ['servicenow', 'jira'] as const satisfies readonly ConnectorKind[];

/** The purpose a connector's secret is sealed for (crypto/secret-box.ts). */
export const CONNECTOR_SECRET = 'ticket-sync.secret';

export const DEFAULT_INTERVAL_MINUTES = 15;
/** How many runs the connector's page lists. */
const RUNS_SHOWN = 10;

export interface ConnectorView {
	id: string | null;
	kind: ConnectorKind;
	configured: boolean;
	baseUrl: string;
	auth: ConnectorAuth;
	username: string;
	/** a secret is stored; it is never shown */
	secretSet: boolean;
	query: string;
	tables: string[];
	valueMode: 'raw' | 'display';
	intervalMinutes: number;
	enabled: boolean;
	/** the source's updated time up to which tickets were read (ISO) */
	watermark: string | null;
	nextRunAt: string | null;
	requested: boolean;
	lastRunAt: string | null;
	lastStatus: string | null;
	lastError: string | null;
	runs: RunView[];
}

export interface RunView {
	id: string;
	trigger: string;
	status: string;
	startedAt: string;
	finishedAt: string | null;
	requests: number;
	retries: number;
	fetched: number;
	created: number;
	updated: number;
	unchanged: number;
	rejected: number;
	error: string | null;
}

export interface ConnectorsPage {
	customer: { id: string; name: string };
	connectors: ConnectorView[];
	secretsKeySet: boolean;
}

const DEFAULT_TABLES: Record<ConnectorKind, string[]> = { servicenow: [...SERVICENOW_TABLES], jira: [] };

const runView = (r: RunRow): RunView => ({
	id: r.id,
	trigger: r.trigger,
	status: r.status,
	startedAt: r.started_at,
	finishedAt: r.finished_at,
	requests: r.requests,
	retries: r.retries,
	fetched: r.fetched,
	created: r.created,
	updated: r.updated,
	unchanged: r.unchanged,
	rejected: r.rejected,
	error: r.error
});

// no actor: pure parsing of a stored column
export const parseTables = (json: string): string[] => {
	try {
		const v: unknown = JSON.parse(json);
		return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
	} catch {
		return [];
	}
};

function view(kind: ConnectorKind, row: ConnectorRow | undefined, runs: RunRow[]): ConnectorView {
	return {
		id: row?.id ?? null,
		kind,
		configured: Boolean(row),
		baseUrl: row?.base_url ?? '',
		auth: row?.auth ?? (kind === 'jira' ? 'token' : 'basic'),
		username: row?.username ?? '',
		secretSet: Boolean(row?.secret_sealed),
		query: row?.query ?? '',
		tables: row ? parseTables(row.tables) : DEFAULT_TABLES[kind],
		valueMode: row?.value_mode ?? 'raw',
		intervalMinutes: row?.interval_minutes ?? DEFAULT_INTERVAL_MINUTES,
		enabled: row ? row.enabled === 1 : true,
		watermark: row?.watermark_ms != null ? new Date(row.watermark_ms).toISOString() : null,
		nextRunAt: row?.next_run_at ?? null,
		requested: Boolean(row?.requested_at),
		lastRunAt: row?.last_run_at ?? null,
		lastStatus: row?.last_status ?? null,
		lastError: row?.last_error ?? null,
		runs: runs.map(runView)
	};
}

async function customerFor(db: Db, actor: Actor, customerId: string) {
	authorize(actor, 'itsm.configure', { customerId, kind: 'Customer' });
	const customer = await findCustomer(db, customerId);
	if (!customer) throw notFound('Customer');
	return customer;
}

export async function connectorsPage(db: Db, actor: Actor, customerId: string): Promise<ConnectorsPage> {
	const customer = await customerFor(db, actor, customerId);
	const rows = await connectorsOf(db, customerId);
	const connectors: ConnectorView[] = [];
	for (const kind of CONNECTOR_KINDS) {
		const row = rows.find((r) => r.kind === kind);
		connectors.push(view(kind, row, row ? await recentRuns(db, row.id, RUNS_SHOWN) : []));
	}
	return { customer: { id: customer.id, name: customer.name }, connectors, secretsKeySet: secretsKeySet() };
}

const bool = z.union([z.boolean(), z.enum(['on', 'true', '1', 'false', '0', ''])]).transform((v) => v === true || v === 'on' || v === 'true' || v === '1');

/** An https URL, or http to this machine (tests, a tunnel); no query or fragment. */
const baseUrl = z
	.string()
	.trim()
	.min(1, 'field.required')
	.max(500, 'field.too_long')
	.refine((v) => {
		try {
			const url = new URL(v);
			return (url.protocol === 'https:' || isLoopbackHttp(url)) && !url.search && !url.hash && !url.username && !url.password;
		} catch {
			return false;
		}
	}, 'field.https')
	.transform((v) => v.replace(/\/+$/, ''));

const TABLE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_ .-]{0,79}$/;

export const ConnectorInput = z.object({
	kind: z.enum(CONNECTOR_KINDS),
	baseUrl,
	auth: z.enum(['basic', 'oauth', 'token']).optional(),
	username: z.string().trim().min(1, 'field.required').max(200, 'field.too_long'),
	/** empty: keep the stored secret */
	secret: z.string().max(4000, 'field.too_long').optional().default(''),
	query: z.string().trim().max(2000, 'field.too_long').optional().default(''),
	/** one per line or separated by commas */
	tables: z
		.union([z.string(), z.array(z.string())])
		.optional()
		.transform((v) => [...new Set((v === undefined ? [] : Array.isArray(v) ? v : v.split(/[\n,;]+/)).map((t) => t.trim()).filter(Boolean))])
		.refine((v) => v.length <= 20, 'field.too_many')
		.refine((v) => v.every((t) => TABLE_NAME.test(t)), 'field.invalid'),
	valueMode: z.enum(['raw', 'display']).optional().default('raw'),
	intervalMinutes: z.coerce.number().int().min(5).max(1440).optional().default(DEFAULT_INTERVAL_MINUTES),
	enabled: bool.optional().default(true)
});

export async function saveConnector(db: Db, actor: Actor, customerId: string, input: unknown): Promise<{ id: string }> {
	await customerFor(db, actor, customerId);
	const o = parseInput(ConnectorInput, input);
	const auth: ConnectorAuth = o.kind === 'jira' ? 'token' : o.auth === 'oauth' ? 'oauth' : 'basic';
	const tables = o.kind === 'servicenow' && o.tables.length === 0 ? DEFAULT_TABLES.servicenow : o.tables;
	if (o.kind === 'servicenow' && tables.some((t) => !/^[a-z0-9_]+$/.test(t))) throw invalid('A ServiceNow table is named in lower case (incident, change_request)', { tables: 'field.invalid' });
	// the run appends ^sys_updated_on>=…^ORDERBY…: a second query (^NQ) or an order of its own would escape the watermark
	if (o.kind === 'servicenow' && /\^NQ|ORDERBY/.test(o.query)) throw invalid('The encoded query may not contain ^NQ or ORDERBY', { query: 'field.invalid' });
	if (o.kind === 'jira' && /\border\s+by\b/i.test(o.query)) throw invalid('The JQL may not contain ORDER BY', { query: 'field.invalid' });
	const existing = await findConnector(db, customerId, o.kind);
	if (!existing && !o.secret) throw invalid('Enter the secret', { secret: 'field.required' });
	if (o.secret && !secretsKeySet()) throw invalid('SECRETS_KEY is not set: no secret can be stored', { secret: 'idp.no_secrets_key' });
	const now = nowIso();
	const fields = {
		base_url: o.baseUrl,
		auth,
		username: o.username,
		query: o.query,
		tables: JSON.stringify(tables),
		value_mode: o.kind === 'servicenow' ? o.valueMode : ('raw' as const),
		interval_minutes: o.intervalMinutes,
		enabled: o.enabled ? 1 : 0,
		updated_at: now
	};
	// another source or query reads other tickets: start over from the beginning
	const restart = existing !== undefined && (existing.base_url !== o.baseUrl || existing.query !== o.query || existing.tables !== fields.tables || existing.value_mode !== fields.value_mode);
	return db.transaction().execute(async (tx) => {
		let id: string;
		if (existing) {
			id = existing.id;
			await updateConnector(tx, id, { ...fields, ...(o.secret && { secret_sealed: sealFor(o.secret, CONNECTOR_SECRET) }), ...(restart && { watermark_ms: null }) });
		} else {
			id = newId();
			await insertConnector(tx, {
				id,
				customer_id: customerId,
				kind: o.kind,
				...fields,
				secret_sealed: sealFor(o.secret, CONNECTOR_SECRET),
				watermark_ms: null,
				next_run_at: now,
				requested_at: null,
				last_run_at: null,
				last_status: null,
				last_error: null,
				created_at: now
			});
		}
		const after = { kind: o.kind, baseUrl: o.baseUrl, auth, username: o.username, query: o.query, tables, intervalMinutes: o.intervalMinutes, enabled: o.enabled, secretChanged: Boolean(o.secret) };
		await recordAudit(tx, actor, { action: 'ticket_connector.update', entity: 'ticket_connector', entityId: id, customerId, after });
		return { id };
	});
}

const KindInput = z.object({ kind: z.enum(CONNECTOR_KINDS) });

async function ownConnector(db: Db, actor: Actor, customerId: string, input: unknown): Promise<ConnectorRow> {
	await customerFor(db, actor, customerId);
	const { kind } = parseInput(KindInput, input);
	const row = await findConnector(db, customerId, kind);
	if (!row) throw notFound('Connector');
	return row;
}

export async function removeConnector(db: Db, actor: Actor, customerId: string, input: unknown): Promise<void> {
	const row = await ownConnector(db, actor, customerId, input);
	await db.transaction().execute(async (tx) => {
		await deleteConnector(tx, row.id);
		await recordAudit(tx, actor, { action: 'ticket_connector.remove', entity: 'ticket_connector', entityId: row.id, customerId, before: { kind: row.kind, baseUrl: row.base_url } });
	});
}

/** "Sync now": the next look of any instance's sync worker runs it (the caller nudges its own). */
export async function requestSync(db: Db, actor: Actor, customerId: string, input: unknown): Promise<{ id: string }> {
	const row = await ownConnector(db, actor, customerId, input);
	await updateConnector(db, row.id, { requested_at: nowIso() });
	return { id: row.id };
}

// no actor: the sync worker opens the secret of the connector it runs
export const connectorSecret = (row: Pick<ConnectorRow, 'secret_sealed'>): string => openFor(row.secret_sealed, CONNECTOR_SECRET);
