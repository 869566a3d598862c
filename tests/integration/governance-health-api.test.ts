/**
 * Governance health over HTTP against the real server: the customer's own
 * people and the supplier read it, another customer gets 404, and recorded
 * attendance shows up in the figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { expectContract } from '../helpers/contract';
import { demoIds, NORRBY, VATTENSYD, type DemoIds } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let ids: DemoIds;

beforeAll(async () => {
	server = await startServer({ demo: true });
	ids = await demoIds(server.url);
}, 90_000);
afterAll(async () => {
	await server?.stop();
});

describe('governance health API', () => {
	it('answers the customer and the supplier, and another customer 404', async () => {
		const norrby = ids.customers[NORRBY];
		const path = `/api/v1/customers/${norrby.id}/governance-health`;
		const own = await (await new ApiClient(server.url).login('it@norrby.example')).json('GET', path);
		expect(own.status).toBe(200);
		expectContract('getGovernanceHealth', own.body);
		expect(own.body.health.forums).toHaveLength(Object.keys(norrby.forums).length);
		// the demo has held operational meetings this year (monthly, ten months back)
		const operational = own.body.health.forums.find((f: { forumId: string }) => f.forumId === norrby.forums.operational.id);
		expect(operational.cadence.held).toBeGreaterThan(0);
		expect((await (await new ApiClient(server.url).login('bam@itmastaren.example')).json('GET', path)).status).toBe(200);
		const other = await (await new ApiClient(server.url).login('avtal@vattensyd.example')).json('GET', path);
		expect(other.status).toBe(404);
		expect((await new ApiClient(server.url).json('GET', path)).status).toBe(401);
		expect(ids.customers[VATTENSYD].id).not.toBe(norrby.id);
	});

	it('counts a held meeting once its attendance is recorded', async () => {
		const norrby = ids.customers[NORRBY];
		const forum = norrby.forums.operational;
		const supplier = await new ApiClient(server.url).login('cm@itmastaren.example');
		const path = `/api/v1/customers/${norrby.id}/governance-health`;
		const before = (await supplier.json('GET', path)).body.health.forums.find((f: { forumId: string }) => f.forumId === forum.id);
		// the first meeting of the list is the oldest, held months ago (this year or last)
		const meetings = (await supplier.json('GET', `/api/v1/forums/${forum.id}/meetings`)).body.meetings as { id: string; startsAt: string }[];
		const thisYear = new Date().getUTCFullYear();
		const held = meetings.find((m) => Date.parse(m.startsAt) < Date.now() && new Date(m.startsAt).getUTCFullYear() === thisYear);
		if (!held) return; // early January: no meeting held this year yet
		const put = await supplier.json('PUT', `/api/v1/meetings/${held.id}/attendance`, {
			entries: forum.members.map((m) => ({ personId: m.personId, status: 'attended' }))
		});
		expect(put.status).toBe(200);
		const after = (await supplier.json('GET', path)).body.health.forums.find((f: { forumId: string }) => f.forumId === forum.id);
		expect(after.attendance.meetingsRecorded).toBe(before.attendance.meetingsRecorded + 1);
	});
});
