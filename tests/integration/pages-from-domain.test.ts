/**
 * Issue 20: pages decide nothing. What a page shows of "who is this" and what
 * it offers comes from the server: the root layout's load says whether the
 * viewer is on the supplier's side and may open the administration, and the
 * customer's SLA page shows the same traffic lights as the portal's SLA report
 * because both take them from one domain function (itsm/sla/sla-lights.ts).
 */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { demoIds, NORRBY } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let norrby: string;
let admin: ApiClient;
let staff: ApiClient;
let customerAdmin: ApiClient;

beforeAll(async () => {
	server = await startServer({ demo: true });
	norrby = (await demoIds(server.url)).customers[NORRBY].id;
	[admin, staff, customerAdmin] = await Promise.all([
		new ApiClient(server.url).login('admin@itmastaren.example'),
		new ApiClient(server.url).login('bam@itmastaren.example'),
		new ApiClient(server.url).login('avtal@norrby.example')
	]);
}, 120_000);
afterAll(async () => {
	await server?.stop();
});

/** The main menu's links (href → label) of a page. */
async function menu(client: ApiClient, path: string): Promise<Record<string, string>> {
	const html = await (await client.get(path)).text();
	const nav = /<nav aria-label="Huvudmeny"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
	return Object.fromEntries([...nav.matchAll(/<a href="([^"]+)"[^>]*>([^<]*)<\/a>/g)].map((a) => [a[1], a[2].trim()]));
}

describe("the layout's load decides the viewer's side once", () => {
	it('the supplier admin gets all customers and the administration', async () => {
		expect(await menu(admin, '/')).toEqual({ '/': 'Hem', '/customers': 'Kunder', '/portal': 'Portal', '/admin': 'Administration' });
	});

	it("the home page reads the layout's answer: the supplier's subtitle for the supplier, the customer's name for its people", async () => {
		const supplierHome = await (await staff.get('/')).text();
		expect(supplierHome).toContain('Dina kommande möten och forum hos kunderna.');
		const customerHome = await (await customerAdmin.get('/')).text();
		expect(customerHome).not.toContain('Dina kommande möten och forum hos kunderna.');
		expect(customerHome).toContain(NORRBY);
	});

	it('supplier staff get all customers but no administration (and the admin page refuses them)', async () => {
		expect(await menu(staff, '/')).toEqual({ '/': 'Hem', '/customers': 'Kunder', '/portal': 'Portal' });
		expect((await staff.get('/admin')).status).toBe(403);
	});

	it("a customer's admin gets its own customer and portal, no administration, no way to the list of customers", async () => {
		expect(await menu(customerAdmin, '/')).toEqual({
			'/': 'Hem',
			[`/customers/${norrby}`]: 'Kunder',
			[`/customers/${norrby}/portal`]: 'Portal'
		});
		const page = await (await customerAdmin.get(`/customers/${norrby}`)).text();
		expect(page).not.toContain('href="/customers"');
		expect(await (await admin.get(`/customers/${norrby}`)).text()).toContain('href="/customers"');
	});
});

/** The traffic lights of the SLA page's two SLA tables, priority rows then the total, as the page words them. */
function pageLights(html: string): { response: (string | null)[]; resolution: (string | null)[] } {
	const section = /aria-labelledby="sla-heading"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
	const word: Record<string, string> = { Grönt: 'green', Gult: 'amber', Rött: 'red' };
	const [response = [], resolution = []] = section
		.split('<table')
		.slice(1)
		.map((table) =>
			[...table.matchAll(/<tr[\s\S]*?<\/tr>/g)].slice(1).map((row) => {
				const cells = [...row[0].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)];
				const text = (cells.at(-1)?.[1] ?? '').replace(/<[^>]+>/g, '').trim();
				return word[text] ?? null;
			})
		);
	return { response, resolution };
}

describe('one SLA traffic light for the portal and the SLA page', () => {
	it("the SLA page shows the portal report's lights, with the customer's own targets (even lower-is-better ones)", async () => {
		// targets that light the busy month differently per priority; resolution "lower is better"
		// (a setting the KPI settings allow) is where a light computed by the page itself went wrong
		const put = await admin.json('PUT', `/api/v1/customers/${norrby}/kpi-targets`, {
			targets: [
				{ kpi: 'sla_response', target: 0.9, amber: 0.6, higherIsBetter: true },
				{ kpi: 'sla_resolution', target: 0.6, amber: 0.9, higherIsBetter: false }
			]
		});
		expect(put.status).toBe(200);

		const trend = (await customerAdmin.json('GET', `/api/v1/customers/${norrby}/reports/sla`)).body.report.trend as { key: string; response: number | null; resolution: number | null }[];
		const busy = trend.filter((t) => t.response !== null && t.resolution !== null);
		expect(busy.length).toBeGreaterThan(0);
		let lit = 0;
		let turned = 0;
		for (const { key } of busy.slice(-3)) {
			const report = (await customerAdmin.json('GET', `/api/v1/customers/${norrby}/reports/sla?period=${key}`)).body.report;
			const month = DateTime.fromFormat(key, 'yyyy-MM', { zone: 'Europe/Stockholm' });
			const html = await (await customerAdmin.get(`/customers/${norrby}/sla?from=${month.toISODate()}&to=${month.plus({ months: 1 }).toISODate()}`)).text();
			const shown = pageLights(html);
			expect(shown.response, key).toEqual([...report.lights.response, report.lights.total.response]);
			expect(shown.resolution, key).toEqual([...report.lights.resolution, report.lights.total.resolution]);
			lit += [...shown.response, ...shown.resolution].filter((l) => l !== null).length;
			// rows that "higher is better" would have lit green
			turned += report.sla.resolution.filter((r: { compliance: number | null }, i: number) => report.lights.resolution[i] !== null && r.compliance! >= 0.6 && report.lights.resolution[i] !== 'green').length;
		}
		expect(lit).toBeGreaterThan(0);
		expect(turned).toBeGreaterThan(0);
	}, 120_000);
});
