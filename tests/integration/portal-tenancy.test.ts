/**
 * The customer portal against the real server: report grants (a member sees a
 * report only once the customer admin grants it), the SLA report's figures
 * equal the ITSM API's and each drills down to exactly its tickets, and
 * nothing of Norrby's reaches Vattenbolaget Syd: HTML pages, API, CSV, search.
 */
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { expectContract } from '../helpers/contract';
import { demoIds, NORRBY, VATTENSYD, type DemoIds } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let ids: DemoIds;
let norrby: string;
let vattensyd: string;
let norrbyAdmin: ApiClient;
let norrbyMember: ApiClient;
let vattenAdmin: ApiClient;
let supplier: ApiClient;
/** a month of the demo in which tickets were decided */
let busyMonth: string;

beforeAll(async () => {
	server = await startServer({ demo: true });
	ids = await demoIds(server.url);
	norrby = ids.customers[NORRBY].id;
	vattensyd = ids.customers[VATTENSYD].id;
	[norrbyAdmin, norrbyMember, vattenAdmin, supplier] = await Promise.all([
		new ApiClient(server.url).login('avtal@norrby.example'),
		new ApiClient(server.url).login('it@norrby.example'),
		new ApiClient(server.url).login('avtal@vattensyd.example'),
		new ApiClient(server.url).login('bam@itmastaren.example')
	]);
	const { body } = await norrbyAdmin.json('GET', `/api/v1/customers/${norrby}/reports/sla`);
	const busiest = [...body.report.trend].sort((a, b) => (b.resolution ?? -1) - (a.resolution ?? -1) || 0);
	busyMonth = (busiest.find((t: { resolution: number | null; response: number | null }) => t.response !== null) ?? busiest[0]).key;
}, 120_000);
afterAll(async () => {
	await server?.stop();
});

const sla = (customer: string, query = '') => `/api/v1/customers/${customer}/reports/sla${query}`;

