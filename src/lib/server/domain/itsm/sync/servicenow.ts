/**
 * Reads a customer's tickets from ServiceNow's Table API
 * (GET /api/now/table/{table}): the customer's encoded query, plus
 * `sys_updated_on>=` the watermark less the overlap, ordered by
 * sys_updated_on; pages of sysparm_limit records, following the Link header's
 * rel="next" (or sysparm_offset when there is none). Values are raw
 * (sysparm_display_value=false: numeric states, UTC times, the
 * 'servicenow-raw' preset) or display values ('servicenow-display').
 * Authentication: basic, or OAuth client credentials (POST /oauth_token.do).
 */
import { PRESETS, type Preset } from '../import/presets';
import { lastPerKey, utcDateTime, type SourceRecord } from './source-rows';
import { SyncError, type SourceHttp } from './source-http';

export interface ServiceNowSettings {
	baseUrl: string;
	auth: 'basic' | 'oauth';
	username: string;
	secret: string;
	query: string;
	tables: string[];
	valueMode: 'raw' | 'display';
}

export const SERVICENOW_TABLES = ['incident', 'change_request'] as const;

export const serviceNowPreset = (s: Pick<ServiceNowSettings, 'valueMode'>): Preset => PRESETS[s.valueMode === 'display' ? 'servicenow-display' : 'servicenow-raw'];

async function authorization(http: SourceHttp, s: ServiceNowSettings): Promise<string> {
	if (s.auth === 'basic') return `Basic ${Buffer.from(`${s.username}:${s.secret}`).toString('base64')}`;
	const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: s.username, client_secret: s.secret }).toString();
	const { body: token } = await http.json(`${s.baseUrl}/oauth_token.do`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body
	});
	const access = token && typeof token === 'object' ? (token as { access_token?: unknown }).access_token : undefined;
	if (typeof access !== 'string' || !access) throw new SyncError('answer', 'The OAuth token answer has no access_token');
	return `Bearer ${access}`;
}

/** A field of a record as its CSV export has it: a reference's value (or display value), '' for null. */
function cell(v: unknown, mode: 'raw' | 'display'): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'string') return v;
	if (typeof v === 'number' || typeof v === 'boolean') return String(v);
	if (typeof v === 'object') {
		const o = v as { value?: unknown; display_value?: unknown };
		const picked = mode === 'display' ? (o.display_value ?? o.value) : (o.value ?? o.display_value);
		return picked === undefined || picked === null ? '' : String(picked);
	}
	return '';
}

/** The URL of the Link header's rel="next", when it has one. */
export function nextLink(link: string | null): string | null {
	if (!link) return null;
	for (const part of link.split(',')) {
		const m = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(part);
		if (m) return m[1];
	}
	return null;
}

/** A Table API answer's records: `result`, a list of objects, or a clear error. */
function resultOf(body: unknown, host: string, table: string): Record<string, unknown>[] {
	const result = body && typeof body === 'object' ? (body as { result?: unknown }).result : undefined;
	if (!Array.isArray(result) || result.some((r) => !r || typeof r !== 'object' || Array.isArray(r))) {
		throw new SyncError('answer', `${host} sent an answer without a list of records (result) for table ${table}`);
	}
	return result as Record<string, unknown>[];
}

/**
 * Every page of GET /api/now/table/{table}?sysparm_query=…: the Link header's
 * rel="next" (on the configured instance only), else the next sysparm_offset
 * while pages are full. `page` gets each page's records as they come.
 */
async function readTable(http: SourceHttp, s: ServiceNowSettings, auth: string, table: string, params: Record<string, string>, pageSize: number, page: (records: Record<string, unknown>[]) => Promise<void>): Promise<void> {
	const base = new URL(s.baseUrl);
	const first = new URL(`${s.baseUrl}/api/now/table/${encodeURIComponent(table)}`);
	for (const [k, v] of Object.entries(params)) first.searchParams.set(k, v);
	first.searchParams.set('sysparm_exclude_reference_link', 'true');
	first.searchParams.set('sysparm_limit', String(pageSize));
	first.searchParams.set('sysparm_offset', '0');
	let url: string | null = first.href;
	for (let offset = 0; url; ) {
		const { body, headers } = await http.json(url, { headers: { authorization: auth } });
		const result = resultOf(body, base.host, table);
		await page(result);
		offset += result.length;
		const next = nextLink(headers.get('link'));
		if (next) {
			const n = new URL(next, base);
			// the credentials go only to the configured instance
			if (n.origin !== base.origin) throw new SyncError('answer', `${base.host} pointed the next page at another host (${n.host})`);
			url = n.href;
		} else if (result.length === pageSize) {
			const n = new URL(first);
			n.searchParams.set('sysparm_offset', String(offset));
			url = n.href;
		} else url = null;
		if (result.length === 0) url = null;
	}
}

/** One state change of a record, as sys_audit has it (raw values). */
interface StateChange {
	from: string;
	to: string;
	at: string;
	/** the record's sys_mod_count after the change (record_checkpoint), when the audit has it */
	checkpoint: number | null;
}

/** The status columns of the preset a record has (incident_state and/or state). */
const STATUS_COLUMNS = ['incident_state', 'state'];

/**
 * The record's rows with its state history (as an event-log export has them,
 * one row per update): the state before the first change (at creation), the
 * state after each change at the change's time, then the record as it is now.
 * The assembly of the import (assemble.ts) makes the status history of them.
 */
