/**
 * The older ITSM API and pages follow the portal's report grants (docs/decisions.md,
 * "ITSM reads follow the report grants"): a customer member reads SLA figures
 * (sla, kpis, SLA settings, KPI targets, the SLA page) only with the SLA
 * report granted, and ticket lists (API and page) only with the case-handling
 * report granted; 403 without, 404 for another customer's people as for an
 * unknown id. Supplier staff and the customer admin read everything, an API
 * token goes by its scopes, and a meeting's own figures (room, meeting page,
 * approved minutes) stay open to the customer's people who take part.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { demoIds, NORRBY, VATTENSYD, type DemoIds } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let ids: DemoIds;
let norrby: string;
let vattensyd: string;
let supplierAdmin: ApiClient;
let supplierStaff: ApiClient;
let customerAdmin: ApiClient;
/** a plain Norrby member, granted nothing in the demo */
let member: ApiClient;
let memberId: string;
let vattenAdmin: ApiClient;
let vattenMember: ApiClient;

const NOWHERE = '00000000-0000-4000-8000-00000000beef';
const MEMBER_EMAIL = 'tjanst@norrby.example';

/** What the SLA report grant opens. */
const slaPaths = (c: string) => ({
	api: [
		`/api/v1/customers/${c}/sla?from=2025-01-01&to=2027-01-01`,
		`/api/v1/customers/${c}/kpis?from=2025-01-01&to=2027-01-01`,
		`/api/v1/customers/${c}/sla-settings`,
		`/api/v1/customers/${c}/kpi-targets`
	],
	pages: [`/customers/${c}/sla`, `/customers/${c}/sla?from=2025-01-01&to=2027-01-01`],
	exports: [`/api/v1/customers/${c}/reports/sla.csv`, `/api/v1/customers/${c}/reports/sla.pdf`, `/api/v1/customers/${c}/reports/sla/tickets.csv?metric=resolution&outcome=met`]
});
/** What the case-handling report grant opens. */
const casesPaths = (c: string) => ({
	api: [`/api/v1/customers/${c}/tickets?limit=5`, `/api/v1/customers/${c}/tickets?kind=incident&priority=2&limit=5`],
	pages: [`/customers/${c}/tickets`, `/customers/${c}/tickets?kind=incident`],
	exports: [`/api/v1/customers/${c}/reports/cases.csv`]
});
const all = (p: { api: string[]; pages: string[]; exports: string[] }) => [...p.api, ...p.pages, ...p.exports];

async function statuses(client: ApiClient, paths: string[]): Promise<Record<string, number>> {
	const out: Record<string, number> = {};
	for (const p of paths) out[p] = (await client.get(p)).status;
	return out;
}
const every = (paths: string[], status: number) => Object.fromEntries(paths.map((p) => [p, status]));

async function grant(reports: string[]) {
	const res = await customerAdmin.json('PUT', `/api/v1/customers/${norrby}/report-grants`, { personId: memberId, reports });
	expect(res.status).toBe(200);
}

/** The hrefs of the ITSM pages that a page links to. */
async function itsmLinks(client: ApiClient, path: string): Promise<string[]> {
	const res = await client.get(path);
	expect(res.status, path).toBe(200);
	const html = await res.text();
	return ['tickets', 'sla'].filter((p) => html.includes(`href="/customers/${norrby}/${p}"`));
}

beforeAll(async () => {
	// with the demo's history: held meetings whose approved minutes froze their figures
	server = await startServer({ demo: true, env: { SAMVERKAN_DEMO_HISTORY: '1' } });
	ids = await demoIds(server.url);
	norrby = ids.customers[NORRBY].id;
	vattensyd = ids.customers[VATTENSYD].id;
	memberId = ids.customers[NORRBY].person(MEMBER_EMAIL).id;
	[supplierAdmin, supplierStaff, customerAdmin, member, vattenAdmin, vattenMember] = await Promise.all([
		new ApiClient(server.url).login('admin@itmastaren.example'),
		new ApiClient(server.url).login('bam@itmastaren.example'),
		new ApiClient(server.url).login('avtal@norrby.example'),
		new ApiClient(server.url).login(MEMBER_EMAIL),
		new ApiClient(server.url).login('avtal@vattensyd.example'),
		new ApiClient(server.url).login('it@vattensyd.example')
	]);
}, 180_000);
afterAll(async () => {
	await server?.stop();
});

