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

export async function fetchServiceNow(http: SourceHttp, s: ServiceNowSettings, sinceMs: number | null, pageSize: number): Promise<SourceRecord[]> {
	const auth = await authorization(http, s);
	const base = new URL(s.baseUrl);
	const records: SourceRecord[] = [];
	const terms = [s.query.trim(), sinceMs === null ? '' : `sys_updated_on>=${utcDateTime(sinceMs)}`, 'ORDERBYsys_updated_on'].filter(Boolean);
	for (const table of s.tables) {
		const first = new URL(`${s.baseUrl}/api/now/table/${encodeURIComponent(table)}`);
		first.searchParams.set('sysparm_query', terms.join('^'));
		first.searchParams.set('sysparm_display_value', s.valueMode === 'display' ? 'true' : 'false');
		first.searchParams.set('sysparm_exclude_reference_link', 'true');
		first.searchParams.set('sysparm_limit', String(pageSize));
		first.searchParams.set('sysparm_offset', '0');
		let url: string | null = first.href;
		for (let offset = 0; url; ) {
			const { body, headers } = await http.json(url, { headers: { authorization: auth } });
			const result = body && typeof body === 'object' ? (body as { result?: unknown }).result : undefined;
			if (!Array.isArray(result) || result.some((r) => !r || typeof r !== 'object' || Array.isArray(r))) {
				throw new SyncError('answer', `${base.host} sent an answer without a list of records (result) for table ${table}`);
			}
			for (const r of result as Record<string, unknown>[]) {
				const rec: SourceRecord = {};
				for (const [k, v] of Object.entries(r)) rec[k] = cell(v, s.valueMode);
				records.push(rec);
			}
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
	return lastPerKey(records, (r) => (typeof r.sys_id === 'string' ? r.sys_id : undefined));
}
