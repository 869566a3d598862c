/**
 * Issue 14 point 11: the audit log in words, and a customer admin's own,
 * read-only audit view (/customers/<id>/audit and GET /api/v1/audit?customerId=)
 * against the real server with demo data.
 *
 * The customer's admin sees their own customer's changes (people, roles,
 * duties, report grants, API tokens, forums, meetings) with events and fields
 * in Swedish or English, never the supplier's internal entries (SLA and KPI
 * settings, internal knowledge-base articles), never another customer's, never
 * the supplier's own staff. Another customer's admin gets 404, a member 403,
 * supplier staff 403, as elsewhere. Filters by kind and day, a page at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { demoIds, NORRBY, VATTENSYD, type DemoIds } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let ids: DemoIds;
let norrby: string;
let vattensyd: string;
let admin: ApiClient;
let staff: ApiClient;
let customerAdmin: ApiClient;
let member: ApiClient;
let otherAdmin: ApiClient;

const NOWHERE = '00000000-0000-4000-8000-00000000beef';
const INTERNAL_TITLE = 'Intern rutin för Norrbys driftlarm';
const STAFF_PHONE = '+46 70 555 01 99';
const OTHER_CUSTOMER_PERSON = 'Vattenordförande Testsson';
/** ids of the supplier-internal entries written in beforeAll */
const internal: Record<string, string> = {};

type Entry = { id: string; action: string; customerId: string | null; before: unknown; after: unknown };

const auditOf = async (client: ApiClient, query: string) => client.json<{ entries: Entry[] }>('GET', `/api/v1/audit?${query}`);
const page = (client: ApiClient, customerId: string, query = '') => client.get(`/customers/${customerId}/audit${query}`);
/** The events a page lists, in order (each row carries its event key). */
const rowsOf = (html: string) => [...html.matchAll(/data-audit-action="([^"]+)"/g)].map((m) => m[1]);
/** The page in English: the language is the PARAGLIDE_LOCALE cookie. */
const inEnglish = (client: ApiClient, path: string) =>
	fetch(server.url + path, { headers: { cookie: `${client.sessionCookie}; PARAGLIDE_LOCALE=en` }, redirect: 'manual' });

const latest = async (customerId: string | null, action: string) => {
	const res = await auditOf(admin, customerId ? `customerId=${customerId}` : '');
	expect(res.status).toBe(200);
	return res.body.entries.find((e) => e.action === action)!;
};

beforeAll(async () => {
	server = await startServer({ demo: true });
	ids = await demoIds(server.url);
	norrby = ids.customers[NORRBY].id;
	vattensyd = ids.customers[VATTENSYD].id;
	[admin, staff, customerAdmin, member, otherAdmin] = await Promise.all([
		new ApiClient(server.url).login('admin@itmastaren.example'),
		new ApiClient(server.url).login('bam@itmastaren.example'),
		new ApiClient(server.url).login('avtal@norrby.example'),
		new ApiClient(server.url).login('it@norrby.example'),
		new ApiClient(server.url).login('avtal@vattensyd.example')
	]);
	const n = ids.customers[NORRBY];
	const eva = n.person('avtal@norrby.example');
	const it = n.person('it@norrby.example');

	// the customer's own changes
	expect((await customerAdmin.json('PUT', `/api/v1/forums/${n.forums.operational.id}/duties/chair`, { party: 'customer', personId: eva.id })).status).toBe(200);
	expect((await customerAdmin.json('PUT', `/api/v1/customers/${norrby}/report-grants`, { personId: it.id, reports: ['sla', 'cases'] })).status).toBe(200);
	expect((await admin.json('POST', `/api/v1/customers/${norrby}/api-tokens`, { name: 'Norrbys ärendesystem', scopes: ['tickets:write'] })).status).toBe(201);

	// the supplier's internal entries about Norrby
	const sla = await admin.json('GET', `/api/v1/customers/${norrby}/sla-settings`);
	expect((await admin.json('PUT', `/api/v1/customers/${norrby}/sla-settings`, { ...sla.body.settings, pauseStatuses: ['Väntar på kund', 'Vilande'] })).status).toBe(200);
	internal.sla = (await latest(norrby, 'sla_settings.update')).id;
	expect((await admin.json('PUT', `/api/v1/customers/${norrby}/kpi-targets`, { targets: [] })).status).toBe(200);
	internal.kpiTargets = (await latest(norrby, 'kpi_targets.set')).id;
	const article = await admin.json('POST', `/api/v1/customers/${norrby}/articles`, { title: INTERNAL_TITLE, category: 'Drift', audience: 'internal', markup: 'Ring jouren.' });
	expect(article.status).toBe(201);
	internal.kb = (await latest(norrby, 'kb.create')).id;

	// the supplier's own staff and another customer
	const bam = ids.staff('bam@itmastaren.example');
	expect((await admin.json('PATCH', `/api/v1/people/${bam.id}`, { phone: STAFF_PHONE })).status).toBe(200);
	internal.staff = (await latest(null, 'person.update')).id;
	const v = ids.customers[VATTENSYD];
	const added = await admin.json('POST', `/api/v1/customers/${vattensyd}/people`, { name: OTHER_CUSTOMER_PERSON, email: 'ordf@vattensyd-test.example', access: 'customer_member' });
	expect(added.status).toBe(201);
	expect((await admin.json('PUT', `/api/v1/forums/${v.forums.operational.id}/duties/chair`, { party: 'customer', personId: added.body.person.id })).status).toBe(200);
	internal.otherCustomer = (await latest(vattensyd, 'duty.assign')).id;
}, 120_000);

