/**
 * The live room presents a PDF from the meeting's material (issue 16), against
 * the real server and database (SQLite and PostgreSQL) with socket.io-client:
 * the presenter shows it and turns its pages, everyone follows and can fetch
 * exactly the version shown; the material must be one every participant may
 * read (a PDF, not supplier-internal, of this meeting), and every refusal
 * changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { demoIds, NORRBY, VATTENSYD } from '../helpers/demo-ids';
import { multiPagePdf } from '../helpers/pdf-fixture';
import { connected, roomClient, until, type RoomClient } from '../helpers/room-client';
import { startServer, type TestServer } from '../helpers/server';

const UNKNOWN = '00000000-0000-4000-8000-00000000beef';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...new Array(40).fill(0)]);

describe('live room: presenting a PDF from the material', () => {
	let server: TestServer;
	let meetingId: string;
	const api: Record<string, ApiClient> = {};
	const clients: RoomClient[] = [];
	const material: Record<'pdf' | 'internal' | 'png' | 'other', string> = { pdf: '', internal: '', png: '', other: '' };
	let pdfBytes: Uint8Array;
	/** bam@itmastaren presents in Norrby's tactical forum; it@norrby is a member without a duty */
	let presenter: RoomClient;
	let member: RoomClient;

	async function upload(email: string, meeting: string, bytes: Uint8Array, query: Record<string, string>, path = 'material') {
		const res = await fetch(`${server.url}/api/v1/meetings/${meeting}/${path}?${new URLSearchParams(query)}`, {
			method: 'POST',
			headers: { cookie: api[email].sessionCookie, 'content-type': 'application/octet-stream' },
			body: bytes as BodyInit
		});
		const body = await res.json();
		expect(res.status, JSON.stringify(body)).toBe(201);
		return body.material.id as string;
	}
	const joined = async (email: string) => {
		const c = roomClient(server.url, api[email].sessionCookie);
		clients.push(c);
		await connected(c);
		expect(await c.join(meetingId)).toEqual({ ok: true });
		await until(() => c.state !== null && c.you !== null, 5_000, `${email} state`);
		return c;
	};
	const presentation = (c: RoomClient) => ({ presenting: c.state!.presenting, presenterId: c.state!.presenterId, material: c.state!.material, page: c.state!.page, slide: c.state!.slide });

	beforeAll(async () => {
		server = await startServer({ demo: true });
		const ids = await demoIds(server.url);
		for (const email of ['admin@itmastaren.example', 'bam@itmastaren.example', 'avtal@norrby.example', 'it@norrby.example', 'avtal@vattensyd.example']) {
			api[email] = await new ApiClient(server.url).login(email);
		}
		const norrby = ids.customers[NORRBY];
		const created = await api['admin@itmastaren.example'].json('POST', `/api/v1/forums/${norrby.forums.tactical.id}/meetings`, {
			title: 'Visa underlag',
			startsAt: '2031-06-10T09:00',
			endsAt: '2031-06-10T11:00'
		});
		expect(created.status).toBe(201);
		meetingId = created.body.meeting.id;
		pdfBytes = await multiPagePdf(['Budget 2027', 'Investeringar', 'Risker']);
		material.pdf = await upload('avtal@norrby.example', meetingId, pdfBytes, { fileName: 'Budget 2027.pdf' });
		material.internal = await upload('admin@itmastaren.example', meetingId, await multiPagePdf(['Marginaler']), { fileName: 'Kalkyl.pdf', internal: 'true' });
		material.png = await upload('admin@itmastaren.example', meetingId, PNG, { fileName: 'Karta.png' });
		const syd = ids.customers[VATTENSYD];
		material.other = await upload('avtal@vattensyd.example', syd.meetings[syd.forums.tactical.id][0], pdfBytes, { fileName: 'Annan kund.pdf' });
		presenter = await joined('bam@itmastaren.example');
		member = await joined('it@norrby.example');
	}, 120_000);

	afterAll(async () => {
		for (const c of clients) c.close();
		await server?.stop();
	});

	it('lets the presenter (not a member without the duty) show material', async () => {
		expect(presenter.you!.canPresent).toBe(true);
		expect(member.you!.canPresent).toBe(false);
	});

	it('shows the PDF to the room, turns its pages, and every follower fetches exactly the version shown', async () => {
		expect(await presenter.send('present:material', { materialId: material.pdf })).toEqual({ ok: true });
		const shown = { id: material.pdf, version: 1, fileName: 'Budget 2027.pdf' };
		await until(() => member.state!.material?.id === material.pdf, 5_000, 'the member to see the material');
		expect(presentation(member)).toMatchObject({ presenting: true, presenterId: presenter.you!.personId, material: shown, page: 1 });

		expect(await presenter.send('page:go', { page: 3 })).toEqual({ ok: true });
		await until(() => member.state!.page === 3, 5_000, 'page 3 at the member');
		expect(member.slides.at(-1)).toMatchObject({ material: shown, page: 3 });

		// a new version uploaded meanwhile does not change the pages under the room's eyes
		await upload('avtal@norrby.example', meetingId, await multiPagePdf(['Budget 2027, reviderad']), { fileName: 'Budget 2027 v2.pdf' }, `material/${material.pdf}/versions`);
		expect(await presenter.send('page:go', { page: 2 })).toEqual({ ok: true });
		await until(() => member.state!.page === 2, 5_000, 'page 2 at the member');
		expect(member.state!.material).toEqual(shown);

		// what the member's browser fetches: the same bytes, as an attachment, for the version shown
		const res = await fetch(`${server.url}/api/v1/meetings/${meetingId}/material/${material.pdf}/download?version=${shown.version}`, { headers: { cookie: api['it@norrby.example'].sessionCookie } });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
		expect(new Uint8Array(await res.arrayBuffer())).toEqual(pdfBytes);

		// someone who joins now lands on the same page of the same material
		const late = await joined('avtal@norrby.example');
		expect(presentation(late)).toMatchObject({ material: shown, page: 2 });
	});

	it('refuses what the room cannot show, and each refusal changes nothing', async () => {
		const before = presentation(member);
		const cases: [string, RoomClient, string, unknown, string, string | undefined][] = [
			['supplier-internal', presenter, 'present:material', { materialId: material.internal }, 'conflict', 'material.internal_not_shown'],
			['not a PDF', presenter, 'present:material', { materialId: material.png }, 'invalid', 'material.not_pdf'],
			["another customer's", presenter, 'present:material', { materialId: material.other }, 'not_found', undefined],
			['unknown', presenter, 'present:material', { materialId: UNKNOWN }, 'not_found', undefined],
			['a member without the duty', member, 'present:material', { materialId: material.pdf }, 'forbidden', undefined],
			['a member turning pages', member, 'page:go', { page: 1 }, 'forbidden', undefined],
			['page 0', presenter, 'page:go', { page: 0 }, 'invalid', undefined],
			['page not a number', presenter, 'page:go', { page: '2' }, 'invalid', undefined],
			['page past the limit', presenter, 'page:go', { page: 10_000 }, 'invalid', undefined],
			['not an id', presenter, 'present:material', { materialId: '../etc/passwd' }, 'invalid', undefined],
			['an extra field', presenter, 'present:material', { materialId: material.pdf, version: 2 }, 'invalid', undefined]
		];
		for (const [what, client, event, payload, code, messageCode] of cases) {
			const ack = await client.raw(event, payload);
			expect(ack.ok, what).toBe(false);
			if (ack.ok) continue;
			expect(ack.error.code, what).toBe(code);
			if (messageCode) expect(ack.error.messageCode?.code, what).toBe(messageCode);
		}
		// a round trip through the room's queue: every refusal above was handled before it
		expect(await presenter.send('hand:raise', {})).toEqual({ ok: true });
		await until(() => member.state!.hands.length === 1, 5_000, 'the hand');
		expect(presentation(member)).toEqual(before);
		expect(await presenter.send('hand:lower', {})).toEqual({ ok: true });
	});

	it('goes back to the slides; then there are no pages to turn', async () => {
		expect(await presenter.send('slide:go', { slide: 2 })).toEqual({ ok: true });
		await until(() => member.state!.material === null, 5_000, 'the slides at the member');
		expect(presentation(member)).toMatchObject({ presenting: true, material: null, slide: 2 });
		const ack = await presenter.send('page:go', { page: 2 });
		expect(ack).toMatchObject({ ok: false, error: { code: 'conflict' } });
		expect(presentation(member)).toMatchObject({ material: null, slide: 2 });
	});
});