describe('SLA report', () => {
	it('shows the same figures as GET /customers/{id}/sla for the month, with targets and a trend', async () => {
		const report = await norrbyAdmin.json('GET', sla(norrby, `?period=${busyMonth}`));
		expect(report.status).toBe(200);
		expectContract('getPortalSlaReport', report.body);
		const r = report.body.report;
		const itsm = await norrbyAdmin.json('GET', `/api/v1/customers/${norrby}/sla?from=${encodeURIComponent(r.period.from)}&to=${encodeURIComponent(r.period.to)}`);
		expect(itsm.status).toBe(200);
		expect(r.sla.response).toEqual(itsm.body.sla.response);
		expect(r.sla.resolution).toEqual(itsm.body.sla.resolution);
		expect(r.sla.total).toEqual(itsm.body.sla.total);
		expect(r.trend).toHaveLength(12);
		expect(r.trend.at(-1).key).toBe(busyMonth);
		expect(r.targets.resolution.target).toBeGreaterThan(0);
		const quarter = await norrbyAdmin.json('GET', sla(norrby, '?period=2026-Q1'));
		expect(quarter.status).toBe(200);
		expect(quarter.body.report.trend).toHaveLength(4);
	});

	it('drills down to exactly the tickets behind each figure', async () => {
		const r = (await norrbyAdmin.json('GET', sla(norrby, `?period=${busyMonth}`))).body.report;
		let checked = 0;
		for (const metric of ['response', 'resolution'] as const) {
			for (const outcome of ['met', 'breached'] as const) {
				const rows = [...r.sla[metric], { ...r.sla.total[metric], priority: null }];
				for (const row of rows) {
					const q = `?period=${busyMonth}&metric=${metric}&outcome=${outcome}${row.priority ? `&priority=${row.priority}` : ''}`;
					const d = await norrbyAdmin.json('GET', sla(norrby, `/tickets${q}`));
					expect(d.status).toBe(200);
					expect(d.body.drillDown.total, `${metric} ${outcome} P${row.priority ?? '*'}`).toBe(row[outcome]);
					if (row.priority) for (const t of d.body.drillDown.tickets) expect(t.priority).toBe(row.priority);
					checked += row[outcome];
				}
			}
		}
		expect(checked).toBeGreaterThan(0);
		const first = await norrbyAdmin.json('GET', sla(norrby, `/tickets?period=${busyMonth}&metric=resolution&outcome=met`));
		expectContract('getPortalSlaDrillDown', first.body);
	});

	it('exports CSV for Swedish Excel: BOM, semicolons, figures as in the report', async () => {
		const res = await norrbyAdmin.get(sla(norrby, `.csv?period=${busyMonth}`));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('text/csv');
		expect(res.headers.get('content-disposition')).toContain(`sla-${busyMonth}.csv`);
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		// TextDecoder drops the BOM
		const text = new TextDecoder().decode(bytes);
		const lines = text.trim().split('\r\n');
		expect(lines[0]).toBe('Period;Mått;Prioritet;Mål (minuter);Kalender;I tid;Överskridna;Uppfyllnad;Uppfyllnadsmål;Status;Ärenden;För få ärenden');
		const r = (await norrbyAdmin.json('GET', sla(norrby, `?period=${busyMonth}`))).body.report;
		const total = lines.find((l) => l.startsWith(`${busyMonth};Lösningstid;Totalt`))!.split(';');
		expect([Number(total[5]), Number(total[6])]).toEqual([r.sla.total.resolution.met, r.sla.total.resolution.breached]);
		const drill = await norrbyAdmin.get(sla(norrby, `/tickets.csv?period=${busyMonth}&metric=resolution&outcome=met`));
		expect(drill.status).toBe(200);
		expect((await drill.text()).trim().split('\r\n')).toHaveLength(r.sla.total.resolution.met + 1);
	});

	it('exports the report as PDF with the figures in its text', async () => {
		const res = await norrbyAdmin.get(sla(norrby, `.pdf?period=${busyMonth}`));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		const bytes = Buffer.from(await res.arrayBuffer());
		expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
		const parser = new PDFParse({ data: new Uint8Array(bytes) });
		const text = (await parser.getText()).text.replace(/\s+/g, ' ');
		await parser.destroy();
		const r = (await norrbyAdmin.json('GET', sla(norrby, `?period=${busyMonth}`))).body.report;
		expect(text).toContain('SLA-rapport');
		expect(text).toContain(String(r.sla.total.resolution.met));
	});

	it('refuses a period that is not a month or a quarter', async () => {
		for (const bad of ['2026-13', "2026-01' or '1'='1", 'Q3', '9999-99'])
			expect((await norrbyAdmin.json('GET', sla(norrby, `?period=${encodeURIComponent(bad)}`))).status).toBe(400);
	});
});

describe('supplier staff', () => {
	it("read every customer's report and get the cross-customer overview; a customer's people land in their own portal", async () => {
		const own = (await norrbyAdmin.json('GET', sla(norrby, `?period=${busyMonth}`))).body.report;
		const staff = await supplier.json('GET', sla(norrby, `?period=${busyMonth}`));
		expect(staff.status).toBe(200);
		expect(staff.body.report.sla).toEqual(own.sla);
		const overview = await supplier.get('/portal');
		expect(overview.status).toBe(200);
		const html = await overview.text();
		expect(html).toContain(NORRBY);
		expect(html).toContain(VATTENSYD);
		const landing = await vattenAdmin.get('/portal');
		expect(landing.status).toBe(303);
		expect(landing.headers.get('location')).toBe(`/customers/${vattensyd}/portal`);
	});
});

