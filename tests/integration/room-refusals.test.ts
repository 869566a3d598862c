/**
 * The live room (issue 6) against the real server with socket.io-client:
 * every refusal of the issue answers with an error event and changes nothing,
 * malformed payloads are rejected without disturbing the room, another
 * customer's room is "not found" like an unknown id, and a dropped
 * participant reconnects into the same state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readAgenda } from '../../src/lib/realtime/agenda-doc';
import { meetingAgendaDoc } from '../../src/lib/realtime/doc-names';
import { ApiClient } from '../helpers/api-client';
import { connectClient, synced } from '../helpers/collab-client';
import { demoIds, NORRBY, VATTENSYD, type DemoIds } from '../helpers/demo-ids';
import { connected, roomClient, until, type RoomClient } from '../helpers/room-client';
import { startServer, type TestServer } from '../helpers/server';

describe('live room: refusals and bad input', () => {
	let server: TestServer;
	let ids: DemoIds;
	let meetingId: string;
	let otherMeetingId: string;
	let itemIds: string[];
	const api: Record<string, ApiClient> = {};
	const clients: RoomClient[] = [];
	/** the Norrby tactical forum: avtal@norrby chairs, bam@itmastaren presents */
	let chair: RoomClient;
	let presenter: RoomClient;
	let member: RoomClient;

	const open = async (email: string, opts: Parameters<typeof roomClient>[2] = {}) => {
		const c = roomClient(server.url, api[email].sessionCookie, opts);
		clients.push(c);
		await connected(c);
		return c;
	};
	const joined = async (email: string) => {
		const c = await open(email);
		expect(await c.join(meetingId)).toEqual({ ok: true });
		await until(() => c.state !== null && c.you !== null, 5_000, `${email} state`);
		return c;
	};
	const chairOf = (c: RoomClient) => c.state!.duties.find((d) => d.duty === 'chair')!;

	beforeAll(async () => {
		server = await startServer({ demo: true });
		ids = await demoIds(server.url);
		for (const email of ['admin@itmastaren.example', 'bam@itmastaren.example', 'im@itmastaren.example', 'avtal@norrby.example', 'it@norrby.example', 'avtal@vattensyd.example']) {
			api[email] = await new ApiClient(server.url).login(email);
		}
		const norrby = ids.customers[NORRBY];
		meetingId = norrby.meetings[norrby.forums.tactical.id][0];
		const syd = ids.customers[VATTENSYD];
		otherMeetingId = syd.meetings[syd.forums.tactical.id][0];
		const agenda = connectClient(server.url, meetingAgendaDoc(meetingId), api['bam@itmastaren.example'].sessionCookie);
		await synced(agenda);
		itemIds = readAgenda(agenda.doc as Y.Doc).map((i) => i.id);
		agenda.destroy();
		expect(itemIds.length).toBeGreaterThan(1);
		chair = await joined('avtal@norrby.example');
		presenter = await joined('bam@itmastaren.example');
		member = await joined('it@norrby.example');
	});

	afterAll(async () => {
		for (const c of clients) c.close();
		await server?.stop();
	});

	it('refuses a handshake without a session, and one from another site', async () => {
		const anonymous = roomClient(server.url, '');
		clients.push(anonymous);
		await expect(connected(anonymous)).rejects.toMatchObject({ data: { code: 'unauthenticated' } });
		const foreign = roomClient(server.url, api['it@norrby.example'].sessionCookie, { origin: 'https://evil.example' });
		clients.push(foreign);
		await expect(connected(foreign)).rejects.toMatchObject({ data: { code: 'forbidden' } });
	});

	it('shows who is in the room, by side', () => {
		const people = member.state!.participants;
		expect(people.map((p) => p.side)).toEqual(['supplier', 'customer', 'customer']);
		expect(people.map((p) => p.personId).sort()).toEqual(
			[ids.staff('bam@itmastaren.example').id, ids.customers[NORRBY].person('avtal@norrby.example').id, ids.customers[NORRBY].person('it@norrby.example').id].sort()
		);
	});

	it("refuses another customer's room exactly like an unknown meeting", async () => {
		const outsider = await open('avtal@vattensyd.example');
		const foreign = await outsider.join(meetingId);
		const unknown = await outsider.join('00000000-0000-4000-8000-000000000000');
		expect(foreign).toEqual({ ok: false, error: { event: 'room:join', code: 'not_found', message: 'Meeting not found' } });
		expect(unknown).toEqual(foreign);
		expect(outsider.errors.map((e) => e.code)).toEqual(['not_found', 'not_found']);
		expect(outsider.state).toBeNull();
		// and nothing of the room reaches them afterwards
		expect(await outsider.send('hand:raise', {})).toMatchObject({ ok: false, error: { code: 'not_joined' } });
		await presenter.send('present:start', {});
		await new Promise((r) => setTimeout(r, 200));
		expect(outsider.slides).toEqual([]);
		expect(member.state!.participants).toHaveLength(3);
		// their own meeting opens
		expect(await outsider.join(otherMeetingId)).toEqual({ ok: true });
	});

	it('lets only the presenter (or the chair) move the slides', async () => {
		expect(await presenter.send('slide:go', { slide: 2 })).toEqual({ ok: true });
		await until(() => member.slides.at(-1)?.slide === 2, 2_000, 'followers on slide 2');
		const before = member.slides.length;
		const refused = await member.send('slide:go', { slide: 5 });
		expect(refused).toMatchObject({ ok: false, error: { event: 'slide:go', code: 'forbidden' } });
		expect(member.errors.at(-1)).toMatchObject({ event: 'slide:go', code: 'forbidden' });
		await new Promise((r) => setTimeout(r, 200));
		expect(member.slides.length).toBe(before);
		expect(chair.slides.at(-1)?.slide).toBe(2);
	});

	it('lets only the chair set the current item', async () => {
		const refused = await presenter.send('item:set', { itemId: itemIds[1] });
		expect(refused).toMatchObject({ ok: false, error: { event: 'item:set', code: 'forbidden' } });
		expect(await member.send('item:set', { itemId: itemIds[1] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect(member.state!.currentItem).toBeNull();
		expect(await chair.send('item:set', { itemId: itemIds[0] })).toEqual({ ok: true });
		await until(() => member.state!.currentItem?.id === itemIds[0], 2_000, 'current item for everyone');
		// an id that is not on this agenda is bad input, not a new item
		expect(await chair.send('item:set', { itemId: 'no-such-item' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
		expect(member.state!.currentItem?.id).toBe(itemIds[0]);
	});

	it('takes slide notes from whom the room tells may write them (presenter, chair, minute-taker), refuses the others', async () => {
		expect(presenter.you!.canWriteNotes).toBe(true);
		expect(chair.you!.canWriteNotes).toBe(true);
		expect(member.you!.canWriteNotes).toBe(false);
		expect(await member.send('note:set', { slide: 'sla', text: 'Från en medlem' })).toMatchObject({ ok: false, error: { event: 'note:set', code: 'forbidden' } });
		expect(await presenter.send('note:set', { slide: 'sla', text: 'Svarstiderna höll' })).toEqual({ ok: true });
	});

	it('refuses a customer member reassigning the chair', async () => {
		const itId = ids.customers[NORRBY].person('it@norrby.example').id;
		const refused = await member.send('duty:assign', { duty: 'chair', party: 'customer', personId: itId, scope: 'meeting' });
		expect(refused).toMatchObject({ ok: false, error: { event: 'duty:assign', code: 'forbidden' } });
		expect(chairOf(member).personId).toBe(ids.customers[NORRBY].person('avtal@norrby.example').id);
		// nor for the forum
		expect(await member.send('duty:assign', { duty: 'chair', party: 'customer', personId: itId, scope: 'forum' })).toMatchObject({ ok: false });
		// the customer admin hands duties to the customer side only
		const toSupplier = await chair.send('duty:assign', { duty: 'minute_taker', party: 'supplier', personId: ids.staff('im@itmastaren.example').id, scope: 'meeting' });
		expect(toSupplier).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		const audit = await api['avtal@norrby.example'].json('GET', `/api/v1/audit?customerId=${ids.customers[NORRBY].id}`);
		expect((audit.body.entries as { action: string }[]).filter((e) => e.action === 'meeting.duty.assign')).toEqual([]);
	});

	it('rejects malformed payloads without disturbing the room', async () => {
		const statesBefore = member.states.length;
		const bad: [string, unknown[]][] = [
			['slide:go', [{ slide: 'three' }]],
			['slide:go', [{ slide: 99 }]],
			['slide:go', [{ slide: 1, extra: true }]],
			['slide:go', []],
			['present:start', [{ slide: -1 }]],
			['present:start', [{ from: 2 }]],
			['item:set', [{ itemId: 42 }]],
			['duty:assign', [{ duty: 'king', party: 'customer', personId: null, scope: 'meeting' }]],
			['note:set', [{ slide: 'sla', text: 'x'.repeat(5000) }]],
			['vote:cast', [{ changeId: 'not-a-uuid', choice: 'approve' }]],
			['room:join', [{ meetingId: 'x' }]],
			['no:such:event', [{}]]
		];
		for (const [event, args] of bad) {
			const ack = await presenter.raw(event, ...args);
			expect(ack, event).toMatchObject({ ok: false, error: { event, code: 'invalid' } });
		}
		expect(presenter.socket.connected).toBe(true);
		expect(member.socket.connected).toBe(true);
		expect(member.states.length).toBe(statesBefore);
		expect(member.state!.slide).toBe(2);
		// the room still works
		expect(await presenter.send('slide:go', { slide: 3 })).toEqual({ ok: true });
		await until(() => member.slides.at(-1)?.slide === 3, 2_000, 'slide 3');
	});

	it('starts presenting on the slide named in the start, and a move sent right after the start stays', async () => {
		// sent back to back, as a presenter pressing → at once after "start presenting"
		const [started, moved] = await Promise.all([presenter.send('present:start', { slide: 5 }), presenter.send('slide:go', { slide: 6 })]);
		expect([started, moved]).toEqual([{ ok: true }, { ok: true }]);
		await until(() => member.slides.at(-1)?.slide === 6, 2_000, 'followers on slide 6');
		expect(member.slides.slice(-2).map((s) => s.slide)).toEqual([5, 6]);
		await new Promise((r) => setTimeout(r, 200));
		expect(chair.slides.at(-1)).toMatchObject({ slide: 6, presenting: true, presenterId: ids.staff('bam@itmastaren.example').id });
		expect(await presenter.send('slide:go', { slide: 3 })).toEqual({ ok: true });
		await until(() => member.slides.at(-1)?.slide === 3, 2_000, 'slide 3 again');
	});

	it('hands the chair over live, with the controls, and audits it', async () => {
		const itId = ids.customers[NORRBY].person('it@norrby.example').id;
		expect(chair.you!.canRun).toBe(true);
		expect(member.you!.canRun).toBe(false);
		expect(await chair.send('duty:assign', { duty: 'chair', party: 'customer', personId: itId, scope: 'meeting' })).toEqual({ ok: true });
		for (const c of [chair, presenter, member]) await until(() => chairOf(c).personId === itId, 1_000, 'new chair seen by all');
		await until(() => member.you!.canRun && !chair.you!.canRun, 1_000, 'controls moved');
		// chair-only controls moved with it
		expect(await chair.send('item:set', { itemId: itemIds[1] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect(await member.send('item:set', { itemId: itemIds[1] })).toEqual({ ok: true });
		const audit = await api['avtal@norrby.example'].json('GET', `/api/v1/audit?customerId=${ids.customers[NORRBY].id}`);
		const entry = (audit.body.entries as { action: string; entityId: string; after: { duty: string; person: string } }[]).find((e) => e.action === 'meeting.duty.assign');
		expect(entry).toMatchObject({ entityId: meetingId, after: { duty: 'chair', person: 'Oskar Falk' } });
	});

	it('lets only the chair start the meeting and restart the timer', async () => {
		expect(await presenter.send('meeting:start', {})).toMatchObject({ ok: false, error: { event: 'meeting:start', code: 'forbidden' } });
		expect(await chair.send('timer:restart', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect(member.state!.status).toBe('planned');
		const before = member.state!.currentItem!.startedAt;
		expect(await member.send('meeting:start', {})).toEqual({ ok: true });
		await until(() => presenter.state!.status === 'in_progress', 2_000, 'in progress for all');
		await new Promise((r) => setTimeout(r, 5));
		expect(await member.send('timer:restart', {})).toEqual({ ok: true });
		await until(() => presenter.state!.currentItem!.startedAt > before, 2_000, 'timer restarted for all');
		expect(await member.send('meeting:start', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
	});

	it('lets anyone raise a hand, the chair see the queue and lower others', async () => {
		expect(await presenter.send('hand:raise', {})).toEqual({ ok: true });
		expect(await chair.send('hand:raise', {})).toEqual({ ok: true });
		await until(() => member.state!.hands.length === 2, 2_000, 'two hands');
		expect(member.state!.hands.map((h) => h.personId)).toEqual([ids.staff('bam@itmastaren.example').id, ids.customers[NORRBY].person('avtal@norrby.example').id]);
		// not the chair any more: may lower only their own
		expect(await chair.send('hand:lower', { personId: ids.staff('bam@itmastaren.example').id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect(await member.send('hand:lower', { personId: ids.staff('bam@itmastaren.example').id })).toEqual({ ok: true });
		expect(await chair.send('hand:lower', {})).toEqual({ ok: true });
		await until(() => member.state!.hands.length === 0, 2_000, 'hands lowered');
	});

	it('brings a dropped participant back into the same state', async () => {
		const dropped = await open('bam@itmastaren.example', { reconnection: true, rejoin: meetingId });
		await until(() => dropped.state !== null, 2_000, 'joined');
		// a late joiner lands on the current slide
		expect(dropped.state).toMatchObject({ slide: 3, presenting: true, presenterId: ids.staff('bam@itmastaren.example').id });
		await dropped.send('hand:raise', {});
		await until(() => member.state!.hands.length === 1, 2_000, 'hand up');
		const seen = dropped.states.length;
		// cut the transport under the client, as a network drop would
		(dropped.socket.io.engine as unknown as { close(): void }).close();
		await until(() => dropped.states.length > seen && dropped.socket.connected, 5_000, 'reconnected and re-joined');
		const state = dropped.state!;
		expect(state.slide).toBe(3);
		expect(state.presenting).toBe(true);
		expect(state.currentItem?.id).toBe(itemIds[1]);
		expect(state.hands.map((h) => h.personId)).toEqual([ids.staff('bam@itmastaren.example').id]);
		expect(chairOf(dropped).personId).toBe(ids.customers[NORRBY].person('it@norrby.example').id);
	});

	it('lets the presenter pass the presentation on, and only the new presenter move the slides', async () => {
		const im = ids.staff('im@itmastaren.example').id;
		expect(await member.send('present:pass', { personId: im })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect(await presenter.send('present:pass', { personId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
		expect(await presenter.send('present:pass', { personId: im })).toEqual({ ok: true });
		await until(() => member.state!.presenterId === im && member.state!.duties.find((d) => d.duty === 'presenter')!.personId === im, 2_000, 'new presenter');
		await until(() => presenter.you!.canPresent === false, 2_000, 'old presenter lost the slides');
		expect(await presenter.send('slide:go', { slide: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect(member.state!.slide).toBe(3);
		const newPresenter = await open('im@itmastaren.example');
		await newPresenter.join(meetingId);
		expect(await newPresenter.send('slide:go', { slide: 4 })).toEqual({ ok: true });
		await until(() => member.slides.at(-1)?.slide === 4, 2_000, 'followers follow the new presenter');
	});

	it('keeps the current item across a server restart', async () => {
		for (const c of clients) c.close();
		await server.stop({ keepData: true });
		server = await startServer({ demo: true, dataDir: server.dataDir });
		for (const email of ['it@norrby.example']) api[email] = await new ApiClient(server.url).login(email);
		const again = await joined('it@norrby.example');
		expect(again.state!.currentItem?.id).toBe(itemIds[1]);
	});
});
