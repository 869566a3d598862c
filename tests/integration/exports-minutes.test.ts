/**
 * Exports of minutes over HTTP against the real server: refused with 409
 * while the minutes are not approved, 404 for another customer's meeting
 * (exactly like an unknown id), on the page routes and the API alike. For the
 * approved path an approved version is written straight into the server's
 * database (what approval stores), so the renderers are exercised through
 * the real routes; the full approval journey is the browser test's.
 */
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleMinutes } from '$lib/server/domain/exports/minutes-fixture';
import { ApiClient } from '../helpers/api-client';
import { demoIds, NORRBY } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';
import { plantApprovedMinutes } from '../helpers/test-db';

let server: TestServer;
let meetingId: string;
let chair: ApiClient;
let member: ApiClient;
let other: ApiClient;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
	server = await startServer({ demo: true });
	const ids = await demoIds(server.url);
	const norrby = ids.customers[NORRBY];
	meetingId = norrby.meetings[norrby.forums.operational.id][0];
	chair = await new ApiClient(server.url).login('bam@itmastaren.example');
	member = await new ApiClient(server.url).login('it@norrby.example');
	other = await new ApiClient(server.url).login('avtal@vattensyd.example');
}, 90_000);
afterAll(async () => {
	await server?.stop();
});

describe('minutes export', () => {
	it('answers 409 with a clear message while the minutes are not approved', async () => {
		for (const client of [chair, member]) {
			for (const format of ['pdf', 'html', 'md']) {
				const api = await client.json('GET', `/api/v1/meetings/${meetingId}/minutes?format=${format}`);
				expect(api.status).toBe(409);
				expect(api.body.error.code).toBe('conflict');
				expect(api.body.error.message).toMatch(/not approved/);
				const page = await client.get(`/meetings/${meetingId}/minutes.${format}`);
				expect(page.status).toBe(409);
				expect(await page.text()).toMatch(/not approved/);
			}
		}
	});

	it("answers another customer's meeting exactly like an unknown one", async () => {
		for (const id of [meetingId, UNKNOWN]) {
			const api = await other.json('GET', `/api/v1/meetings/${id}/minutes?format=pdf`);
			expect(api.status).toBe(404);
			expect(api.body.error.code).toBe('not_found');
			expect((await other.get(`/meetings/${id}/minutes.pdf`)).status).toBe(404);
			expect((await other.get(`/meetings/${id}/minutes.html`)).status).toBe(404);
		}
	});

	it('refuses unknown formats and anonymous callers', async () => {
		expect((await chair.json('GET', `/api/v1/meetings/${meetingId}/minutes?format=docx`)).status).toBe(400);
		expect((await chair.get(`/meetings/${meetingId}/minutes.docx`)).status).toBe(404);
		const anonymous = new ApiClient(server.url);
		expect((await anonymous.json('GET', `/api/v1/meetings/${meetingId}/minutes`)).status).toBe(401);
		const page = await anonymous.get(`/meetings/${meetingId}/minutes.pdf`);
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toMatch(/^\/login/);
	});
});