describe('a customer member', () => {
	it('without grants gets 403 on every ITSM route, page and export, and no page links to them', async () => {
		const grants = (await customerAdmin.json('GET', `/api/v1/customers/${norrby}/report-grants`)).body.grants.members as { personId: string; reports: string[] }[];
		expect(grants.find((m) => m.personId === memberId)?.reports).toEqual([]);
		const paths = [...all(slaPaths(norrby)), ...all(casesPaths(norrby))];
		expect(await statuses(member, paths)).toEqual(every(paths, 403));
		for (const p of [...slaPaths(norrby).api, ...casesPaths(norrby).api]) {
			const res = await member.json('GET', p);
			expect(Object.keys(res.body), p).toEqual(['error']);
			expect(res.body.error.code, p).toBe('forbidden');
		}
		// a page says why, and who grants it (in the user's language), not just "no permission"
		for (const p of [...slaPaths(norrby).pages, ...casesPaths(norrby).pages]) {
			const html = await (await member.get(p)).text();
			expect(html, p).toContain('Den här rapporten är inte delad med dig');
		}
		// the customer page opens, without the ITSM link (the admin has it)
		expect(await itsmLinks(member, `/customers/${norrby}`)).toEqual([]);
		expect(await itsmLinks(customerAdmin, `/customers/${norrby}`)).toEqual(['tickets']);
	});

	it('with the SLA report reads sla and kpis (the same figures as the admin) but no tickets until case handling is granted too', async () => {
		const sla = slaPaths(norrby);
		const cases = casesPaths(norrby);
		await grant(['sla']);
		expect(await statuses(member, all(sla))).toEqual(every(all(sla), 200));
		expect(await statuses(member, all(cases))).toEqual(every(all(cases), 403));
		for (const p of sla.api) expect((await member.json('GET', p)).body, p).toEqual((await customerAdmin.json('GET', p)).body);
		// the nav offers what opens: the SLA page, not the tickets
		expect(await itsmLinks(member, `/customers/${norrby}`)).toEqual(['sla']);
		expect(await itsmLinks(member, `/customers/${norrby}/sla`)).toEqual(['sla']);

		await grant(['sla', 'cases']);
		expect(await statuses(member, [...all(sla), ...all(cases)])).toEqual(every([...all(sla), ...all(cases)], 200));
		const tickets = await member.json('GET', cases.api[0]);
		expect(tickets.body.tickets.length).toBeGreaterThan(0);
		expect(tickets.body).toEqual((await customerAdmin.json('GET', cases.api[0])).body);
		expect(await itsmLinks(member, `/customers/${norrby}`)).toEqual(['tickets']);
		expect(await itsmLinks(member, `/customers/${norrby}/tickets`)).toEqual(['tickets', 'sla']);

		await grant(['cases']);
		expect(await statuses(member, all(cases))).toEqual(every(all(cases), 200));
		expect(await statuses(member, all(sla))).toEqual(every(all(sla), 403));
		expect(await itsmLinks(member, `/customers/${norrby}/tickets`)).toEqual(['tickets']);

		await grant([]);
		expect(await statuses(member, [...all(sla), ...all(cases)])).toEqual(every([...all(sla), ...all(cases)], 403));
	});

	it('granted case handling only finds no SLA figures in the case-handling report or its CSV', async () => {
		await grant(['cases']);
		try {
			const report = await member.json('GET', `/api/v1/customers/${norrby}/reports/cases?period=2026-10`);
			expect(report.status).toBe(200);
			expect(report.body.report.kpi.volumes.length).toBeGreaterThan(0);
			expect(report.body.report.kpi).not.toHaveProperty('sla');
			expect(report.body.report.kpi.kpis.map((k: { kpi: string }) => k.kpi)).not.toContain('sla_resolution');
			expect(report.body.report.kpi.kpis.map((k: { kpi: string }) => k.kpi)).toContain('reopen_rate');
			const csv = await (await member.get(`/api/v1/customers/${norrby}/reports/cases.csv?period=2026-10`)).text();
			expect(csv).toContain('Återöppnade');
			expect(csv).not.toContain('reopen_rate');
			expect(csv).not.toMatch(/sla_(response|resolution)|SLA (svarstid|lösningstid)/);
		} finally {
			await grant([]);
		}
	});
});

