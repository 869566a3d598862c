/**
 * Issue 14 points 12 and 13 at the HTTP surface: Swedish CSVs carry Swedish
 * words (no stored enum values), the exported minutes write numbers the
 * Swedish way (decimal comma, no-break space between thousands) also in the
 * PDF, and a meeting's live figure tables follow the reader's language.
 */
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleMinutes } from '$lib/server/domain/exports/minutes-fixture';
import { ApiClient } from '../helpers/api-client';
import { demoIds, NORRBY, type DemoIds } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';
import { plantApprovedMinutes } from '../helpers/test-db';

let server: TestServer;
let ids: DemoIds;
let norrby: string;
let admin: ApiClient;
let busyMonth: string;

/** Stored values of our enums and measure keys that must never be a cell of a Swedish CSV. */
const RAW = [
	'successful',
	'with_issues',
	'backed_out',
	'failed',
	'cancelled',
	'incident',
	'request',
	'change',
	'problem',
	'opened',
	'resolved',
	'backlog',
	'mean_hours',
	'share',
	'hours',
	'reopen_rate',
	'first_contact_resolution',
	'mttr_p1_hours',
	'mttrP1',
	'reopenRate',
	'met',
	'breached',
	'pending',
	'in_progress',
	'on_hold',
	'closed',
	'new',
	'open',
	'done',
	'business',
	'24x7',
	'green',
	'amber',
	'red',
	'count'
];

const cells = (csv: string) => csv.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).flatMap((l) => l.split(';'));

beforeAll(async () => {
	server = await startServer({ demo: true });
	ids = await demoIds(server.url);
	norrby = ids.customers[NORRBY].id;
	admin = await new ApiClient(server.url).login('avtal@norrby.example');
	const { body } = await admin.json('GET', `/api/v1/customers/${norrby}/reports/sla`);
	const busiest = [...body.report.trend].sort((a, b) => (b.resolution ?? -1) - (a.resolution ?? -1));
	busyMonth = busiest[0].key;
}, 120_000);
afterAll(async () => {
	await server?.stop();
});

describe('Swedish CSV exports', () => {
	it('name kinds, outcomes, measures and KPIs in Swedish in the case-handling CSV', async () => {
		const res = await admin.get(`/api/v1/customers/${norrby}/reports/cases.csv?period=${busyMonth}&lang=sv`);
		expect(res.status).toBe(200);
		const text = await res.text();
		const all = cells(text);
		for (const raw of RAW) expect(all, raw).not.toContain(raw);
		expect(text).toContain('Ärendetyp;Incident;nya;');
		expect(text).toContain('Nyckeltal;Återöppningsgrad;andel;');
		const en = await (await admin.get(`/api/v1/customers/${norrby}/reports/cases.csv?period=${busyMonth}&lang=en`)).text();
		expect(en).toContain('Kind;Incident;new;');
		expect(en).toContain('KPI;Reopen rate;share;');
		expect(en).not.toContain('mean_hours');
	});

	it('name kinds, statuses and SLA outcomes in Swedish in the SLA CSVs', async () => {
		const report = await (await admin.get(`/api/v1/customers/${norrby}/reports/sla.csv?period=${busyMonth}&lang=sv`)).text();
		for (const raw of RAW) expect(cells(report), raw).not.toContain(raw);
		expect(report).toMatch(/;(Kontorstid|Dygnet runt);/);
		const drill = await (await admin.get(`/api/v1/customers/${norrby}/reports/sla/tickets.csv?period=${busyMonth}&metric=resolution&outcome=met&lang=sv`)).text();
		const drillCells = cells(drill);
		expect(drillCells.length).toBeGreaterThan(10);
		for (const raw of RAW) expect(drillCells, raw).not.toContain(raw);
		expect(drillCells).toContain('Uppfyllt');
	});

	it('name action statuses in Swedish in the meetings CSV', async () => {
		const csv = await (await admin.get(`/api/v1/customers/${norrby}/reports/meetings.csv?table=actions&lang=sv`)).text();
		for (const raw of RAW) expect(cells(csv), raw).not.toContain(raw);
	});
});

