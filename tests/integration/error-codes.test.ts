/**
 * Errors by code (issue 20.4), against the real server with demo data: the
 * API answers a refusal with its English text as before plus the stable codes
 * (`messageCode`, `params`, `fieldCodes`); a form page shows the same code in
 * the reader's language (PARAGLIDE_LOCALE cookie); the live room's refusals
 * carry the codes too. Nothing is matched by its English sentence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ErrorBody } from '$lib/server/http/openapi';
import { readAgenda } from '../../src/lib/realtime/agenda-doc';
import { meetingAgendaDoc } from '../../src/lib/realtime/doc-names';
import { ApiClient } from '../helpers/api-client';
import { connectClient, synced } from '../helpers/collab-client';
import { demoIds, NORRBY, type DemoIds } from '../helpers/demo-ids';
import { connected, roomClient, until, type RoomClient } from '../helpers/room-client';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let ids: DemoIds;
let admin: ApiClient;

beforeAll(async () => {
	server = await startServer({ demo: true });
	ids = await demoIds(server.url);
	admin = await new ApiClient(server.url).login('admin@itmastaren.example');
});
afterAll(() => server?.stop());

/** The customers page's create form as a browser without JavaScript posts it, in `lang` (the PARAGLIDE_LOCALE cookie). */
const postCustomerForm = (lang: 'sv' | 'en', data: Record<string, string>) =>
	fetch(`${server.url}/customers?/create`, {
		method: 'POST',
		body: new URLSearchParams(data).toString(),
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: server.url,
			cookie: `${admin.sessionCookie}; PARAGLIDE_LOCALE=${lang}`
		}
	});

describe('API: the English text as before, and the codes', () => {
	it('a field error has its code and parameters next to its English message', async () => {
		const res = await admin.json('POST', '/api/v1/customers', { name: 'x'.repeat(121), orgNumber: '12-34' });
		expect(res.status).toBe(400);
		expect(res.body.error).toMatchObject({
			code: 'invalid',
			messageCode: 'error.invalid',
			fields: { name: 'At most 120 characters', orgNumber: 'Organisation number must look like 556677-8899' },
			fieldCodes: { name: { code: 'field.too_long', params: { max: 120 } }, orgNumber: { code: 'customer.org_number' } }
		});
		expect(ErrorBody.safeParse(res.body).error?.issues ?? []).toEqual([]);
	});

	it('a refusal of the domain keeps its code through the API', async () => {
		const dup = await admin.json('POST', '/api/v1/customers', { name: NORRBY });
		expect(dup.status).toBe(409);
		expect(dup.body.error).toEqual({
			code: 'conflict',
			message: 'A customer with this name already exists',
			fields: { name: 'Already exists' },
			messageCode: 'error.conflict',
			fieldCodes: { name: { code: 'field.exists' } }
		});
		expect(ErrorBody.safeParse(dup.body).error?.issues ?? []).toEqual([]);
	});

	it('errors of the transport have codes too', async () => {
		const notJson = await admin.request('POST', '/api/v1/customers', 'name=x', { 'content-type': 'text/plain', origin: server.url });
		const body = await notJson.json();
		expect(notJson.status).toBe(400);
		expect(body.error).toMatchObject({ code: 'invalid', messageCode: 'error.invalid' });
		expect(ErrorBody.safeParse(body).error?.issues ?? []).toEqual([]);
	});
});

describe('form pages: the code in the reader\'s language', () => {
	it.each([
		['sv', 'Finns redan', 'Ange organisationsnumret som 556677-8899'],
		['en', 'Already exists', null]
	] as const)('%s', async (lang, exists, orgNumber) => {
		const dup = await (await postCustomerForm(lang, { _form: 'create', name: NORRBY })).text();
		expect(dup).toContain(exists);
		if (orgNumber) expect(await (await postCustomerForm(lang, { _form: 'create', name: 'Ny kund AB', orgNumber: '12-34' })).text()).toContain(orgNumber);
		// nothing was created
		const names = (await admin.json('GET', '/api/v1/customers')).body.customers.map((c: { name: string }) => c.name);
		expect(names).not.toContain('Ny kund AB');
	});
});

describe('live room: refusals carry the codes', () => {
	let chair: RoomClient;

	beforeAll(async () => {
		const norrby = ids.customers[NORRBY];
		const meetingId = norrby.meetings[norrby.forums.tactical.id][0];
		const api = await new ApiClient(server.url).login('avtal@norrby.example');
		const bam = await new ApiClient(server.url).login('bam@itmastaren.example');
		const agenda = connectClient(server.url, meetingAgendaDoc(meetingId), bam.sessionCookie);
		await synced(agenda);
		expect(readAgenda(agenda.doc as Y.Doc).length).toBeGreaterThan(0);
		agenda.destroy();
		chair = roomClient(server.url, api.sessionCookie);
		await connected(chair);
		expect(await chair.join(meetingId)).toEqual({ ok: true });
		await until(() => chair.state !== null, 5_000, 'room state');
	});
	afterAll(() => chair?.close());

	it('an unknown agenda item is a field error with its code', async () => {
		const ack = await chair.send('item:set', { itemId: 'no-such-item' });
		expect(ack).toEqual({ ok: false, error: { event: 'item:set', code: 'invalid', message: 'No such agenda item', fieldCodes: { itemId: { code: 'meeting.unknown_item' } } } });
	});

	it('a malformed payload is mapped by the same zod mapping', async () => {
		const ack = await chair.raw('item:set', { itemId: 42 });
		expect(ack).toMatchObject({ ok: false, error: { code: 'invalid', fieldCodes: { itemId: { code: 'field.invalid' } } } });
	});
});