export function recordWithHistory(rec: SourceRecord, changes: StateChange[]): SourceRecord[] {
	if (changes.length === 0) return [rec];
	const sorted = [...changes].sort((a, b) => (a.checkpoint ?? 0) - (b.checkpoint ?? 0) || a.at.localeCompare(b.at));
	const current = Number(rec.sys_mod_count);
	const version = (n: number | null) => (n === null || !Number.isFinite(current) ? '' : String(Math.min(n, current)));
	const columns = STATUS_COLUMNS.filter((c) => c in rec);
	const at = (state: string, when: string, v: string): SourceRecord => ({ ...rec, ...Object.fromEntries(columns.map((c) => [c, state])), sys_updated_on: when, sys_mod_count: v });
	const created = typeof rec.sys_created_on === 'string' && rec.sys_created_on ? rec.sys_created_on : (rec.opened_at as string);
	return [at(sorted[0].from, created, version(0)), ...sorted.map((c) => at(c.to, c.at, version(c.checkpoint))), rec];
}

/**
 * The state changes of the records (by sys_id) of one table, from sys_audit
 * (fieldname=state; raw values whatever sysparm_display_value says).
 */
async function stateChanges(http: SourceHttp, s: ServiceNowSettings, auth: string, table: string, ids: string[], pageSize: number): Promise<Map<string, StateChange[]>> {
	const out = new Map<string, StateChange[]>();
	if (ids.length === 0) return out;
	const params = {
		sysparm_query: `tablename=${table}^fieldname=state^documentkeyIN${ids.join(',')}^ORDERBYsys_created_on`,
		sysparm_fields: 'documentkey,oldvalue,newvalue,sys_created_on,record_checkpoint',
		sysparm_display_value: 'false'
	};
	await readTable(http, s, auth, 'sys_audit', params, pageSize, async (rows) => {
		for (const r of rows) {
			const key = cell(r.documentkey, 'raw');
			const change = { from: cell(r.oldvalue, 'raw'), to: cell(r.newvalue, 'raw'), at: cell(r.sys_created_on, 'raw'), checkpoint: /^\d+$/.test(cell(r.record_checkpoint, 'raw')) ? Number(cell(r.record_checkpoint, 'raw')) : null };
			if (!key || !change.at) continue;
			out.set(key, [...(out.get(key) ?? []), change]);
		}
	});
	return out;
}

/**
 * The sys_ids of the table's records deleted since `since` (all when null),
 * from sys_audit_delete (tablename, documentkey), which ServiceNow writes for
 * every deleted audited record.
 */
async function deletedIds(http: SourceHttp, s: ServiceNowSettings, auth: string, table: string, since: string | null, pageSize: number): Promise<string[]> {
	const ids: string[] = [];
	const terms = [`tablename=${table}`, since === null ? '' : `sys_created_on>=${since}`, 'ORDERBYsys_created_on'].filter(Boolean);
	await readTable(http, s, auth, 'sys_audit_delete', { sysparm_query: terms.join('^'), sysparm_fields: 'documentkey,tablename', sysparm_display_value: 'false' }, pageSize, async (rows) => {
		for (const r of rows) {
			const id = cell(r.documentkey, 'raw');
			if (id) ids.push(id);
		}
	});
	return ids;
}

export interface SourceRead {
	records: SourceRecord[];
	/** source ids (sys_id) the source reports deleted since the watermark */
	deleted: string[];
}

export async function fetchServiceNow(http: SourceHttp, s: ServiceNowSettings, sinceMs: number | null, pageSize: number): Promise<SourceRead> {
	const auth = await authorization(http, s);
	const out: SourceRecord[] = [];
	const deleted: string[] = [];
	const terms = [s.query.trim(), sinceMs === null ? '' : `sys_updated_on>=${utcDateTime(sinceMs)}`, 'ORDERBYsys_updated_on'].filter(Boolean);
	for (const table of s.tables) {
		const records: SourceRecord[] = [];
		const history = new Map<string, StateChange[]>();
		const params = { sysparm_query: terms.join('^'), sysparm_display_value: s.valueMode === 'display' ? 'true' : 'false' };
		await readTable(http, s, auth, table, params, pageSize, async (result) => {
			const page = result.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, cell(v, s.valueMode)])) as SourceRecord);
			records.push(...page);
			// the audit holds raw states: with display values the history comes from the record's own times
			if (s.valueMode !== 'raw') return;
			const ids = page.map((r) => r.sys_id).filter((id): id is string => typeof id === 'string' && id !== '');
			for (const [id, changes] of await stateChanges(http, s, auth, table, ids, pageSize)) history.set(id, changes);
		});
		// a record read twice (it changed while paging): its last reading
		for (const rec of lastPerKey(records, (r) => (typeof r.sys_id === 'string' ? r.sys_id : undefined))) out.push(...recordWithHistory(rec, history.get(rec.sys_id as string) ?? []));
		// a record read now is there, whatever the deletion log says (restored)
		const present = new Set(records.map((r) => r.sys_id));
		for (const id of await deletedIds(http, s, auth, table, sinceMs === null ? null : utcDateTime(sinceMs), pageSize)) if (!present.has(id)) deleted.push(id);
	}
	return { records: out, deleted };
}