describe('report grants', () => {
	it('a member sees a report only once the customer admin grants it, in HTML, API and CSV alike', async () => {
		const member = ids.customers[NORRBY].person('it@norrby.example');
		const paths = [sla(norrby), sla(norrby, '.csv'), sla(norrby, '.pdf'), sla(norrby, '/tickets?metric=resolution&outcome=met'), `/customers/${norrby}/portal/sla`];
		for (const p of paths) expect((await norrbyMember.get(p)).status, p).toBe(403);
		// the portal home opens, without the SLA glance
		const home = await norrbyMember.get(`/customers/${norrby}/portal`);
		expect(home.status).toBe(200);
		expect(await home.text()).not.toContain('data-testid="glance-response"');

		expect((await norrbyMember.json('PUT', `/api/v1/customers/${norrby}/report-grants`, { personId: member.id, reports: ['sla'] })).status).toBe(403);
		const put = await norrbyAdmin.json('PUT', `/api/v1/customers/${norrby}/report-grants`, { personId: member.id, reports: ['sla'] });
		expect(put.status).toBe(200);
		expectContract('setReportGrants', put.body);
		expect(put.body.grants.members.find((m: { personId: string }) => m.personId === member.id).reports).toEqual(['sla']);
		for (const p of paths) expect((await norrbyMember.get(p)).status, p).toBe(200);
		expect(await (await norrbyMember.get(`/customers/${norrby}/portal`)).text()).toContain('data-testid="glance-response"');

		expect((await norrbyAdmin.json('PUT', `/api/v1/customers/${norrby}/report-grants`, { personId: member.id, reports: [] })).status).toBe(200);
		for (const p of paths) expect((await norrbyMember.get(p)).status, p).toBe(403);
	});

	it('grants go to members of the customer only', async () => {
		const other = ids.customers[VATTENSYD].person('avtal@vattensyd.example');
		expect((await norrbyAdmin.json('PUT', `/api/v1/customers/${norrby}/report-grants`, { personId: other.id, reports: ['sla'] })).status).toBe(400);
		const admin = ids.customers[NORRBY].person('avtal@norrby.example');
		expect((await norrbyAdmin.json('PUT', `/api/v1/customers/${norrby}/report-grants`, { personId: admin.id, reports: ['sla'] })).status).toBe(400);
		expect((await norrbyAdmin.json('PUT', `/api/v1/customers/${norrby}/report-grants`, { personId: admin.id, reports: ['all'] })).status).toBe(400);
	});
});

describe('case-handling and meetings reports', () => {
	it('answer the admin, refuse a member until granted, and export CSV', async () => {
		const member = ids.customers[NORRBY].person('it@norrby.example');
		const cases = await norrbyAdmin.json('GET', `/api/v1/customers/${norrby}/reports/cases?period=${busyMonth}`);
		expect(cases.status).toBe(200);
		expectContract('getPortalCasesReport', cases.body);
		const opened = cases.body.report.kpi.volumes.reduce((a: number, v: { opened: number }) => a + v.opened, 0);
		const byPriority = cases.body.report.byPriority.reduce((a: number, r: { count: number }) => a + r.count, 0);
		expect(byPriority).toBe(opened);
		const meetings = await norrbyAdmin.json('GET', `/api/v1/customers/${norrby}/reports/meetings`);
		expect(meetings.status).toBe(200);
		expectContract('getPortalMeetingsReport', meetings.body);
		expect(meetings.body.report.calendar.map((c: { level: string }) => c.level)).toEqual(['strategic', 'tactical', 'operational']);
		const csv = await norrbyAdmin.get(`/api/v1/customers/${norrby}/reports/meetings.csv?table=actions`);
		expect(csv.status).toBe(200);
		// Response.text() drops the BOM
		expect((await csv.text()).split('\r\n')[0]).toBe('Aktivitet;Forum;Ansvarig;Sida;Förfaller;Status;Försenad');
		expect((await norrbyAdmin.get(`/api/v1/customers/${norrby}/reports/meetings.csv?table=x`)).status).toBe(400);
		expect((await norrbyAdmin.get(`/api/v1/customers/${norrby}/reports/cases.csv?period=${busyMonth}`)).status).toBe(200);

		const paths = [`/api/v1/customers/${norrby}/reports/cases`, `/api/v1/customers/${norrby}/reports/meetings`, `/customers/${norrby}/portal/cases`, `/customers/${norrby}/portal/meetings`];
		for (const p of paths) expect((await norrbyMember.get(p)).status, p).toBe(403);
		await norrbyAdmin.json('PUT', `/api/v1/customers/${norrby}/report-grants`, { personId: member.id, reports: ['cases', 'meetings'] });
		for (const p of paths) expect((await norrbyMember.get(p)).status, p).toBe(200);
		expect((await norrbyMember.get(sla(norrby))).status).toBe(403);
		await norrbyAdmin.json('PUT', `/api/v1/customers/${norrby}/report-grants`, { personId: member.id, reports: [] });
	});
});

