/**
 * Reads a customer's issues from Jira Cloud (Jira Service Management):
 * GET /rest/api/3/search/jql with the customer's JQL, plus `updated >=` the
 * watermark less the overlap, ordered by updated; pages of maxResults issues
 * chained by nextPageToken; fields=*all and expand=names,changelog. Each
 * issue becomes the row a Jira CSV export ("all fields") has for it, so the
 * 'jira' preset maps it; custom fields by their names ("Custom field
 * (Impact)"). The changelog's status changes become earlier rows of the
 * issue (an event log), which gives the ticket its real status history.
 * Authentication: basic with the integration user's e-mail and API token.
 */
import { PRESETS, type Preset } from '../import/presets';
import type { SourceRecord } from './source-rows';
import { SyncError, type SourceHttp } from './source-http';
import type { SourceRead } from './servicenow';

export interface JiraSettings {
	baseUrl: string;
	username: string;
	secret: string;
	query: string;
	/** issue types; empty: all */
	tables: string[];
}

/** The column a sync adds to every row: when that row's state began (the changelog's or the issue's updated time). */
const CHANGED = 'Changed';

/** The Jira preset, reading the changed time of each row: several rows of one issue are its status history. */
export const JIRA_SYNC_PRESET: Preset = {
	...PRESETS.jira,
	mapping: { ...PRESETS.jira.mapping, columns: { ...PRESETS.jira.mapping.columns, eventAt: CHANGED } }
};

const pad = (n: number) => String(n).padStart(2, '0');

/** JQL's date-time: "yyyy/MM/dd HH:mm" (minutes; the integration user's time zone, UTC by our setup). */
export function jqlTime(ms: number): string {
	const d = new Date(ms);
	return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export function jiraJql(s: Pick<JiraSettings, 'query' | 'tables'>, sinceMs: number | null): string {
	const terms: string[] = [];
	if (s.query.trim()) terms.push(`(${s.query.trim()})`);
	if (s.tables.length) terms.push(`issuetype in (${s.tables.map(quote).join(', ')})`);
	if (sinceMs !== null) terms.push(`updated >= ${quote(jqlTime(sinceMs))}`);
	return `${terms.join(' AND ')} ORDER BY updated ASC`.trim();
}

/** A field's value as the CSV export writes it. */
function text(v: unknown): string | null {
	if (v === null || v === undefined) return null;
	if (typeof v === 'string') return v;
	if (typeof v === 'number' || typeof v === 'boolean') return String(v);
	if (typeof v === 'object' && !Array.isArray(v)) {
		const o = v as Record<string, unknown>;
		for (const k of ['value', 'name', 'displayName', 'rating', 'key']) if (typeof o[k] === 'string' || typeof o[k] === 'number') return String(o[k]);
	}
	return null;
}

const many = (v: unknown): string[] => (Array.isArray(v) ? v.map(text).filter((x): x is string => x !== null) : [text(v)].filter((x): x is string => x !== null));

interface JiraIssue {
	id?: unknown;
	key?: unknown;
	fields?: Record<string, unknown>;
	changelog?: { histories?: { created?: unknown; items?: { field?: unknown; fromString?: unknown; toString?: unknown }[] }[] };
}

/** The issue's rows: its state at each status change (oldest first), then as it is now. */
export function issueRows(issue: JiraIssue, names: Record<string, string>): SourceRecord[] {
	const f = issue.fields ?? {};
	const row: SourceRecord = {
		'Issue key': String(issue.key ?? ''),
		'Issue id': String(issue.id ?? ''),
		'Issue Type': text(f.issuetype) ?? '',
		Summary: text(f.summary) ?? '',
		Status: text(f.status) ?? '',
		Priority: text(f.priority) ?? '',
		Created: text(f.created) ?? '',
		Resolved: text(f.resolutiondate) ?? '',
		Updated: text(f.updated) ?? '',
		Resolution: text(f.resolution) ?? '',
		Assignee: text(f.assignee) ?? '',
		Labels: many(f.labels),
		'Component/s': many(f.components),
		[CHANGED]: text(f.updated) ?? ''
	};
	for (const [id, v] of Object.entries(f)) {
		if (!id.startsWith('customfield_') || v === null || v === undefined) continue;
		const name = names[id];
		if (name) row[`Custom field (${name})`] = Array.isArray(v) ? many(v) : (text(v) ?? '');
	}
	const changes = (issue.changelog?.histories ?? [])
		.flatMap((h) => (h.items ?? []).filter((i) => i.field === 'status').map((i) => ({ at: text(h.created) ?? '', from: text(i.fromString) ?? '', to: text(i.toString) ?? '' })))
		.filter((c) => c.at)
		.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
	if (changes.length === 0) return [row];
	const rows: SourceRecord[] = [{ ...row, Status: changes[0].from, Resolved: '', Resolution: '', [CHANGED]: row.Created }];
	for (const c of changes) rows.push({ ...row, Status: c.to, ...(c !== changes[changes.length - 1] && { Resolved: '', Resolution: '' }), [CHANGED]: c.at });
	rows.push(row);
	return rows;
}

/** Jira's search lists no deleted issues (only its audit log and webhooks tell): `deleted` is always empty. */
export async function fetchJira(http: SourceHttp, s: JiraSettings, sinceMs: number | null, pageSize: number): Promise<SourceRead> {
	const base = new URL(s.baseUrl);
	const auth = `Basic ${Buffer.from(`${s.username}:${s.secret}`).toString('base64')}`;
	const jql = jiraJql(s, sinceMs);
	const issues: { issue: JiraIssue; names: Record<string, string> }[] = [];
	let token: string | null = null;
	for (let page = 0; ; page++) {
		const url = new URL(`${s.baseUrl}/rest/api/3/search/jql`);
		url.searchParams.set('jql', jql);
		url.searchParams.set('maxResults', String(pageSize));
		url.searchParams.set('fields', '*all');
		url.searchParams.set('expand', 'names,changelog');
		if (token) url.searchParams.set('nextPageToken', token);
		const { body } = await http.json(url.href, { headers: { authorization: auth } });
		const answer = body && typeof body === 'object' ? (body as { issues?: unknown; nextPageToken?: unknown; isLast?: unknown; names?: unknown }) : null;
		if (!answer || !Array.isArray(answer.issues) || answer.issues.some((i) => !i || typeof i !== 'object' || !('key' in i))) {
			throw new SyncError('answer', `${base.host} sent an answer without a list of issues`);
		}
		const names = answer.names && typeof answer.names === 'object' ? (answer.names as Record<string, string>) : {};
		for (const issue of answer.issues as JiraIssue[]) issues.push({ issue, names });
		token = typeof answer.nextPageToken === 'string' && answer.nextPageToken && answer.isLast !== true ? answer.nextPageToken : null;
		if (!token || answer.issues.length === 0) break;
		if (page > 100_000) throw new SyncError('answer', `${base.host} kept sending pages`);
	}
	// an issue read twice (it changed while paging): its last reading
	const latest = new Map<string, { issue: JiraIssue; names: Record<string, string> }>();
	for (const i of issues) {
		const k = String(i.issue.id ?? i.issue.key);
		latest.delete(k);
		latest.set(k, i);
	}
	return { records: [...latest.values()].flatMap((i) => issueRows(i.issue, i.names)), deleted: [] };
}