describe('another customer', () => {
	it("gets 404 on Norrby's ITSM routes, pages and exports, as for an unknown id, whatever they are granted at home", async () => {
		const res = await vattenAdmin.json('PUT', `/api/v1/customers/${vattensyd}/report-grants`, {
			personId: ids.customers[VATTENSYD].person('it@vattensyd.example').id,
			reports: ['sla', 'cases']
		});
		expect(res.status).toBe(200);
		for (const customer of [norrby, NOWHERE]) {
			const paths = [...all(slaPaths(customer)), ...all(casesPaths(customer))];
			for (const client of [vattenMember, vattenAdmin]) {
				expect(await statuses(client, paths)).toEqual(every(paths, 404));
				for (const p of paths) expect(await (await client.get(p)).text(), p).not.toContain('Norrby');
			}
		}
		// their own grant works at home
		expect((await vattenMember.get(`/api/v1/customers/${vattensyd}/sla`)).status).toBe(200);
		expect((await vattenMember.get(`/api/v1/customers/${vattensyd}/tickets`)).status).toBe(200);
	});
});

describe('supplier staff and the customer admin', () => {
	it('read every ITSM route, page and export', async () => {
		const paths = [...all(slaPaths(norrby)), ...all(casesPaths(norrby))];
		for (const client of [supplierStaff, supplierAdmin, customerAdmin]) expect(await statuses(client, paths)).toEqual(every(paths, 200));
	});
});

describe('an API token', () => {
	const bearer = async (path: string, secret: string) => (await fetch(server.url + path, { headers: { authorization: `Bearer ${secret}` } })).status;

	it('goes by its scopes, not by report grants', async () => {
		const make = async (scopes: string[]) => {
			const res = await supplierAdmin.json('POST', `/api/v1/customers/${norrby}/api-tokens`, { name: `Grants ${scopes.join(' ')}`, scopes });
			expect(res.status).toBe(201);
			return res.body.secret as string;
		};
		const reader = await make(['tickets:read']);
		const writer = await make(['tickets:write']);
		const api = [...slaPaths(norrby).api, ...casesPaths(norrby).api];
		for (const p of api) {
			expect(await bearer(p, reader), p).toBe(200);
			// outside its scopes
			expect(await bearer(p, writer), p).toBe(403);
		}
		for (const p of [...slaPaths(vattensyd).api, ...casesPaths(vattensyd).api]) expect(await bearer(p, reader), p).toBe(404);
		// the portal's reports are for people: tickets:read does not reach them, as before
		expect(await bearer(`/api/v1/customers/${norrby}/reports/sla`, reader)).toBe(403);
	});
});

describe("a meeting's own figures", () => {
	it('stay open to a member without grants: the room, the meeting page and the approved minutes', async () => {
		const meetingIds = Object.values(ids.customers[NORRBY].meetings).flat();
		let approved: string | undefined;
		let live: string | undefined;
		for (const id of meetingIds) {
			if (approved && live) break;
			const page = await (await customerAdmin.get(`/meetings/${id}`)).text();
			const frozen = /data-testid="meeting-figures"[^>]*data-frozen="(true|false)"/.exec(page)?.[1];
			if (!approved && frozen === 'true') approved = id;
			if (!live && frozen === 'false') live = id;
		}
		expect(approved, 'a demo meeting with frozen figures').toBeDefined();
		expect(live, 'a demo meeting with live figures').toBeDefined();
		expect((await member.get(`/api/v1/customers/${norrby}/sla`)).status).toBe(403);

		for (const id of [approved!, live!]) {
			const page = await member.get(`/meetings/${id}`);
			expect(page.status).toBe(200);
			expect(await page.text()).toContain('SLA lösningstid per prioritet');
			const room = await member.get(`/meetings/${id}/room`);
			expect(room.status).toBe(200);
			expect(await room.text()).toContain('sincePrevious');
		}
		const md = await member.get(`/api/v1/meetings/${approved}/minutes?format=md`);
		expect(md.status).toBe(200);
		expect(await md.text()).toContain('SLA lösningstid per prioritet');
	});
});