afterAll(async () => {
	await server?.stop();
});

describe("a customer's admin reads their own customer's audit log", () => {
	it('finds it linked from the customer page and sees the changes in Swedish words, not keys', async () => {
		const home = await customerAdmin.get(`/customers/${norrby}`);
		expect(await home.text()).toContain(`href="/customers/${norrby}/audit"`);

		const res = await page(customerAdmin, norrby);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(rowsOf(html).slice(0, 3)).toEqual(['api_token.create', 'report.grant', 'duty.assign']);
		for (const words of ['Ändringslogg', 'API-nyckel skapad', 'Rapportbehörighet ändrad', 'Ansvar i forum omfördelat', 'Ansvar:', 'Ordförande', 'Part:', 'Leverantör', 'Kund', 'Rapporter:', 'SLA-rapport, Ärendehantering', 'Norrbys ärendesystem']) {
			expect(html, words).toContain(words);
		}
		// no raw keys in what a person reads (the row attribute and the page's hydration data aside)
		const visible = html.replace(/data-audit-action="[^"]+"/g, '').replace(/<script[\s\S]*?<\/script>/g, '');
		for (const key of ['duty.assign', 'report.grant', 'api_token.create', '>duty:', '>reports:', '>party:']) expect(visible, key).not.toContain(key);
	});

	it('in English with the English language chosen', async () => {
		const res = await inEnglish(customerAdmin, `/customers/${norrby}/audit`);
		expect(res.status).toBe(200);
		const html = await res.text();
		for (const words of ['Audit log', 'API token created', 'Report access changed', 'Forum duty reassigned', 'Duty:', 'Chair', 'Party:', 'Supplier', 'SLA report']) {
			expect(html, words).toContain(words);
		}
		expect(html).not.toContain('Ansvar i forum omfördelat');
	});

	it("never shows the supplier's internal entries, its own staff or another customer, on the page or through the API", async () => {
		const html = await (await page(customerAdmin, norrby)).text();
		const all: string[] = [];
		for (let p = 0; ; p++) {
			const pageHtml = p === 0 ? html : await (await page(customerAdmin, norrby, `?page=${p}`)).text();
			const rows = rowsOf(pageHtml);
			all.push(...rows);
			for (const secret of [INTERNAL_TITLE, STAFF_PHONE, OTHER_CUSTOMER_PERSON, VATTENSYD, 'Vilande', 'SLA-inställningar ändrade', 'Mål för nyckeltal ändrade', 'Kunskapsartikel skapad', 'Leverantörsintern']) {
				expect(pageHtml, secret).not.toContain(secret);
			}
			if (rows.length < 50) break;
		}
		for (const a of ['sla_settings.update', 'kpi_targets.set', 'kb.create', 'kb.update', 'tickets.import', 'import_mapping.save', 'customer.create']) expect(all).not.toContain(a);

		const api = await auditOf(customerAdmin, `customerId=${norrby}`);
		expect(api.status).toBe(200);
		const apiIds = api.body.entries.map((e) => e.id);
		for (const id of Object.values(internal)) expect(apiIds).not.toContain(id);
		expect(new Set(api.body.entries.map((e) => e.customerId))).toEqual(new Set([norrby]));
		expect(JSON.stringify(api.body)).not.toContain(INTERNAL_TITLE);
		// the supplier admin still sees them, marked as internal on the customer's page
		const supplierIds = (await auditOf(admin, `customerId=${norrby}`)).body.entries.map((e) => e.id);
		for (const id of [internal.sla, internal.kpiTargets, internal.kb]) expect(supplierIds).toContain(id);
		const supplierPage = await (await page(admin, norrby, '?kind=settings')).text();
		expect(rowsOf(supplierPage)).toEqual(expect.arrayContaining(['sla_settings.update', 'kpi_targets.set']));
		expect(supplierPage).toContain('Leverantörsintern');
	});

	it('another customer’s admin gets 404, a member and supplier staff 403, on the page and the API; no link for them', async () => {
		expect((await page(otherAdmin, norrby)).status).toBe(404);
		expect((await auditOf(otherAdmin, `customerId=${norrby}`)).status).toBe(404);
		expect((await page(otherAdmin, NOWHERE)).status).toBe(404);
		for (const [who, client] of [
			['member', member],
			['supplier staff', staff]
		] as const) {
			expect((await page(client, norrby)).status, who).toBe(403);
			expect((await auditOf(client, `customerId=${norrby}`)).status, who).toBe(403);
			expect(await (await client.get(`/customers/${norrby}`)).text(), who).not.toContain(`/customers/${norrby}/audit`);
		}
		// nor the whole installation's log
		expect((await auditOf(customerAdmin, '')).status).toBe(403);
		expect((await admin.get(`/customers/${NOWHERE}/audit`)).status).toBe(404);
		// the other customer's admin reads their own customer's changes, and only those
		const theirs = await auditOf(otherAdmin, `customerId=${vattensyd}`);
		expect(theirs.status).toBe(200);
		expect(theirs.body.entries.map((e) => e.id)).toContain(internal.otherCustomer);
		expect(theirs.body.entries.every((e) => e.customerId === vattensyd)).toBe(true);
	});
});

