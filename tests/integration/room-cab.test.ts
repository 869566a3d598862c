/**
 * CAB votes in the live room (issue 6, part 5), against the real server: only
 * the chair opens and closes a vote, only approvers vote, the quorum rule
 * (one approver of each side) decides whether the CAB can approve, the result
 * is recorded per change and audited. Plus the room page's tenancy.
 */
import { openTestDb } from '../helpers/test-db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { demoIds, NORRBY, VATTENSYD, type DemoIds } from '../helpers/demo-ids';
import { connected, roomClient, until, type RoomClient } from '../helpers/room-client';
import { startServer, type TestServer } from '../helpers/server';

interface Change {
	id: string;
	number: string;
	cabRequired: boolean | null;
	plannedStart: string | null;
}

describe('live room: CAB votes', () => {
	let server: TestServer;
	let ids: DemoIds;
	let meetingId: string;
	let changes: Change[];
	let otherChange: Change;
	let voterEmail: string;
	let outsiderEmail: string;
	const clients: RoomClient[] = [];
	let chair: RoomClient;
	let voter: RoomClient;
	let outsider: RoomClient;

	const joined = async (email: string, meeting = meetingId) => {
		const api = await new ApiClient(server.url).login(email);
		const c = roomClient(server.url, api.sessionCookie);
		clients.push(c);
		await connected(c);
		expect(await c.join(meeting)).toEqual({ ok: true });
		await until(() => c.state !== null && c.you !== null, 5_000, `${email} joined`);
		return c;
	};
	const pollOf = (c: RoomClient, id: string) => c.state!.polls.find((p) => p.changeId === id);

	beforeAll(async () => {
		server = await startServer({ demo: true });
		ids = await demoIds(server.url);
		const admin = await new ApiClient(server.url).login('admin@itmastaren.example');
		const norrby = ids.customers[NORRBY];
		const cab = norrby.forums.cab;
		const list = async (customerId: string) =>
			((await admin.json('GET', `/api/v1/customers/${customerId}/tickets?kind=change&limit=1000`)).body.tickets as Change[]).filter((t) => t.cabRequired && t.plannedStart);
		const all = await list(norrby.id);
		otherChange = (await list(ids.customers[VATTENSYD].id))[0];
		// the CAB meeting with the most changes planned within its window (a week before to four weeks after)
		const { body } = await admin.json('GET', `/api/v1/forums/${cab.id}/meetings`);
		const inWindow = (m: { startsAt: string }) => (c: Change) => {
			const d = Date.parse(c.plannedStart!) - Date.parse(m.startsAt);
			return d >= -7 * 86_400_000 && d < 28 * 86_400_000;
		};
		const best = (body.meetings as { id: string; startsAt: string }[]).map((m) => ({ m, n: all.filter(inWindow(m)) })).sort((a, b) => b.n.length - a.n.length)[0];
		meetingId = best.m.id;
		changes = best.n;
		expect(changes.length).toBeGreaterThanOrEqual(2);
		const memberIds = new Set(cab.members.map((m) => m.personId));
		voterEmail = norrby.people.find((p) => memberIds.has(p.id) && p.access === 'customer_member')!.email;
		outsiderEmail = norrby.people.find((p) => !memberIds.has(p.id) && p.access === 'customer_member')!.email;
		// cm@itmastaren holds the CAB's chair
		chair = await joined('cm@itmastaren.example');
		voter = await joined(voterEmail);
		outsider = await joined(outsiderEmail);
	});

	afterAll(async () => {
		for (const c of clients) c.close();
		await server?.stop();
	});

	it('lets only the chair open a vote, on a change of this customer', async () => {
		expect(await voter.send('vote:open', { changeId: changes[0].id })).toMatchObject({ ok: false, error: { event: 'vote:open', code: 'forbidden' } });
		expect(await chair.send('vote:open', { changeId: otherChange.id })).toMatchObject({ ok: false, error: { code: 'invalid' } });
		expect(voter.state!.polls).toEqual([]);
		expect(await chair.send('vote:open', { changeId: changes[0].id })).toEqual({ ok: true });
		await until(() => pollOf(voter, changes[0].id)?.status === 'open', 2_000, 'vote open for all');
	});

	it('refuses a vote from someone who is no approver in this CAB', async () => {
		expect(outsider.you!.canVote).toBe(false);
		expect(voter.you!.canVote).toBe(true);
		expect(await outsider.send('vote:cast', { changeId: changes[0].id, choice: 'reject' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect(pollOf(voter, changes[0].id)!.ballots).toEqual([]);
	});

	it('records approval with a quorum of both sides, on the change and in the audit log', async () => {
		expect(await chair.send('vote:cast', { changeId: changes[0].id, choice: 'approve' })).toEqual({ ok: true });
		expect(await voter.send('vote:cast', { changeId: changes[0].id, choice: 'reject' })).toEqual({ ok: true });
		// a voter may change their mind while the vote is open
		expect(await voter.send('vote:cast', { changeId: changes[0].id, choice: 'approve' })).toEqual({ ok: true });
		await until(() => pollOf(outsider, changes[0].id)?.tally.approve === 2, 2_000, 'tally seen by all');
		expect(pollOf(outsider, changes[0].id)!.tally).toEqual({ approve: 2, reject: 0, abstain: 0, quorumMet: true, outcome: 'approve' });
		expect(await voter.send('vote:close', { changeId: changes[0].id, rationale: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect(await chair.send('vote:close', { changeId: changes[0].id, rationale: 'Låg risk, testad i förproduktion.' })).toEqual({ ok: true });
		await until(() => pollOf(voter, changes[0].id)?.status === 'closed', 2_000, 'closed');
		expect(pollOf(voter, changes[0].id)).toMatchObject({ recommendation: 'approve', rationale: 'Låg risk, testad i förproduktion.' });
		// closed: no more ballots
		expect(await voter.send('vote:cast', { changeId: changes[0].id, choice: 'reject' })).toMatchObject({ ok: false, error: { code: 'conflict' } });

		const db = openTestDb(server.databaseUrl);
		try {
			const row = await db
				.selectFrom('cab_polls')
				.select(['recommendation', 'quorum_met', 'approve', 'reject'])
				.where('meeting_id', '=', meetingId)
				.where('ticket_id', '=', changes[0].id)
				.executeTakeFirst();
			expect(row).toEqual({ recommendation: 'approve', quorum_met: 1, approve: 2, reject: 0 });
		} finally {
			await db.destroy();
		}
		const api = await new ApiClient(server.url).login('admin@itmastaren.example');
		const { body } = await api.json('GET', `/api/v1/audit?customerId=${ids.customers[NORRBY].id}`);
		expect((body.entries as { action: string; entityId: string }[]).find((e) => e.action === 'cab.recommendation')).toMatchObject({ entityId: changes[0].id });
	});

	it('cannot approve without a customer approver: the recommendation is "defer"', async () => {
		expect(await chair.send('vote:open', { changeId: changes[1].id })).toEqual({ ok: true });
		expect(await chair.send('vote:cast', { changeId: changes[1].id, choice: 'approve' })).toEqual({ ok: true });
		expect(await chair.send('vote:close', { changeId: changes[1].id, recommendation: 'approve', rationale: '' })).toEqual({ ok: true });
		await until(() => pollOf(voter, changes[1].id)?.status === 'closed', 2_000, 'closed');
		expect(pollOf(voter, changes[1].id)).toMatchObject({ recommendation: 'defer', tally: { quorumMet: false } });
	});

	it('votes only in a CAB meeting', async () => {
		const norrby = ids.customers[NORRBY];
		const operational = norrby.meetings[norrby.forums.operational.id][0];
		const admin = await joined('admin@itmastaren.example', operational);
		// the supplier admin may chair nothing here, so give them the chair first
		expect(await admin.send('duty:assign', { duty: 'chair', party: 'supplier', personId: ids.staff('admin@itmastaren.example').id, scope: 'meeting' })).toEqual({ ok: true });
		expect(await admin.send('vote:open', { changeId: changes[0].id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
	});

	it("answers 404 for another customer's room page, like an unknown meeting", async () => {
		const other = await new ApiClient(server.url).login('avtal@vattensyd.example');
		expect((await other.get(`/meetings/${meetingId}/room`)).status).toBe(404);
		expect((await other.get('/meetings/00000000-0000-4000-8000-000000000000/room')).status).toBe(404);
		const own = await new ApiClient(server.url).login(outsiderEmail);
		expect((await own.get(`/meetings/${meetingId}/room`)).status).toBe(200);
	});
});
