/** Driving the ticket connectors' page of a test server, and reading what a sync stored. */
import type { ApiClient } from './api-client';
import type { TestServer } from './server';
import { openTestDb } from './test-db';
import { SN_USER } from './ticket-sources';

/** Short polls, leases and backoffs, 10 records a page (so 67 incidents are 7 pages), a key for the sealed secrets. */
export const SYNC_ENV = {
	SECRETS_KEY: 'a'.repeat(64),
	SYNC_POLL_MS: '200',
	SYNC_LEASE_MS: '3000',
	SYNC_PAGE_SIZE: '10',
	SYNC_RETRY_BASE_MS: '50',
	SYNC_MAX_RETRIES: '3',
	SYNC_OVERLAP_MS: '60000'
};

/** A form post as a browser without JavaScript makes it. */
export const postForm = (s: TestServer, client: ApiClient, path: string, data: Record<string, string>) =>
	client.request('POST', path, new URLSearchParams(data).toString(), { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: s.url });

export async function newCustomer(client: ApiClient, name: string): Promise<string> {
	const r = await client.json('POST', '/api/v1/customers', { name });
	if (r.status !== 201) throw new Error(`customer ${name}: ${r.status} ${JSON.stringify(r.body)}`);
	return r.body.customer.id;
}

export const snForm = (url: string, extra: Record<string, string> = {}) => ({
	_form: 'save-servicenow',
	kind: 'servicenow',
	baseUrl: url,
	auth: 'basic',
	username: SN_USER.user,
	secret: SN_USER.password,
	query: 'active=false',
	tables: 'incident\nchange_request',
	valueMode: 'raw',
	intervalMinutes: '15',
	// the schedule off: the tests run it with "sync now"
	enabled: '0',
	...extra
});

export async function saveConnector(s: TestServer, client: ApiClient, customerId: string, form: Record<string, string>): Promise<{ status: number; body: string }> {
	const res = await postForm(s, client, `/customers/${customerId}/tickets/connectors?/save`, form);
	return { status: res.status, body: await res.text() };
}

export async function query<T = Record<string, unknown>>(s: TestServer, fn: (db: ReturnType<typeof openTestDb>) => Promise<T>): Promise<T> {
	const db = openTestDb(s.databaseUrl);
	try {
		return await fn(db);
	} finally {
		await db.destroy();
	}
}

export type Run = { id: string; status: string; fetched: number; created: number; updated: number; unchanged: number; requests: number; retries: number; error: string | null };

/** Presses "Synka nu" and waits for the run it starts to finish. */
export async function syncNow(s: TestServer, client: ApiClient, customerId: string, kind: 'servicenow' | 'jira', timeoutMs = 30_000): Promise<Run> {
	const before = new Set(await query(s, async (db) => (await db.selectFrom('ticket_sync_runs').select('id').execute()).map((r: { id: string }) => r.id)));
	const res = await postForm(s, client, `/customers/${customerId}/tickets/connectors?/sync`, { _form: `sync-${kind}`, kind });
	const text = await res.text();
	if (res.status !== 200 || text.includes('"ok":false')) throw new Error(`sync now: ${res.status} ${text.slice(0, 300)}`);
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		const runs = (await query(s, (db) =>
			db.selectFrom('ticket_sync_runs').innerJoin('ticket_connectors', 'ticket_connectors.id', 'ticket_sync_runs.connector_id').selectAll('ticket_sync_runs').where('ticket_connectors.customer_id', '=', customerId).execute()
		)) as (Run & { id: string })[];
		const done = runs.find((r) => !before.has(r.id) && r.status !== 'running');
		if (done) return done;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('the sync did not finish in time');
}

/** Every stored column of the customer's tickets but its own ids and times, by number. */
export async function ticketContent(s: TestServer, customerId: string): Promise<Record<string, Record<string, unknown>>> {
	const rows = await query(s, (db) => db.selectFrom('tickets').selectAll().where('customer_id', '=', customerId).orderBy('number').execute());
	return Object.fromEntries(
		(rows as Record<string, unknown>[]).map((r) => {
			const { id: _i, customer_id: _c, import_id: _im, created_at: _ca, updated_at: _u, ...rest } = r;
			return [String(r.number), rest];
		})
	);
}


export const jiraForm = (url: string, email: string, token: string, extra: Record<string, string> = {}) => ({
	_form: 'save-jira',
	kind: 'jira',
	baseUrl: url,
	username: email,
	secret: token,
	query: 'project = RABO',
	tables: 'Incident',
	intervalMinutes: '15',
	enabled: '0',
	...extra
});