describe('filters and pages', () => {
	it('filters by kind of change', async () => {
		const tokens = rowsOf(await (await page(customerAdmin, norrby, '?kind=tokens')).text());
		expect(tokens).toEqual(['api_token.create']);
		const duties = rowsOf(await (await page(customerAdmin, norrby, '?kind=duties')).text());
		expect(duties.length).toBeGreaterThan(0);
		expect(new Set(duties)).toEqual(new Set(duties.filter((a) => a === 'duty.assign' || a === 'meeting.duty.assign')));
		// a supplier-only kind has nothing in the customer's view
		const settings = await page(customerAdmin, norrby, '?kind=settings');
		expect(settings.status).toBe(200);
		expect(rowsOf(await settings.text())).toEqual([]);
		expect((await auditOf(customerAdmin, `customerId=${norrby}&kind=tokens`)).body.entries.map((e) => e.action)).toEqual(['api_token.create']);
	});

	it('filters by day (Stockholm days, both ends included)', async () => {
		const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
		const next = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
		const thisDay = rowsOf(await (await page(customerAdmin, norrby, `?kind=reports&from=${today}&to=${today}`)).text());
		expect(thisDay).toEqual(['report.grant']);
		expect(rowsOf(await (await page(customerAdmin, norrby, `?kind=reports&from=${next(today, 1)}`)).text())).toEqual([]);
		expect(rowsOf(await (await page(customerAdmin, norrby, `?kind=reports&to=${next(today, -1)}`)).text())).not.toContain('report.grant');
	});

	it('bad filters get a clear error (400), not an empty list', async () => {
		for (const q of ['?from=igår', '?to=2026-13-40', '?from=2026-12-06&to=2026-12-01', '?kind=everything', '?page=-1']) {
			expect((await page(customerAdmin, norrby, q)).status, q).toBe(400);
		}
		const bad = await customerAdmin.json<{ error: { code: string } }>('GET', `/api/v1/audit?customerId=${norrby}&from=nope`);
		expect(bad.status).toBe(400);
		expect(bad.body.error.code).toBe('invalid');
	});

	it('pages through the log 50 at a time, newest first, without overlap', async () => {
		const reportsNow = async () => (await auditOf(customerAdmin, `customerId=${norrby}&kind=reports`)).body.entries.length;
		const before = await reportsNow();
		expect(before).toBeGreaterThanOrEqual(1);
		// enough of the customer's own changes for two pages
		const it = ids.customers[NORRBY].person('it@norrby.example');
		for (let i = 0; i < 50; i++) {
			const reports = i % 2 ? ['sla'] : ['meetings'];
			expect((await customerAdmin.json('PUT', `/api/v1/customers/${norrby}/report-grants`, { personId: it.id, reports })).status).toBe(200);
		}
		const total = before + 50;
		expect(await reportsNow()).toBe(total);
		const first = await (await page(customerAdmin, norrby, '?kind=reports')).text();
		const second = await (await page(customerAdmin, norrby, '?kind=reports&page=1')).text();
		expect(rowsOf(first)).toHaveLength(50);
		expect(rowsOf(second)).toHaveLength(total - 50);
		expect(first).toContain(`1–50 av ${total}`);
		expect(first).toContain('href="?kind=reports&amp;page=1"');
		expect(first).not.toContain('rel="prev"');
		expect(second).toContain(`51–${total} av ${total}`);
		expect(second).toContain('href="?kind=reports"');
		expect(second).not.toContain('rel="next"');
		// the newest change leads the first page: the last grant of the loop, meetings → SLA report
		const at = first.indexOf('data-audit-action');
		const firstRow = first.slice(at, first.indexOf('</tr>', at));
		expect(firstRow).toMatch(/<del[^>]*>(?:(?!<\/del>).)*Möten och beslut(?:(?!<\/del>).)*<\/del>/s);
		expect(firstRow).toMatch(/<ins[^>]*>(?:(?!<\/ins>).)*SLA-rapport(?:(?!<\/ins>).)*<\/ins>/s);
	});
});