describe('another customer', () => {
	it('gets 404 for every Norrby report, export, grant list and portal page, as for an unknown id', async () => {
		const unknown = '00000000-0000-4000-8000-000000000000';
		for (const customer of [norrby, unknown]) {
			const paths = [
				sla(customer),
				sla(customer, `?period=${busyMonth}`),
				sla(customer, '.csv'),
				sla(customer, '.pdf'),
				sla(customer, '/tickets?metric=resolution&outcome=met'),
				sla(customer, '/tickets.csv?metric=resolution&outcome=met'),
				`/api/v1/customers/${customer}/report-grants`,
				`/api/v1/customers/${customer}/articles`,
				`/api/v1/customers/${customer}/search?q=vpn`,
				`/customers/${customer}/portal`,
				`/customers/${customer}/portal/sla`,
				`/customers/${customer}/portal/sla/tickets?metric=resolution&outcome=met`,
				`/customers/${customer}/portal/kb`,
				`/customers/${customer}/portal/kb?q=vpn`,
				`/customers/${customer}/portal/access`,
				`/api/v1/customers/${customer}/reports/cases`,
				`/api/v1/customers/${customer}/reports/cases.csv`,
				`/api/v1/customers/${customer}/reports/meetings`,
				`/api/v1/customers/${customer}/reports/meetings.csv?table=decisions`,
				`/customers/${customer}/portal/cases`,
				`/customers/${customer}/portal/meetings`
			];
			for (const p of paths) {
				const res = await vattenAdmin.get(p);
				expect(res.status, p).toBe(404);
				const body = await res.text();
				expect(body).not.toContain('Norrby');
				expect(body).not.toContain('VPN');
			}
			expect((await vattenAdmin.json('PUT', `/api/v1/customers/${customer}/report-grants`, { personId: unknown, reports: [] })).status).toBe(404);
		}
	});

	it("never sees Norrby's own articles: not by id, not in lists, not in search", async () => {
		const norrbyArticles = (await norrbyAdmin.json('GET', `/api/v1/customers/${norrby}/articles`)).body.articles as { id: string; title: string; shared: boolean }[];
		const own = norrbyArticles.filter((a) => !a.shared);
		expect(own.map((a) => a.title)).toContain('VPN för distansarbete');
		for (const a of own) {
			for (const p of [
				`/api/v1/customers/${norrby}/articles/${a.id}`,
				`/api/v1/customers/${vattensyd}/articles/${a.id}`,
				`/customers/${norrby}/portal/kb/${a.id}`,
				`/customers/${vattensyd}/portal/kb/${a.id}`
			])
				expect((await vattenAdmin.get(p)).status, p).toBe(404);
			expect((await vattenAdmin.json('POST', `/api/v1/customers/${vattensyd}/articles/${a.id}/feedback`, { helpful: true })).status).toBe(404);
			expect((await vattenAdmin.json('PUT', `/api/v1/customers/${vattensyd}/articles/${a.id}`, { title: 'x', category: 'x', markup: 'x' })).status).toBe(404);
		}
		const list = (await vattenAdmin.json('GET', `/api/v1/customers/${vattensyd}/articles`)).body.articles as { id: string }[];
		expect(list.some((a) => own.some((o) => o.id === a.id))).toBe(false);
		for (const q of ['VPN', 'distansarbete', 'Licensrapport', 'Norrby']) {
			const s = await vattenAdmin.json('GET', `/api/v1/customers/${vattensyd}/search?q=${encodeURIComponent(q)}`);
			expect(s.status).toBe(200);
			expect(s.body.results.some((r: { id: string }) => own.some((o) => o.id === r.id)), q).toBe(false);
			const page = await (await vattenAdmin.get(`/customers/${vattensyd}/portal/kb?q=${encodeURIComponent(q)}`)).text();
			expect(page).not.toContain('VPN för distansarbete');
			// the query itself is echoed on the page; the article title must not be
			expect(page).not.toContain('Licensrapport Microsoft 365');
		}
		// the shared articles reach both customers
		const shared = await vattenAdmin.json('GET', `/api/v1/customers/${vattensyd}/search?q=${encodeURIComponent('lösenordet')}`);
		expect(shared.body.results.map((r: { title: string }) => r.title)).toContain('Återställa lösenord');
	});
});
