/**
 * Contract servers for the ticket connectors (issue 21): plain node:http
 * stand-ins for the documented subset of each API the connectors use, serving
 * the real rows of ../shared/data as the API would, with fault injection.
 *
 * ServiceNow, Table API and OAuth, following:
 * - https://docs.servicenow.com/bundle/washingtondc-api-reference/page/integrate/inbound-rest/concept/c_TableAPI.html
 *   (GET /api/now/table/{tableName}: sysparm_query, sysparm_limit, sysparm_offset,
 *   sysparm_display_value, sysparm_exclude_reference_link; the `result` list;
 *   the Link header with rel="first|prev|next|last" and X-Total-Count)
 * - https://docs.servicenow.com/bundle/washingtondc-platform-user-interface/page/use/using-lists/concept/c_EncodedQueryStrings.html
 *   (encoded queries: terms joined by ^, field=value, field>=value, ORDERBYfield)
 * - https://docs.servicenow.com/bundle/washingtondc-platform-security/page/administer/security/concept/c_OAuthApplications.html
 *   (POST /oauth_token.do, grant_type=client_credentials)
 * - https://developer.servicenow.com/dev.do#!/reference/api/washingtondc/rest/c_TableAPI (401 body shape)
 * Rows: servicenow-incidents-raw-values.csv, records read through the Table API
 * with raw values (sysparm_display_value=false), every field a string.
 *
 * Jira Cloud platform REST API v3, following:
 * - https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-get
 *   (GET /rest/api/3/search/jql: jql, nextPageToken, maxResults, fields, expand=names,changelog;
 *   answer { issues, nextPageToken, isLast, names })
 * - https://developer.atlassian.com/cloud/jira/platform/basic-auth-for-rest-apis/ (basic auth: e-mail + API token)
 * - https://developer.atlassian.com/cloud/jira/platform/rate-limiting/ (429 with Retry-After)
 * - https://support.atlassian.com/jira-service-management-cloud/docs/use-advanced-search-with-jira-query-language-jql/
 *   (project = X, issuetype in (…), updated >= "yyyy/MM/dd HH:mm", ORDER BY updated ASC)
 * Issues: the rows of bpic2014-derived-itsm-sample.csv (a real incident table)
 * as Jira Service Management incidents, with a changelog of their status
 * changes (opened → resolved → closed at the row's times).
 *
 * Faults: 429 with Retry-After, a status on page N, a malformed answer, a
 * delay on every answer, a hold on a given page (to kill the client there);
 * wrong credentials answer 401 as the real services do.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

export const DATA = resolve(import.meta.dirname, '../../../shared/data');

/** RFC 4180 CSV: quoted fields with commas, quotes and line breaks. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			row.push(cell);
			cell = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
		} else cell += ch;
	}
	if (cell || row.length) {
		row.push(cell);
		rows.push(row);
	}
	return rows.filter((r) => r.length > 1 || r[0] !== '');
}

export const SN_CSV_FILE = resolve(DATA, 'servicenow-incidents-raw-values.csv');

/** The ServiceNow sample as Table API records (raw values, every field a string). */
export function serviceNowRecords(): Record<string, string>[] {
	const [header, ...rows] = parseCsv(readFileSync(SN_CSV_FILE, 'utf8').replace(/^\uFEFF/, ''));
	return rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

/** Records back to CSV (what the CSV import of the same rows reads). */
export function toCsv(records: Record<string, string>[]): string {
	const header = [...new Set(records.flatMap((r) => Object.keys(r)))];
	const q = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
	return [header.map(q).join(','), ...records.map((r) => header.map((h) => q(r[h] ?? '')).join(','))].join('\n') + '\n';
}

export interface Faults {
	/** answer 429 with this Retry-After to the next `times` requests */
	rateLimit?: { times: number; retryAfter: string };
	/** answer `status` to the first `times` requests of page `page` (1-based) */
	failPage?: { page: number; status: number; times: number };
	/** answer a truncated JSON body */
	malformed?: boolean;
	/** wait this long before every answer */
	delayMs?: number;
	/** never answer page `page` (the client is killed there); `reached` resolves when it is asked for */
	holdPage?: { page: number; reached: () => void };
}

export interface LoggedRequest {
	at: number;
	method: string;
	path: string;
	query: URLSearchParams;
	status: number;
	/** which credentials were used (user name, client id or e-mail), null: none or wrong */
	who: string | null;
}

export interface SourceServer {
	url: string;
	faults: Faults;
	log: LoggedRequest[];
	/** most requests answered at the same time, per user */
	maxInFlight: Map<string, number>;
	close(): Promise<void>;
}

interface Handler {
	(req: IncomingMessage, url: URL, body: string): { status: number; body: unknown; headers?: Record<string, string>; who: string | null; page?: number };
}

async function serve(handler: Handler): Promise<{ server: Server; state: SourceServer }> {
	const faults: Faults = {};
	const log: LoggedRequest[] = [];
	const inFlight = new Map<string, number>();
	const maxInFlight = new Map<string, number>();
	const server = createServer((req, res: ServerResponse) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', async () => {
			const url = new URL(req.url ?? '/', 'http://localhost');
			const out = handler(req, url, Buffer.concat(chunks).toString('utf8'));
			const who = out.who;
			if (who) {
				inFlight.set(who, (inFlight.get(who) ?? 0) + 1);
				maxInFlight.set(who, Math.max(maxInFlight.get(who) ?? 0, inFlight.get(who)!));
			}
			let status = out.status;
			let text = JSON.stringify(out.body);
			const headers: Record<string, string> = { 'content-type': 'application/json', ...out.headers };
			if (status === 200 && out.page !== undefined) {
				if (faults.holdPage && faults.holdPage.page === out.page) {
					faults.holdPage.reached();
					log.push({ at: Date.now(), method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, status: 0, who });
					return; // never answered
				}
				if (faults.rateLimit && faults.rateLimit.times > 0) {
					faults.rateLimit.times--;
					status = 429;
					headers['retry-after'] = faults.rateLimit.retryAfter;
					text = JSON.stringify({ errorMessages: ['Rate limit exceeded'] });
				} else if (faults.failPage && faults.failPage.page === out.page && faults.failPage.times > 0) {
					faults.failPage.times--;
					status = faults.failPage.status;
					text = JSON.stringify({ error: { message: 'Internal server error' } });
				} else if (faults.malformed) text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
			}
			if (faults.delayMs) await new Promise((r) => setTimeout(r, faults.delayMs));
			if (who) inFlight.set(who, inFlight.get(who)! - 1);
			log.push({ at: Date.now(), method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, status, who });
			res.writeHead(status, headers).end(text);
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as AddressInfo;
	const state: SourceServer = {
		url: `http://127.0.0.1:${port}`,
		faults,
		log,
		maxInFlight,
		close: () =>
			new Promise((r) => {
				server.closeAllConnections();
				server.close(() => r());
			})
	};
	return { server, state };
}

const basicUser = (req: IncomingMessage, users: Record<string, string>): string | null => {
	const m = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
	if (!m) return null;
	const [user, ...rest] = Buffer.from(m[1], 'base64').toString('utf8').split(':');
	return users[user] !== undefined && users[user] === rest.join(':') ? user : null;
};

export interface ServiceNowServer extends SourceServer {
	/** table → records; change them to simulate updates at the source */
	tables: Record<string, Record<string, string>[]>;
}

export const SN_USER = { user: 'samverkan.sync', password: 'Hemligt lösen 1' };
export const SN_CLIENT = { id: 'samverkan-client', secret: 'klient-hemlighet-2' };

const SN_STATE_LABELS: Record<string, string> = { '1': 'New', '2': 'In Progress', '3': 'On Hold', '6': 'Resolved', '7': 'Closed', '8': 'Canceled' };
const SN_PRIORITY_LABELS: Record<string, string> = { '1': '1 - Critical', '2': '2 - High', '3': '3 - Moderate', '4': '4 - Low', '5': '5 - Planning' };
const SN_LEVEL_LABELS: Record<string, string> = { '1': '1 - High', '2': '2 - Medium', '3': '3 - Low' };
const SN_DATE_FIELDS = ['opened_at', 'resolved_at', 'closed_at', 'sys_updated_on', 'sys_created_on', 'reopened_time'];
const stockholm = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/**
 * A record as the Table API answers it with sysparm_display_value=true for a
 * user with time zone Europe/Stockholm and date format dd-MM-yyyy: choice
 * fields as their labels (incident_state, priority, impact, urgency), date-times
 * in the user's zone and format; other fields as they are.
 */
export function serviceNowDisplay(r: Record<string, string>): Record<string, string> {
	const out = { ...r };
	for (const f of ['incident_state', 'state']) if (out[f] !== undefined) out[f] = SN_STATE_LABELS[out[f]] ?? out[f];
	if (out.priority !== undefined) out.priority = SN_PRIORITY_LABELS[out.priority] ?? out.priority;
	for (const f of ['impact', 'urgency']) if (out[f] !== undefined) out[f] = SN_LEVEL_LABELS[out[f]] ?? out[f];
	for (const f of SN_DATE_FIELDS) {
		if (!out[f]) continue;
		const p = Object.fromEntries(stockholm.formatToParts(new Date(`${out[f].replace(' ', 'T')}Z`)).map((x) => [x.type, x.value]));
		out[f] = `${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute}:${p.second}`;
	}
	return out;
}

/** One encoded-query term on a record; string comparison, as raw date-times sort as text. */
function matches(rec: Record<string, string>, term: string): boolean {
	const m = /^([a-z_0-9.]+)(IN|>=|<=|!=|=|>|<)(.*)$/.exec(term);
	if (!m) throw new Error(`unsupported term ${term}`);
	const v = rec[m[1]] ?? '';
	switch (m[2]) {
		case 'IN':
			return m[3].split(',').includes(v);
		case '=':
			return v === m[3];
		case '!=':
			return v !== m[3];
		case '>=':
			return v >= m[3];
		case '<=':
			return v <= m[3];
		case '>':
			return v > m[3];
		default:
			return v < m[3];
	}
}

/**
 * A record's states over time. The sample holds each record as it is now, not
 * its audit trail, so the trail is derived from the record's own fields (what
 * is derived): New at sys_created_on; then, for a record now In Progress or On
 * Hold, that state at its last update (sys_updated_on); for one resolved or
 * closed, Resolved at resolved_at and Closed at closed_at. `mod` is the
 * record's sys_mod_count after the change (sys_audit's record_checkpoint):
 * the last change has the record's own, the ones before count down from it.
 */
export function stateTrail(r: Record<string, string>): { state: string; at: string; mod: number }[] {
	const trail: { state: string; at: string }[] = [{ state: '1', at: r.sys_created_on || r.opened_at }];
	const now = r.incident_state ?? r.state;
	const add = (state: string, at: string) => {
		if (at && trail[trail.length - 1].state !== state) trail.push({ state, at });
	};
	if (now === '2' || now === '3') add(now, r.sys_updated_on);
	if (now === '6' || now === '7') add('6', r.resolved_at);
	if (now === '7') add('7', r.closed_at);
	add(now, r.sys_updated_on);
	const mod = Number(r.sys_mod_count || 0);
	return trail.map((t, i) => ({ ...t, mod: i === 0 ? 0 : Math.max(0, mod - (trail.length - 1 - i)) }));
}

/** sys_audit's rows for the records' state changes (fieldname=state, raw values). */
export function serviceNowAudit(table: string, records: Record<string, string>[]): Record<string, string>[] {
	return records.flatMap((r) =>
		stateTrail(r)
			.slice(1)
			.map((t, i, changes) => ({
				sys_id: `audit-${r.sys_id}-${i + 1}`,
				tablename: table,
				documentkey: r.sys_id,
				fieldname: 'state',
				oldvalue: i === 0 ? '1' : changes[i - 1].state,
				newvalue: t.state,
				sys_created_on: t.at,
				record_checkpoint: String(t.mod),
				user: 'admin'
			}))
	);
}

/** The records as an event-log export (one row per state, then the record as it is now): the CSV import with history. */
export function serviceNowEventLog(records: Record<string, string>[]): Record<string, string>[] {
	return records.flatMap((r) => {
		const trail = stateTrail(r);
		if (trail.length === 1) return [r];
		return [...trail.map((t) => ({ ...r, incident_state: t.state, sys_updated_on: t.at, sys_mod_count: String(t.mod) })), r];
	});
}

export async function startServiceNow(records: Record<string, string>[] = serviceNowRecords()): Promise<ServiceNowServer> {
	const tables: Record<string, Record<string, string>[]> = { incident: records, change_request: [], sys_audit: serviceNowAudit('incident', records), sys_audit_delete: [] };
	const tokens = new Map<string, string>();
	const { state } = await serve((req, url, body) => {
		if (req.method === 'POST' && url.pathname.endsWith('/oauth_token.do')) {
			const form = new URLSearchParams(body);
			if (form.get('grant_type') !== 'client_credentials' || form.get('client_id') !== SN_CLIENT.id || form.get('client_secret') !== SN_CLIENT.secret) {
				return { status: 401, body: { error: 'access_denied', error_description: 'access_denied' }, who: null };
			}
			const token = `tok-${tokens.size + 1}-${Math.random().toString(36).slice(2)}`;
			tokens.set(token, SN_CLIENT.id);
			return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: 1799, scope: 'useraccount' }, who: null };
		}
		const m = /^\/api\/now\/table\/([a-z_0-9]+)$/.exec(url.pathname);
		if (!m || req.method !== 'GET') return { status: 404, body: { error: { message: 'Requested URI does not represent any resource' }, status: 'failure' }, who: null };
		const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
		const who = bearer ? (tokens.get(bearer[1]) ?? null) : basicUser(req, { [SN_USER.user]: SN_USER.password });
		if (!who) return { status: 401, body: { error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' }, status: 'failure' }, who: null };
		const table = tables[m[1]];
		if (!table) return { status: 400, body: { error: { message: 'Invalid table', detail: m[1] }, status: 'failure' }, who };
		const p = url.searchParams;
		let list = [...table];
		let order: string | null = null;
		for (const term of (p.get('sysparm_query') ?? '').split('^').filter(Boolean)) {
			if (term.startsWith('ORDERBY')) order = term.slice('ORDERBY'.length);
			else list = list.filter((r) => matches(r, term));
		}
		if (order) list.sort((a, b) => (a[order!] ?? '').localeCompare(b[order!] ?? '') || (a.sys_id ?? '').localeCompare(b.sys_id ?? ''));
		const limit = Number(p.get('sysparm_limit') ?? 10000);
		const offset = Number(p.get('sysparm_offset') ?? 0);
		const pageOf = (o: number) => {
			const n = new URL(url.href.replace('http://localhost', state.url));
			n.searchParams.set('sysparm_offset', String(o));
			return n.href;
		};
		const links = [`<${pageOf(0)}>;rel="first"`];
		if (offset > 0) links.push(`<${pageOf(Math.max(0, offset - limit))}>;rel="prev"`);
		if (offset + limit < list.length) links.push(`<${pageOf(offset + limit)}>;rel="next"`);
		links.push(`<${pageOf(Math.max(0, Math.floor((list.length - 1) / limit) * limit))}>;rel="last"`);
		return {
			status: 200,
			body: { result: p.get('sysparm_display_value') === 'true' ? list.slice(offset, offset + limit).map(serviceNowDisplay) : list.slice(offset, offset + limit) },
			headers: { link: links.join(','), 'x-total-count': String(list.length) },
			who,
			page: Math.floor(offset / limit) + 1
		};
	});
	return Object.assign(state, { tables });
}

/** Touches records at the source: new field values, a later sys_updated_on, sys_mod_count + 1. */
export function updateAtSource(records: Record<string, string>[], numbers: string[], fields: Record<string, string>, updatedOn: string): void {
	for (const r of records) {
		if (!numbers.includes(r.number)) continue;
		Object.assign(r, fields, { sys_updated_on: updatedOn, sys_mod_count: String(Number(r.sys_mod_count || 0) + 1) });
	}
}

/** Deletes records at the source: gone from their table, logged in sys_audit_delete (tablename, documentkey) at `at`. */
export function deleteAtSource(sn: ServiceNowServer, table: string, numbers: string[], at: string): string[] {
	const gone = sn.tables[table].filter((r) => numbers.includes(r.number));
	sn.tables[table] = sn.tables[table].filter((r) => !numbers.includes(r.number));
	for (const r of gone) sn.tables.sys_audit_delete.push({ sys_id: `deleted-${r.sys_id}`, tablename: table, documentkey: r.sys_id, display_value: r.number, sys_created_on: at });
	return gone.map((r) => r.sys_id);
}

// ---------------------------------------------------------------- Jira

export const JIRA_USER = { email: 'integration@leverantoren.example', token: 'ATATT3x-test-token' };

export interface JiraIssue {
	id: string;
	key: string;
	fields: Record<string, unknown>;
	changelog: { histories: { id: string; created: string; items: { field: string; fromString: string; toString: string }[] }[] };
}

export interface JiraServer extends SourceServer {
	issues: JiraIssue[];
}

const JIRA_NAMES = { customfield_10050: 'Impact', customfield_10051: 'Urgency' };
const PRIORITY_NAMES: Record<string, string> = { '1': 'Highest', '2': 'High', '3': 'Medium', '4': 'Low', '5': 'Lowest' };

/** dd/mm/yyyy HH:MM (the BPI 2014 extract) → Jira's ISO with offset, in UTC. */
const jiraTime = (v: string): string | null => {
	const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/.exec(v.trim());
	return m ? `${m[3]}-${m[2]}-${m[1]}T${m[4]}:${m[5]}:00.000+0000` : null;
};

/** The BPI 2014 extract's incidents as Jira Service Management issues of project `project`. */
export function jiraIssues(project = 'RABO'): JiraIssue[] {
	const [header, ...rows] = parseCsv(readFileSync(resolve(DATA, 'bpic2014-derived-itsm-sample.csv'), 'utf8').replace(/^\uFEFF/, ''));
	const col = (cells: string[], name: string) => cells[header.indexOf(name)] ?? '';
	return rows.map((cells, i) => {
		const created = jiraTime(col(cells, 'Open_Time'))!;
		const resolved = jiraTime(col(cells, 'Resolved_Time'));
		const closed = jiraTime(col(cells, 'Close_Time'));
		const status = col(cells, 'Status') === 'Closed' ? 'Closed' : col(cells, 'Status') || 'Open';
		const histories: JiraIssue['changelog']['histories'] = [];
		if (resolved) histories.push({ id: `${i}1`, created: resolved, items: [{ field: 'status', fromString: 'Open', toString: 'Resolved' }] });
		if (closed && status === 'Closed') histories.push({ id: `${i}2`, created: closed, items: [{ field: 'status', fromString: resolved ? 'Resolved' : 'Open', toString: 'Closed' }] });
		return {
			id: String(10000 + i),
			key: `${project}-${i + 1}`,
			fields: {
				summary: `${col(cells, 'CI_Cat')} ${col(cells, 'CI_Subcat')} (${col(cells, 'Incident_ID')})`,
				issuetype: { name: 'Incident' },
				status: { name: status },
				priority: { name: PRIORITY_NAMES[col(cells, 'Priority')] ?? 'Medium' },
				created,
				updated: closed ?? resolved ?? created,
				resolutiondate: resolved,
				resolution: resolved ? { name: 'Done' } : null,
				components: [{ name: col(cells, 'CI_Name') }],
				labels: [],
				project: { key: project },
				customfield_10050: { value: col(cells, 'Impact') },
				customfield_10051: { value: col(cells, 'Urgency') }
			},
			changelog: { histories }
		};
	});
}

/** The issues as Jira's CSV export (all fields) has them, for the CSV import of the same issues. */
export function jiraCsv(issues: JiraIssue[]): string {
	// Jira writes the user's local time; ISO with an offset is understood too, and keeps this exact
	const when = (v: unknown) => (typeof v === 'string' ? v : '');
	const records = issues.map((i) => {
		const f = i.fields as Record<string, { name?: string; value?: string } & Record<string, unknown>>;
		return {
			'Issue key': i.key,
			'Issue id': i.id,
			'Issue Type': f.issuetype.name ?? '',
			Summary: String(i.fields.summary),
			Status: f.status.name ?? '',
			Priority: f.priority.name ?? '',
			Created: when(i.fields.created),
			Resolved: when(i.fields.resolutiondate),
			Resolution: (i.fields.resolution as { name?: string } | null)?.name ?? '',
			'Component/s': (i.fields.components as { name: string }[])[0]?.name ?? '',
			'Custom field (Impact)': f.customfield_10050.value ?? '',
			'Custom field (Urgency)': f.customfield_10051.value ?? ''
		};
	});
	return toCsv(records);
}

/** Splits JQL on top-level AND. */
function jqlTerms(jql: string): { terms: string[]; order: string | null } {
	const [where, order] = jql.split(/\s+ORDER BY\s+/i);
	const terms: string[] = [];
	let depth = 0;
	let cur = '';
	const words = where.split(/(\s+AND\s+|[()])/i);
	for (const w of words) {
		if (w === '(') depth++;
		if (w === ')') depth--;
		if (/^\s+AND\s+$/i.test(w) && depth === 0) {
			terms.push(cur.trim());
			cur = '';
		} else cur += w;
	}
	if (cur.trim()) terms.push(cur.trim());
	return { terms: terms.map((t) => t.replace(/^\((.*)\)$/, '$1').trim()), order: order ?? null };
}

const unquote = (s: string) => s.trim().replace(/^"(.*)"$/, '$1').replace(/\\"/g, '"');

function jiraMatches(issue: JiraIssue, term: string): boolean | 'bad' {
	let m = /^project\s*=\s*(.+)$/i.exec(term);
	if (m) return (issue.fields.project as { key: string }).key === unquote(m[1]);
	m = /^issuetype\s+in\s*\((.*)\)$/i.exec(term);
	if (m) return m[1].split(',').map(unquote).includes((issue.fields.issuetype as { name: string }).name);
	m = /^updated\s*>=\s*"(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2})"$/i.exec(term);
	if (m) return Date.parse(String(issue.fields.updated).replace(/\+0000$/, 'Z')) >= Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
	return 'bad';
}

export async function startJira(issues: JiraIssue[] = jiraIssues()): Promise<JiraServer> {
	const { state } = await serve((req, url) => {
		if (url.pathname !== '/rest/api/3/search/jql' || req.method !== 'GET') return { status: 404, body: { errorMessages: ['Not found'] }, who: null };
		const who = basicUser(req, { [JIRA_USER.email]: JIRA_USER.token });
		if (!who) return { status: 401, body: { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'] }, who: null };
		const p = url.searchParams;
		const { terms } = jqlTerms(p.get('jql') ?? '');
		let list = [...issues];
		for (const t of terms) {
			const bad = list.length ? jiraMatches(list[0], t) === 'bad' : false;
			if (bad) return { status: 400, body: { errorMessages: [`Error in the JQL Query: ${t}`] }, who };
			list = list.filter((i) => jiraMatches(i, t) === true);
		}
		list.sort((a, b) => Date.parse(String(a.fields.updated).replace(/\+0000$/, 'Z')) - Date.parse(String(b.fields.updated).replace(/\+0000$/, 'Z')) || Number(a.id) - Number(b.id));
		const max = Math.min(100, Number(p.get('maxResults') ?? 50));
		const start = p.get('nextPageToken') ? Number(Buffer.from(p.get('nextPageToken')!, 'base64url').toString()) : 0;
		const slice = list.slice(start, start + max);
		const expand = (p.get('expand') ?? '').split(',');
		const isLast = start + max >= list.length;
		return {
			status: 200,
			body: {
				issues: slice.map((i) => ({ id: i.id, key: i.key, fields: i.fields, ...(expand.includes('changelog') && { changelog: { startAt: 0, maxResults: 100, total: i.changelog.histories.length, histories: i.changelog.histories } }) })),
				...(expand.includes('names') && { names: { ...JIRA_NAMES, summary: 'Summary', status: 'Status' } }),
				isLast,
				...(!isLast && { nextPageToken: Buffer.from(String(start + max)).toString('base64url') })
			},
			who,
			page: Math.floor(start / max) + 1
		};
	});
	return Object.assign(state, { issues });
}
