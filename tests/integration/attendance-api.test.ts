/**
 * Attendance over HTTP against the real server: who may mark it, bad input
 * that changes nothing, tenancy, and the form route the meeting page posts to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { expectContract } from '../helpers/contract';
import { demoIds, NORRBY, type DemoCustomer } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let norrby: DemoCustomer;
let meetingId: string;
let supplier: ApiClient;
let member: ApiClient;

beforeAll(async () => {
	server = await startServer({ demo: true });
	norrby = (await demoIds(server.url)).customers[NORRBY];
	meetingId = norrby.meetings[norrby.forums.operational.id][0];
	supplier = await new ApiClient(server.url).login('cm@itmastaren.example');
	member = await new ApiClient(server.url).login('it@norrby.example');
}, 90_000);
afterAll(async () => {
	await server?.stop();
});

const path = () => `/api/v1/meetings/${meetingId}/attendance`;

describe('attendance API', () => {
	it("lists the forum's members by side, for the customer's people too", async () => {
		const { status, body } = await member.json('GET', path());
		expect(status).toBe(200);
		expectContract('getAttendance', body);
		const members = norrby.forums.operational.members;
		expect(body.attendance.attendees.map((a: { personId: string }) => a.personId).sort()).toEqual(members.map((m) => m.personId).sort());
		expect(new Set(body.attendance.attendees.map((a: { side: string }) => a.side))).toEqual(new Set(['supplier', 'customer']));
		expect(body.attendance.canMark).toBe(false);
	});

	it('lets supplier staff mark attendance and records it', async () => {
		const [first, second] = norrby.forums.operational.members;
		const { status, body } = await supplier.json('PUT', path(), {
			entries: [
				{ personId: first.personId, status: 'attended' },
				{ personId: second.personId, status: 'excused' }
			]
		});
		expect(status).toBe(200);
		expectContract('markAttendance', body);
		expect(body.attendance.counts.attended).toBe(1);
		expect(body.attendance.counts.excused).toBe(1);
		const seen = await member.json('GET', path());
		const byId = new Map(seen.body.attendance.attendees.map((a: { personId: string; status: string }) => [a.personId, a.status]));
		expect(byId.get(first.personId)).toBe('attended');
	});

	it('refuses a member without a duty (403), another customer (404) and bad input (400), changing nothing', async () => {
		const before = (await supplier.json('GET', path())).body.attendance;
		const person = norrby.forums.operational.members[0].personId;
		const refused = await member.json('PUT', path(), { entries: [{ personId: person, status: 'absent' }] });
		expect(refused.status).toBe(403);
		const other = await new ApiClient(server.url).login('avtal@vattensyd.example');
		expect((await other.json('PUT', path(), { entries: [{ personId: person, status: 'absent' }] })).status).toBe(404);
		expect((await other.json('GET', path())).status).toBe(404);
		const stranger = norrby.people.find((p) => !norrby.forums.operational.members.some((m) => m.personId === p.id))!;
		const notInvited = await supplier.json('PUT', path(), { entries: [{ personId: stranger.id, status: 'attended' }] });
		expect(notInvited.status).toBe(400);
		expect(notInvited.body.error.fields['entries.0.personId']).toBe('Not invited to this meeting');
		expect((await supplier.json('PUT', path(), { entries: [{ personId: person, status: 'late' }] })).status).toBe(400);
		expect((await supplier.json('PUT', path(), { entries: [] })).status).toBe(400);
		expect((await new ApiClient(server.url).json('PUT', path(), { entries: [] })).status).toBe(401);
		expect((await supplier.json('GET', path())).body.attendance).toEqual(before);
	});

	it('takes the meeting page form and goes back to the meeting', async () => {
		const person = norrby.forums.operational.members[0].personId;
		const res = await supplier.request('POST', `/meetings/${meetingId}/attendance?/mark`, new URLSearchParams({ [`status.${person}`]: 'absent' }).toString(), {
			'content-type': 'application/x-www-form-urlencoded',
			// a browser without JavaScript: SvelteKit answers a plain form post with the redirect itself
			accept: 'text/html',
			origin: server.url
		});
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe(`/meetings/${meetingId}#attendance`);
		const after = await member.json('GET', path());
		expect(after.body.attendance.attendees.find((a: { personId: string }) => a.personId === person).status).toBe('absent');
	});
});
