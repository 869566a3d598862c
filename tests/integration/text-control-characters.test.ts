/**
 * Single-line fields (titles, names, locations) refuse line breaks and other
 * control characters with a field error, through the JSON API and the forms
 * alike, and store nothing; multi-line fields keep line breaks but refuse
 * other control characters. The attacker of issue 15 is a customer's admin
 * planting calendar lines for the supplier's staff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CONTROL_CHARACTERS, NO_LINE_BREAKS } from '$lib/text-rules';
import { ApiClient } from '../helpers/api-client';
import { demoIds, NORRBY, type DemoIds } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let ids: DemoIds;
let customerAdmin: ApiClient;

beforeAll(async () => {
	server = await startServer({ demo: true });
	ids = await demoIds(server.url);
	customerAdmin = await new ApiClient(server.url).login('avtal@norrby.example');
}, 90_000);
afterAll(async () => {
	await server?.stop();
});

/** Values that would end an iCalendar property (or a CSV row, a header) and start another. */
const HOSTILE = [
	'Möte\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Planted',
	'Möte\nX-PLANTED:1',
	'Möte\rX-PLANTED:1',
	'Möte\u0000X',
	'Möte\u0007\u001b[2J',
	'Möte\tX',
	'Möte\u0085X',
	'Möte\u2028X'
];

/** A form post as a browser without JavaScript makes it. */
const postForm = (client: ApiClient, path: string, data: Record<string, string>) =>
	client.request('POST', path, new URLSearchParams(data).toString(), {
		'content-type': 'application/x-www-form-urlencoded',
		accept: 'text/html',
		origin: server.url
	});

const forumMeetings = async (forumId: string): Promise<string[]> => {
	const { status, body } = await customerAdmin.json('GET', `/api/v1/forums/${forumId}/meetings`);
	expect(status).toBe(200);
	return (body.meetings as { id: string }[]).map((x) => x.id).toSorted();
};

const slot = (day: number) => ({ startsAt: `2027-03-${String(day).padStart(2, '0')}T09:00`, endsAt: `2027-03-${String(day).padStart(2, '0')}T10:00` });

describe('a meeting title or location with a line break or control character', () => {
	it('is refused by the API with a field error, and nothing is scheduled', async () => {
		const forumId = ids.customers[NORRBY].forums.tactical.id;
		const before = await forumMeetings(forumId);
		for (const bad of HOSTILE) {
			const res = await customerAdmin.json('POST', `/api/v1/forums/${forumId}/meetings`, { title: bad, location: bad, ...slot(2) });
			expect(res.status, JSON.stringify(bad)).toBe(400);
			expect(res.body.error.code).toBe('invalid');
			expect(res.body.error.fields).toEqual({ title: NO_LINE_BREAKS, location: NO_LINE_BREAKS });
		}
		expect(await forumMeetings(forumId)).toEqual(before);
		// the same meeting with clean text is scheduled
		const ok = await customerAdmin.json('POST', `/api/v1/forums/${forumId}/meetings`, { title: 'Taktiskt forum mars', location: 'Stadshuset, sal Älven', ...slot(2) });
		expect(ok.status).toBe(201);
	});

	it('is refused by the form with the field marked, in Swedish, and nothing is scheduled', async () => {
		const forumId = ids.customers[NORRBY].forums.tactical.id;
		const before = await forumMeetings(forumId);
		const res = await postForm(customerAdmin, `/forums/${forumId}?/schedule`, { _form: 'schedule', title: HOSTILE[0], location: 'Sal 1', videoUrl: '', ...slot(3) });
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toMatch(/name="title"[^>]*aria-invalid="true"/);
		expect(html).toContain('Får inte innehålla radbrytningar eller andra styrtecken');
		expect(await forumMeetings(forumId)).toEqual(before);
	});
});

describe("a person's name with a line break", () => {
	it('is refused by the API and by the person form, and the name stays', async () => {
		const norrby = ids.customers[NORRBY];
		const person = norrby.person('it@norrby.example');
		for (const bad of HOSTILE) {
			const res = await customerAdmin.json('PATCH', `/api/v1/people/${person.id}`, { name: bad, title: bad });
			expect(res.status, JSON.stringify(bad)).toBe(400);
			expect(res.body.error.fields).toEqual({ name: NO_LINE_BREAKS, title: NO_LINE_BREAKS });
		}
		const form = await postForm(customerAdmin, `/customers/${norrby.id}?/addPerson`, {
			_form: 'addPerson',
			name: 'Ny Person\r\nX-PLANTED:1',
			email: 'ny.person@norrby.example',
			phone: '',
			title: '',
			access: 'customer_member'
		});
		expect(form.status).toBe(400);
		const html = await form.text();
		expect(html).toMatch(/name="name"[^>]*aria-invalid="true"/);
		expect(html).toContain('Får inte innehålla radbrytningar eller andra styrtecken');
		const { body } = await customerAdmin.json('GET', `/api/v1/customers/${norrby.id}/people`);
		const people = body.people as { email: string; name: string }[];
		expect(people.find((p) => p.email === 'ny.person@norrby.example')).toBeUndefined();
		expect(people.find((p) => p.email === 'it@norrby.example')?.name).toBe(person.name);
	});
});

describe('multi-line text', () => {
	it('keeps line breaks but refuses other control characters', async () => {
		const admin = await new ApiClient(server.url).login('admin@itmastaren.example');
		const forumId = ids.customers[NORRBY].forums.tactical.id;
		const { body: before } = await admin.json('GET', `/api/v1/forums/${forumId}`);
		const bad = await admin.json('PATCH', `/api/v1/forums/${forumId}`, { purposeSv: 'Rad ett\u0007\nRad två' });
		expect(bad.status).toBe(400);
		expect(bad.body.error.fields).toEqual({ purposeSv: NO_CONTROL_CHARACTERS });
		expect((await admin.json('GET', `/api/v1/forums/${forumId}`)).body.forum).toEqual(before.forum);
		const ok = await admin.json('PATCH', `/api/v1/forums/${forumId}`, { purposeSv: 'Rad ett\r\nRad två\n\tindragen' });
		expect(ok.status).toBe(200);
		expect(ok.body.forum.content.purpose.sv).toBe('Rad ett\r\nRad två\n\tindragen');
	});
});
