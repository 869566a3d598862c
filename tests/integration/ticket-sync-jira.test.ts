/**
 * The Jira Service Management connector (issue 21) against the real server
 * and the Jira contract server (tests/helpers/ticket-sources.ts) serving the
 * BPI 2014 incident extract as Jira issues: pages chained by nextPageToken,
 * the issues mapped by the Jira preset exactly as the CSV export of the same
 * issues is imported (the changelog adds the real status history), and an
 * incremental run asks JQL for what was updated since the watermark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { startServer, type TestServer } from '../helpers/server';
import { JIRA_USER, jiraCsv, startJira, type JiraServer } from '../helpers/ticket-sources';
import { jiraForm, newCustomer, saveConnector, SYNC_ENV, syncNow, ticketContent } from '../helpers/ticket-sync';

let server: TestServer;
let admin: ApiClient;
let jira: JiraServer;

beforeAll(async () => {
	[server, jira] = await Promise.all([startServer({ demo: true, env: SYNC_ENV }), startJira()]);
	admin = await new ApiClient(server.url).login('admin@itmastaren.example');
});
afterAll(async () => {
	await Promise.all([server?.stop(), jira?.close()]);
});

/** What the Jira CSV export carries; the status history and what follows from it come from the changelog. */
const FROM_EXPORT = ['source', 'source_id', 'number', 'kind', 'title', 'status', 'status_raw', 'priority', 'priority_raw', 'impact', 'urgency', 'service', 'opened_at', 'resolved_at', 'resolution_hours'];
/** Those fields; an issue resolved without a resolution date (closed straight from Open) has its resolution only in the changelog. */
const pick = (all: Record<string, Record<string, unknown>>) =>
	Object.fromEntries(
		Object.entries(all).map(([n, t]) => {
			const resolvedInExport = jira.issues.find((i) => i.key === n)?.fields.resolutiondate;
			const keys = resolvedInExport ? FROM_EXPORT : FROM_EXPORT.filter((k) => k !== 'resolved_at' && k !== 'resolution_hours');
			return [n, Object.fromEntries(keys.map((k) => [k, t[k]]))];
		})
	);

describe('Jira Service Management connector', () => {
	let synced: string;

	it('reads every page of the search and makes the tickets the CSV export of the same issues makes, with the changelog as status history', async () => {
		synced = await newCustomer(admin, 'Jirakunden AB');
		const imported = await newCustomer(admin, 'Jira-export AB');
		expect((await saveConnector(server, admin, synced, jiraForm(jira.url, JIRA_USER.email, JIRA_USER.token))).status).toBe(200);
		const run = await syncNow(server, admin, synced, 'jira');
		expect(run).toMatchObject({ status: 'ok', created: jira.issues.length, updated: 0, error: null });
		// 40 issues, 10 a page: four pages chained by nextPageToken
		const searches = jira.log.filter((l) => l.path === '/rest/api/3/search/jql');
		expect(searches.map((l) => l.query.get('nextPageToken') === null)).toEqual([true, false, false, false]);
		expect(searches[0].query.get('jql')).toBe('(project = RABO) AND issuetype in ("Incident") ORDER BY updated ASC');
		expect(searches[0].query.get('expand')).toBe('names,changelog');

		const res = await fetch(`${server.url}/api/v1/customers/${imported}/tickets/import?preset=jira`, {
			method: 'POST',
			headers: { 'content-type': 'text/csv', cookie: admin.sessionCookie },
			body: jiraCsv(jira.issues)
		});
		expect((await res.json()).report).toMatchObject({ status: 'imported', created: jira.issues.length });
		const viaSync = await ticketContent(server, synced);
		expect(pick(viaSync)).toEqual(pick(await ticketContent(server, imported)));

		// the changelog's status changes, at their times
		const first = jira.issues[0];
		const history = JSON.parse(String(viaSync[first.key].history)) as { at: number; statusRaw: string | null }[];
		expect(history.map((h) => [new Date(h.at).toISOString(), h.statusRaw])).toEqual([
			[new Date(String(first.fields.created).replace('+0000', 'Z')).toISOString(), 'Open'],
			...first.changelog.histories.map((h) => [new Date(h.created.replace('+0000', 'Z')).toISOString(), h.items[0].toString])
		]);
	});

	it('an incremental run asks for what was updated since the watermark and changes exactly that issue', async () => {
		const issue = jira.issues[5];
		const newestBefore = Math.max(...jira.issues.map((i) => Date.parse(String(i.fields.updated).replace('+0000', 'Z'))));
		Object.assign(issue.fields, { priority: { name: 'Highest' }, updated: '2030-01-01T10:00:00.000+0000' });
		const since = jira.log.length;
		const run = await syncNow(server, admin, synced, 'jira');
		expect(run).toMatchObject({ status: 'ok', created: 0, updated: 1 });
		const jql = jira.log.slice(since)[0].query.get('jql')!;
		const from = new Date(newestBefore - 60_000).toISOString();
		expect(jql).toBe(`(project = RABO) AND issuetype in ("Incident") AND updated >= "${from.slice(0, 10).replace(/-/g, '/')} ${from.slice(11, 16)}" ORDER BY updated ASC`);
		expect((await ticketContent(server, synced))[issue.key]).toMatchObject({ priority: 1 });
	});

	it('a wrong API token fails in words and stores nothing', async () => {
		const c = await newCustomer(admin, 'Fel token AB');
		await saveConnector(server, admin, c, jiraForm(jira.url, JIRA_USER.email, 'fel-token'));
		const run = await syncNow(server, admin, c, 'jira');
		expect(run.status).toBe('failed');
		expect(run.error).toMatch(/refused the credentials \(401\)/);
		expect(Object.keys(await ticketContent(server, c))).toEqual([]);
	});
});