describe('approved minutes', () => {
	let approvedId: string;

	beforeAll(async () => {
		const ids = await demoIds(server.url);
		const norrby = ids.customers[NORRBY];
		approvedId = norrby.meetings[norrby.forums.operational.id][1];
		const model = sampleMinutes();
		model.meeting.id = approvedId;
		const author = ids.staff('bam@itmastaren.example').id;
		await plantApprovedMinutes(server.databaseUrl, approvedId, author, model, 'Rättelse: mötet slutade 10:45.');
	});

	it('downloads a PDF whose text has the decision, the action and the addendum', async () => {
		const res = await member.get(`/meetings/${approvedId}/minutes.pdf`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="protokoll-2026-01-15-.*\.pdf"$/);
		const parser = new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) });
		const text = (await parser.getText()).text.replace(/\s+/g, ' ');
		await parser.destroy();
		expect(text).toContain('Beslut 1: Beslut om ny åtgärdsplan för överföring');
		expect(text).toContain('Ta fram åtgärdsplan för säkerhetskopior');
		expect(text).toContain('Rättelse: mötet slutade 10:45.');
		expect(text).toContain('Johan Berg');
	}, 30_000);

	it('serves HTML without scripts and Markdown, in English on request', async () => {
		const html = await chair.get(`/api/v1/meetings/${approvedId}/minutes?format=html&lang=en`);
		expect(html.status).toBe(200);
		expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
		expect(html.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		const body = await html.text();
		expect(body).toContain('<strong>Decision 1:</strong>');
		expect(body).toContain('&lt;script&gt;');
		expect(body).not.toContain('<script>');
		const md = await chair.get(`/meetings/${approvedId}/minutes.md`);
		expect(md.status).toBe(200);
		expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
		expect(await md.text()).toContain('1. **Beslut 1:** Beslut om ny åtgärdsplan för överföring');
	});

	it('is still not found for another customer', async () => {
		expect((await other.get(`/meetings/${approvedId}/minutes.pdf`)).status).toBe(404);
		expect((await other.json('GET', `/api/v1/meetings/${approvedId}/minutes?format=md`)).status).toBe(404);
	});
});

describe('minutes approved through the lifecycle API', () => {
	it('export with the header, the attendance recorded before approval and both approvals', async () => {
		const admin = await new ApiClient(server.url).login('admin@itmastaren.example');
		const adjuster = await new ApiClient(server.url).login('avtal@norrby.example');
		const ids = await demoIds(server.url);
		const norrby = ids.customers[NORRBY];
		const forum = norrby.forums.operational;
		const created = await admin.json('POST', `/api/v1/forums/${forum.id}/meetings`, { title: 'Exporttest', startsAt: '2031-01-14T09:00', endsAt: '2031-01-14T10:30', location: 'Sal Ängen' });
		expect(created.status).toBe(201);
		const id: string = created.body.meeting.id;
		const step = async (client: ApiClient, method: string, path: string, body: unknown = {}) => {
			const r = await client.json(method, `/api/v1/meetings/${id}/${path}`, body);
			expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBe(200);
		};
		await step(admin, 'POST', 'publish');
		// years ahead of its time: started on purpose (confirmEarly)
		await step(chair, 'POST', 'start', { confirmEarly: true });
		await step(admin, 'PUT', 'adjuster', { personId: norrby.person('avtal@norrby.example').id });
		await step(chair, 'PUT', 'attendance', { entries: forum.members.map((m, i) => ({ personId: m.personId, status: i === 0 ? 'excused' : 'attended' })) });
		await step(chair, 'POST', 'end');
		expect((await chair.json('GET', `/api/v1/meetings/${id}/minutes?format=md`)).status).toBe(409);
		await step(chair, 'POST', 'approve');
		await step(adjuster, 'POST', 'approve');

		const md = await member.get(`/meetings/${id}/minutes.md`);
		expect(md.status).toBe(200);
		const text = await md.text();
		expect(text).toContain('**Kund:** Norrby kommun');
		expect(text).toContain('**Plats:** Sal Ängen');
		expect(text).toContain('**Tid:** 09:00–10:30');
		expect(text).toContain('Anmält förhinder');
		expect(text).toMatch(/\| Ordförande \| Johan Berg \| 2\d{3}-/);
		expect(text).toMatch(/\| Justerare \| Eva Norberg \| 2\d{3}-/);

		const pdf = await adjuster.get(`/api/v1/meetings/${id}/minutes?format=pdf`);
		expect(pdf.status).toBe(200);
		const parser = new PDFParse({ data: new Uint8Array(await pdf.arrayBuffer()) });
		const pdfText = (await parser.getText()).text.replace(/\s+/g, ' ');
		await parser.destroy();
		expect(pdfText).toContain('Protokoll: Exporttest');
		expect(pdfText).toContain('Norrby kommun · ');
		// attendance is frozen with the minutes
		expect((await chair.json('PUT', `/api/v1/meetings/${id}/attendance`, { entries: [{ personId: forum.members[0].personId, status: 'attended' }] })).status).toBe(409);
	}, 60_000);
});