describe('numbers in exported minutes', () => {
	let approvedId: string;

	beforeAll(async () => {
		const c = ids.customers[NORRBY];
		approvedId = c.meetings[c.forums.operational.id][1];
		const model = sampleMinutes();
		model.meeting.id = approvedId;
		model.figures = [
			{ id: 'f1', title: 'Nyckeltal', from: '2025-12-01', to: '2025-12-31', periodLabel: { sv: '1 dec. 2025 – 31 dec. 2025', en: '1 Dec 2025 – 31 Dec 2025' }, lang: 'sv', columns: ['Nyckeltal', 'Värde'], rows: [['MTTR P3 (medel)', 8020.3], ['Nya ärenden', 12345]] }
		];
		model.blocks.push({ type: 'data', figureId: 'f1' });
		await plantApprovedMinutes(server.databaseUrl, approvedId, ids.staff('bam@itmastaren.example').id, model, 'Tillägg.');
	});

	it('writes a decimal comma and a no-break space between thousands in the PDF, HTML and Markdown', async () => {
		const pdf = await admin.get(`/meetings/${approvedId}/minutes.pdf?lang=sv`);
		expect(pdf.status).toBe(200);
		const parser = new PDFParse({ data: new Uint8Array(await pdf.arrayBuffer()) });
		const text = (await parser.getText()).text;
		await parser.destroy();
		expect(text).not.toContain('8020.3');
		expect(text.replace(/\s+/g, ' ')).toContain('8 020,3');
		expect(text.replace(/\s+/g, ' ')).toContain('12 345');
		const html = await (await admin.get(`/meetings/${approvedId}/minutes.html?lang=sv`)).text();
		expect(html).toContain('<td class="num">8\u00a0020,3</td>');
		const md = await (await admin.get(`/meetings/${approvedId}/minutes.md?lang=sv`)).text();
		expect(md).toContain('8\u00a0020,3');
		expect(md).not.toContain('8020.3');
	}, 30_000);
});

describe("a meeting's live figure tables", () => {
	it('follow the interface language until the minutes are approved', async () => {
		const c = ids.customers[NORRBY];
		const meetingId = c.meetings[c.forums.operational.id][0];
		const page = (lang: string) =>
			fetch(`${server.url}/meetings/${meetingId}`, { headers: { cookie: `${admin.sessionCookie}; PARAGLIDE_LOCALE=${lang}` } }).then((r) => r.text());
		const en = await page('en');
		expect(en).toContain('SLA resolution time by priority');
		expect(en).not.toContain('SLA lösningstid per prioritet');
		expect(en).not.toContain('Uppfyllnad');
		const sv = await page('sv');
		expect(sv).toContain('SLA lösningstid per prioritet');
		expect(sv).not.toContain('SLA resolution time by priority');
	});
});

describe('figures frozen at approval', () => {
	it('keep the language they were approved in, and say so', async () => {
		const supplier = await new ApiClient(server.url).login('admin@itmastaren.example');
		const chair = await new ApiClient(server.url).login('bam@itmastaren.example');
		const c = ids.customers[NORRBY];
		const forum = c.forums.operational;
		const created = await supplier.json('POST', `/api/v1/forums/${forum.id}/meetings`, { title: 'Språktest', startsAt: '2031-02-11T09:00', endsAt: '2031-02-11T10:00' });
		expect(created.status).toBe(201);
		const id: string = created.body.meeting.id;
		const step = async (client: ApiClient, path: string, body: unknown = {}, method = 'POST') => {
			const r = await client.json(method, `/api/v1/meetings/${id}/${path}`, body);
			expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(200);
		};
		await step(supplier, 'publish');
		await step(chair, 'start', { confirmEarly: true });
		await step(supplier, 'adjuster', { personId: c.person('avtal@norrby.example').id }, 'PUT');
		await step(chair, 'end');
		await step(chair, 'approve');
		// the approval that completes the minutes is made in English
		await step(admin, 'approve?lang=en');

		const page = (lang: string) => fetch(`${server.url}/meetings/${id}`, { headers: { cookie: `${admin.sessionCookie}; PARAGLIDE_LOCALE=${lang}` } }).then((r) => r.text());
		const sv = await page('sv');
		expect(sv).toContain('SLA resolution time by priority');
		expect(sv).toContain('Underlaget frystes på engelska när protokollet justerades');
		const en = await page('en');
		expect(en).toContain('SLA resolution time by priority');
		expect(en).toContain('The figures were frozen in English when the minutes were approved');
	}, 60_000);
});
