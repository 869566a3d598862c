/**
 * The meeting lifecycle and the projection of documents, on the real server
 * with real collab clients: actions and decisions reach SQL and the API,
 * justering by chair and adjuster with every refusal, locking, addenda,
 * supplier-internal notes, escalation and the next meeting's carry-over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actionItemMap, actionItems, readActions } from '../../src/lib/realtime/actions-doc';
import { readAgenda } from '../../src/lib/realtime/agenda-doc';
import { forumActionsDoc, meetingAgendaDoc, meetingInternalDoc, meetingMinutesDoc } from '../../src/lib/realtime/doc-names';
import { CloseCode } from '../../src/lib/realtime/protocol';
import { ApiClient } from '../helpers/api-client';
import { connectClient, rawSocket, synced, type CollabClient } from '../helpers/collab-client';
import { minutesWriter } from '../helpers/minutes-writer';
import { startServer, type TestServer } from '../helpers/server';
import { openTestDb } from '../helpers/test-db';

let server: TestServer;
let admin: ApiClient;
/** the operational forum's chair and minute-taker in the demo */
let chair: ApiClient;
let minuteTaker: ApiClient;
let customerAdmin: ApiClient;
let member: ApiClient;
let other: ApiClient;
let customerId: string;
let forumId: string;
let tacticalId: string;
let meetingId: string;
/** set by the escalation test */
let escalation: { sourceId: string; copyId: string; tacticalMeetingId: string };
const clients: CollabClient[] = [];

function client(docName: string, cookie: string, connect = true) {
	const c = connectClient(server.url, docName, cookie, { connect });
	clients.push(c);
	return c;
}

async function poll<T>(fn: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
	const start = Date.now();
	for (;;) {
		const v = await fn();
		if (ok(v)) return v;
		if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v).slice(0, 400)}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

const newAction = (title: string, ownerId: string | null, raisedMeetingId: string | null, due: string | null = null) =>
	actionItemMap({
		id: crypto.randomUUID(),
		title,
		description: 'Beskrivning',
		ownerId,
		dueDate: due,
		status: 'open',
		raisedMeetingId,
		closedMeetingId: null,
		escalatedFromId: null,
		escalatedToId: null,
		createdAt: new Date().toISOString(),
		createdBy: null
	});

beforeAll(async () => {
	server = await startServer({ demo: true });
	admin = await new ApiClient(server.url).login('admin@itmastaren.example');
	chair = await new ApiClient(server.url).login('bam@itmastaren.example');
	minuteTaker = await new ApiClient(server.url).login('im@itmastaren.example');
	customerAdmin = await new ApiClient(server.url).login('avtal@norrby.example');
	member = await new ApiClient(server.url).login('it@norrby.example');
	other = await new ApiClient(server.url).login('avtal@vattensyd.example');
	const { body } = await admin.json('GET', '/api/v1/customers');
	customerId = body.customers.find((c: { name: string }) => c.name.startsWith('Norrby')).id;
	const forums = (await admin.json('GET', `/api/v1/customers/${customerId}/forums`)).body.forums as { id: string; templateKey: string }[];
	forumId = forums.find((f) => f.templateKey === 'operational')!.id;
	tacticalId = forums.find((f) => f.templateKey === 'tactical')!.id;
	// A meeting of our own, far in the future, so the demo's meetings stay as they are.
	const res = await admin.json('POST', `/api/v1/forums/${forumId}/meetings`, { title: 'Livscykeltest', startsAt: '2031-03-10T09:00', endsAt: '2031-03-10T10:30', location: 'Rum 1' });
	expect(res.status).toBe(201);
	meetingId = res.body.meeting.id;
}, 60_000);

afterAll(async () => {
	for (const c of clients) c.destroy();
	await server?.stop();
});

describe('projection of the activity list and the minutes', () => {
	it('an action added in the document appears in the forum, customer and my-actions APIs', async () => {
		const me = (await customerAdmin.json('GET', '/api/v1/me')).body;
		const c = client(forumActionsDoc(forumId), customerAdmin.sessionCookie);
		await synced(c);
		actionItems(c.doc).push([newAction('Uppgradera brandväggen', me.person.personId, meetingId, '2020-01-01')]);
		await c.flush();
		const forum = await poll(
			() => admin.json('GET', `/api/v1/forums/${forumId}/actions`),
			(r) => r.body.actions?.some((a: { title: string }) => a.title === 'Uppgradera brandväggen'),
			'the action in the forum API'
		);
		const action = forum.body.actions.find((a: { title: string }) => a.title === 'Uppgradera brandväggen');
		expect(action).toMatchObject({ status: 'open', raisedMeetingId: meetingId, dueDate: '2020-01-01', overdue: true, customerId });
		const open = await customerAdmin.json('GET', `/api/v1/customers/${customerId}/actions?status=open`);
		expect(open.status).toBe(200);
		expect(open.body.actions.map((a: { id: string }) => a.id)).toContain(action.id);
		const done = await customerAdmin.json('GET', `/api/v1/customers/${customerId}/actions?status=done`);
		expect(done.body.actions.map((a: { id: string }) => a.id)).not.toContain(action.id);
		// another customer: the same answer as for an unknown id
		for (const path of [`/api/v1/forums/${forumId}/actions`, `/api/v1/customers/${customerId}/actions`, `/api/v1/customers/${customerId}/decisions`]) {
			expect((await other.json('GET', path)).status).toBe(404);
		}
		expect((await customerAdmin.json('GET', `/api/v1/customers/${customerId}/actions?status=bogus`)).status).toBe(400);
	});

	it('a value of the wrong kind in the document never reaches the tables', async () => {
		const c = client(forumActionsDoc(forumId), admin.sessionCookie);
		await synced(c);
		const bad = newAction('Med främmande ägare', '00000000-0000-4000-8000-000000000000', '11111111-1111-4111-8111-111111111111');
		bad.set('status', 'exploded');
		actionItems(c.doc).push([bad]);
		await c.flush();
		const r = await poll(
			() => admin.json('GET', `/api/v1/forums/${forumId}/actions`),
			(r) => r.body.actions?.some((a: { title: string }) => a.title === 'Med främmande ägare'),
			'the odd action'
		);
		expect(r.body.actions.find((a: { title: string }) => a.title === 'Med främmande ägare')).toMatchObject({ owner: null, raisedMeetingId: null, status: 'open' });
	});

	it('a decision block in the minutes lands in the decision register, searchable', async () => {
		const c = client(meetingMinutesDoc(meetingId), admin.sessionCookie, false);
		const writer = minutesWriter(c.doc);
		c.provider.connect();
		await synced(c);
		await new Promise((r) => setTimeout(r, 100));
		writer.appendDecision(crypto.randomUUID(), 'Vi inför MFA för alla konton senast i juni.');
		await c.flush();
		// typed into the draft minutes of a meeting years ahead: a proposal, not a decision
		const found = await poll(
			() => customerAdmin.json('GET', `/api/v1/customers/${customerId}/decisions?q=MFA&status=proposed`),
			(r) => r.body.decisions?.length === 1,
			'the proposed decision'
		);
		expect(found.body.decisions[0]).toMatchObject({ meetingId, forumId, text: 'Vi inför MFA för alla konton senast i juni.', status: 'proposed' });
		expect((await customerAdmin.json('GET', `/api/v1/customers/${customerId}/decisions?q=MFA`)).body.decisions).toEqual([]);
		expect((await customerAdmin.json('GET', `/api/v1/customers/${customerId}/decisions?q=MFA&status=all`)).body.decisions).toHaveLength(1);
		expect((await customerAdmin.json('GET', `/api/v1/customers/${customerId}/decisions?status=draft`)).status).toBe(400);
		expect((await customerAdmin.json('GET', `/api/v1/customers/${customerId}/decisions?q=100%25&status=all`)).body.decisions).toEqual([]);
		// searched as "find anything" searches: words in any order, accents and endings aside
		expect((await customerAdmin.json('GET', `/api/v1/customers/${customerId}/decisions?q=juni%20infor&status=all`)).body.decisions).toHaveLength(1);
		expect((await customerAdmin.json('GET', `/api/v1/customers/${customerId}/decisions?q=inf%C3%B6ra%20kontona&status=all`)).body.decisions).toHaveLength(1);
		expect((await customerAdmin.json('GET', `/api/v1/customers/${customerId}/decisions?q=juli%20mfa&status=all`)).body.decisions).toEqual([]);
		// the portal leaves proposals out
		const portal = await customerAdmin.json('GET', `/api/v1/customers/${customerId}/reports/meetings?q=MFA`);
		expect(portal.status).toBe(200);
		expect(portal.body.report.decisions).toEqual([]);
		// the register page: not counted, shown apart as "Förslag till beslut"; another customer gets "not found"
		const page = await customerAdmin.get(`/customers/${customerId}/decisions?q=mfa`);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('0 beslut med ”mfa”');
		expect(html).toContain('Förslag till beslut (1)');
		expect(html).toContain('Vi inför MFA för alla konton senast i juni.');
		expect((await other.get(`/customers/${customerId}/decisions`)).status).toBe(404);
	});
});

describe('an action said in the minutes', () => {
	it('the approved record prints it where it was said, as the activity list holds it', async () => {
		const res = await admin.json('POST', `/api/v1/forums/${forumId}/meetings`, { title: 'Aktivitet i protokollet', startsAt: '2031-02-10T09:00', endsAt: '2031-02-10T10:00' });
		expect(res.status).toBe(201);
		const id = res.body.meeting.id as string;
		const me = (await customerAdmin.json('GET', '/api/v1/me')).body.person;
		const actionsClient = client(forumActionsDoc(forumId), minuteTaker.sessionCookie);
		await synced(actionsClient);
		const action = newAction('Ser över brandväggsreglerna', me.personId, id, '2031-02-24');
		actionItems(actionsClient.doc).push([action]);
		// a Y.Map answers only once it is in the document
		const actionId = action.get('id') as string;
		expect(await actionsClient.flush()).toBe('saved');
		const call = async (c: ApiClient, method: string, path: string, body: unknown = {}) => {
			const r = await c.json(method, `/api/v1/meetings/${id}/${path}`, body);
			expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
		};
		await call(admin, 'POST', 'publish');
		await call(chair, 'POST', 'start', { confirmEarly: true });
		const minutes = client(meetingMinutesDoc(id), minuteTaker.sessionCookie, false);
		const writer = minutesWriter(minutes.doc);
		minutes.provider.connect();
		await synced(minutes);
		await new Promise((r) => setTimeout(r, 100));
		writer.appendActionLine(actionId);
		// an action no longer in the list leaves nothing behind
		writer.appendActionLine(crypto.randomUUID());
		expect(await minutes.flush()).toBe('saved');

		await call(admin, 'PUT', 'adjuster', { personId: me.personId });
		await call(chair, 'POST', 'end');
		await call(chair, 'POST', 'approve');
		await call(customerAdmin, 'POST', 'approve');

		const said = `Ser över brandväggsreglerna (${me.name}, 2031-02-24)`;
		for (const format of ['md', 'html']) {
			const raw = await (await customerAdmin.get(`/api/v1/meetings/${id}/minutes?format=${format}`)).text();
			// Markdown escapes its punctuation
			const text = format === 'md' ? raw.replace(/\\(.)/g, '$1') : raw;
			expect(text.split(said).length - 1, format).toBe(1);
		}
	}, 60_000);
});

describe('justering: from planned to approved and locked', () => {
	it('refuses approval before the meeting has been held, and steps out of order', async () => {
		const r = await chair.json('POST', `/api/v1/meetings/${meetingId}/approve`, {});
		expect(r.status).toBe(409);
		expect((await chair.json('POST', `/api/v1/meetings/${meetingId}/end`, {})).status).toBe(409);
		// the supplier admin holds no chair here: running the meeting is the chair's
		expect((await admin.json('POST', `/api/v1/meetings/${meetingId}/start`, {})).status).toBe(403);
	});

	it('publishes the agenda, runs the meeting, names the adjuster; each step with who and when', async () => {
		// a customer member holds no duty: may not publish or start
		expect((await member.json('POST', `/api/v1/meetings/${meetingId}/publish`, {})).status).toBe(403);
		expect((await other.json('POST', `/api/v1/meetings/${meetingId}/publish`, {})).status).toBe(404);
		const pub = await admin.json('POST', `/api/v1/meetings/${meetingId}/publish`, {});
		expect(pub.status).toBe(200);
		expect(pub.body.lifecycle.status).toBe('agenda_published');
		expect(pub.body.lifecycle.steps.agendaPublishedAt).toBeTruthy();

		// an edit after publishing shows as "changed since published"
		const agenda = client(meetingAgendaDoc(meetingId), admin.sessionCookie);
		await synced(agenda);
		const first = agenda.doc.getArray<Y.Map<unknown>>('items').get(0);
		(first.get('title') as Y.Text).insert(0, 'Ändrad: ');
		await agenda.flush();
		await poll(
			() => admin.json('GET', `/api/v1/meetings/${meetingId}/lifecycle`),
			(r) => r.body.lifecycle.agendaChangedSincePublished === true,
			'agenda changed since published'
		);

		expect((await member.json('POST', `/api/v1/meetings/${meetingId}/start`, {})).status).toBe(403);
		// years before its time: refused without a confirmation that names the time, accepted with it
		const early = await chair.json('POST', `/api/v1/meetings/${meetingId}/start`, {});
		expect(early.status).toBe(409);
		expect(early.body.error.message).toMatch(/more than an hour/);
		expect(early.body.error.fields).toMatchObject({ confirmEarly: expect.any(String), startsAt: expect.stringMatching(/^2031-03-10T/) });
		expect(Number(early.body.error.fields.earlyMinutes)).toBeGreaterThan(60);
		expect((await chair.json('GET', `/api/v1/meetings/${meetingId}/lifecycle`)).body.lifecycle.status).toBe('agenda_published');
		expect((await chair.json('POST', `/api/v1/meetings/${meetingId}/start`, { confirmEarly: 'yes' })).status).toBe(400);
		expect((await chair.json('POST', `/api/v1/meetings/${meetingId}/start`, { confirmEarly: true })).status).toBe(200);
		expect((await chair.json('POST', `/api/v1/meetings/${meetingId}/start`, { confirmEarly: true })).status).toBe(409);
		const adjuster = (await customerAdmin.json('GET', '/api/v1/me')).body;
		const adjusterId: string = adjuster.person.personId;
		// the adjuster is a person of the customer, not the supplier
		const supplierMe = (await admin.json('GET', '/api/v1/me')).body;
		expect((await admin.json('PUT', `/api/v1/meetings/${meetingId}/adjuster`, { personId: supplierMe.person.personId })).status).toBe(400);
		expect((await member.json('PUT', `/api/v1/meetings/${meetingId}/adjuster`, { personId: adjusterId })).status).toBe(403);
		const set = await admin.json('PUT', `/api/v1/meetings/${meetingId}/adjuster`, { personId: adjusterId });
		expect(set.status).toBe(200);
		expect(set.body.lifecycle.adjuster.personId).toBe(adjusterId);
		const end = await chair.json('POST', `/api/v1/meetings/${meetingId}/end`, {});
		expect(end.body.lifecycle).toMatchObject({ status: 'minutes_draft', nextStep: 'approve' });
	});

	it('approves by chair and adjuster only, once each, then locks the minutes for everyone', async () => {
		const writer = client(meetingMinutesDoc(meetingId), customerAdmin.sessionCookie);
		await synced(writer);
		expect((await member.json('POST', `/api/v1/meetings/${meetingId}/approve`, {})).status).toBe(403);
		expect((await other.json('POST', `/api/v1/meetings/${meetingId}/approve`, {})).status).toBe(404);
		const byChair = await chair.json('POST', `/api/v1/meetings/${meetingId}/approve`, {});
		expect(byChair.status).toBe(200);
		expect(byChair.body).toMatchObject({ approved: false, role: 'chair' });
		const twice = await chair.json('POST', `/api/v1/meetings/${meetingId}/approve`, {});
		expect(twice.status).toBe(409);
		expect(twice.body.error.message).toMatch(/already approved/);
		const adj = await customerAdmin.json('POST', `/api/v1/meetings/${meetingId}/approve`, {});
		expect(adj.status).toBe(200);
		expect(adj.body).toMatchObject({ approved: true, role: 'adjuster' });
		expect(adj.body.lifecycle.status).toBe('minutes_approved');
		expect((await customerAdmin.json('POST', `/api/v1/meetings/${meetingId}/approve`, {})).status).toBe(409);
		// the delivery figures presented are frozen with the minutes (the agenda has a statistics item)
		const md = await (await customerAdmin.get(`/api/v1/meetings/${meetingId}/minutes?format=md`)).text();
		expect(md).toContain('SLA lösningstid per prioritet');
		expect(md).toContain('Nyckeltal');
		expect(md).toContain('Vi inför MFA för alla konton senast i juni.');
		// justerat: now a decision, in the register, the portal and the API's default list
		const decided = await customerAdmin.json('GET', `/api/v1/customers/${customerId}/decisions?q=MFA`);
		expect(decided.body.decisions).toEqual([expect.objectContaining({ meetingId, status: 'decided' })]);
		expect((await customerAdmin.json('GET', `/api/v1/customers/${customerId}/decisions?q=MFA&status=proposed`)).body.decisions).toEqual([]);
		expect((await customerAdmin.json('GET', `/api/v1/customers/${customerId}/reports/meetings?q=MFA`)).body.report.decisions).toEqual([
			expect.objectContaining({ id: decided.body.decisions[0].id, status: 'decided' })
		]);

		// The writer's connection is re-checked at once and comes back read-only;
		// an edit it sends now is never applied.
		const code = await writer.closed;
		expect(code.code).toBe(CloseCode.accessChanged);
		await synced(writer);
		const before = writer.doc.get('root', Y.XmlText).toString();
		writer.doc.get('root', Y.XmlText).insert(0, 'efter justering');
		await new Promise((r) => setTimeout(r, 300));
		const fresh = client(meetingMinutesDoc(meetingId), admin.sessionCookie);
		await synced(fresh);
		expect(fresh.doc.get('root', Y.XmlText).toString()).toBe(before);
		expect(fresh.doc.get('root', Y.XmlText).toString()).not.toContain('efter justering');
	});

	it('approved by both at the same instant: approved once, with one frozen version', async () => {
		// before the meeting above, so that it stays the forum's latest (the tests below count on it)
		const res = await admin.json('POST', `/api/v1/forums/${forumId}/meetings`, { title: 'Samtidig justering', startsAt: '2030-06-10T09:00', endsAt: '2030-06-10T10:00' });
		const id: string = res.body.meeting.id;
		expect((await admin.json('POST', `/api/v1/meetings/${id}/publish`, {})).status).toBe(200);
		expect((await chair.json('POST', `/api/v1/meetings/${id}/start`, { confirmEarly: true })).status).toBe(200);
		const adjusterId: string = (await customerAdmin.json('GET', '/api/v1/me')).body.person.personId;
		expect((await admin.json('PUT', `/api/v1/meetings/${id}/adjuster`, { personId: adjusterId })).status).toBe(200);
		expect((await chair.json('POST', `/api/v1/meetings/${id}/end`, {})).status).toBe(200);

		const both = await Promise.all([chair.json('POST', `/api/v1/meetings/${id}/approve`, {}), customerAdmin.json('POST', `/api/v1/meetings/${id}/approve`, {})]);
		expect(both.map((r) => r.status)).toEqual([200, 200]);
		const life = (await admin.json('GET', `/api/v1/meetings/${id}/lifecycle`)).body.lifecycle;
		expect(life.status).toBe('minutes_approved');
		expect(life.approvals).toHaveLength(2);
		const db = openTestDb(server.databaseUrl);
		try {
			const versions = await db.selectFrom('minutes_versions').select('kind').where('meeting_id', '=', id).where('kind', '=', 'approved').execute();
			expect(versions).toHaveLength(1);
		} finally {
			await db.destroy();
		}
	});

	it('takes corrections only as dated addenda by the minute-taker', async () => {
		expect((await member.json('POST', `/api/v1/meetings/${meetingId}/addenda`, { text: 'Rättelse' })).status).toBe(403);
		expect((await chair.json('POST', `/api/v1/meetings/${meetingId}/addenda`, { text: 'Rättelse' })).status).toBe(403);
		expect((await minuteTaker.json('POST', `/api/v1/meetings/${meetingId}/addenda`, { text: '' })).status).toBe(400);
		const ok = await minuteTaker.json('POST', `/api/v1/meetings/${meetingId}/addenda`, { text: 'Rättelse: mötet slutade 10.40.' });
		expect(ok.status).toBe(201);
		expect(ok.body.lifecycle.addenda).toEqual([expect.objectContaining({ text: 'Rättelse: mötet slutade 10.40.' })]);
	});
});

describe('supplier-internal notes', () => {
	it('are named and opened for supplier staff only', async () => {
		const asSupplier = await admin.json('GET', `/api/v1/meetings/${meetingId}`);
		expect(asSupplier.body.meeting.documents.internal).toBe(meetingInternalDoc(meetingId));
		const asCustomer = await customerAdmin.json('GET', `/api/v1/meetings/${meetingId}`);
		expect(asCustomer.body.meeting.documents).not.toHaveProperty('internal');
		expect(asCustomer.body.meeting.documents.minutes).toBe(meetingMinutesDoc(meetingId));
		const refused = rawSocket(server.url, meetingInternalDoc(meetingId), customerAdmin.sessionCookie);
		expect((await refused.closed).code).toBe(CloseCode.forbidden);
		const page = await (await customerAdmin.get(`/meetings/${meetingId}`)).text();
		expect(page).not.toContain(meetingInternalDoc(meetingId));
		const supplierPage = await (await admin.get(`/meetings/${meetingId}`)).text();
		expect(supplierPage).toContain(meetingInternalDoc(meetingId));
		// what the supplier writes there never reaches the customer's exports
		const notes = client(meetingInternalDoc(meetingId), admin.sessionCookie);
		await synced(notes);
		notes.doc.get('root', Y.XmlText).insert(0, 'HEMLIGT: marginalen är låg');
		await notes.flush();
		for (const format of ['md', 'html']) {
			const text = await (await customerAdmin.get(`/api/v1/meetings/${meetingId}/minutes?format=${format}`)).text();
			expect(text).not.toContain('HEMLIGT');
		}
	});
});

describe('across meetings', () => {
	it('escalates an action to the tactical forum with its history, once', async () => {
		const list = (await admin.json('GET', `/api/v1/forums/${forumId}/actions?status=open`)).body.actions as { id: string; title: string }[];
		const action = list.find((a) => a.title === 'Uppgradera brandväggen')!;
		expect((await member.json('POST', `/api/v1/forums/${forumId}/actions/${action.id}/escalate`, {})).status).toBe(403);
		expect((await other.json('POST', `/api/v1/forums/${forumId}/actions/${action.id}/escalate`, {})).status).toBe(404);
		const r = await customerAdmin.json('POST', `/api/v1/forums/${forumId}/actions/${action.id}/escalate`, {});
		expect(r.status).toBe(201);
		expect(r.body.escalated.forumId).toBe(tacticalId);
		expect((await customerAdmin.json('POST', `/api/v1/forums/${forumId}/actions/${action.id}/escalate`, {})).status).toBe(409);
		const up = await poll(
			() => admin.json('GET', `/api/v1/forums/${tacticalId}/actions`),
			(r) => r.body.actions?.some((a: { id: string }) => a.id === r.body.actions.find((x: { escalatedFromId: string }) => x.escalatedFromId === action.id)?.id),
			'the escalated copy'
		);
		const copy = up.body.actions.find((a: { escalatedFromId: string }) => a.escalatedFromId === action.id);
		expect(copy.title).toBe('Uppgradera brandväggen');
		expect(copy.description).toMatch(/Eskalerad .* från/);
		const c = client(forumActionsDoc(forumId), admin.sessionCookie);
		await synced(c);
		expect(readActions(c.doc).find((a) => a.id === action.id)?.escalatedToId).toBe(copy.id);
		// both ends name each other: forum, meeting and action
		const source = (await customerAdmin.json('GET', `/api/v1/forums/${forumId}/actions`)).body.actions.find((a: { id: string }) => a.id === action.id);
		expect(copy.escalatedFrom).toMatchObject({ forumId, forumName: { sv: expect.any(String) }, meetingId, meetingTitle: 'Livscykeltest', actionId: action.id, actionTitle: 'Uppgradera brandväggen' });
		expect(source.escalatedTo).toMatchObject({ forumId: tacticalId, actionId: copy.id, actionTitle: 'Uppgradera brandväggen' });
		// the copy is raised in the tactical forum's next meeting, which takes it up
		expect(source.escalatedTo.meetingId).toBeTruthy();
		expect(copy.raisedMeetingId).toBe(source.escalatedTo.meetingId);
		expect(source.escalatedFrom).toBeNull();
		expect(copy.escalatedTo).toBeNull();
		escalation = { sourceId: action.id, copyId: copy.id, tacticalMeetingId: copy.raisedMeetingId };
	});

	it('the next meeting links the previous minutes and still shows the open action', async () => {
		const res = await admin.json('POST', `/api/v1/forums/${forumId}/meetings`, { title: 'Nästa möte', startsAt: '2031-04-14T09:00', endsAt: '2031-04-14T10:00' });
		const nextId = res.body.meeting.id as string;
		const agenda = client(meetingAgendaDoc(nextId), admin.sessionCookie);
		await synced(agenda);
		const items = readAgenda(agenda.doc);
		const previous = items.find((i) => i.kind === 'previous_minutes');
		expect(previous?.previousMeetingId).toBe(meetingId);
		const life = await admin.json('GET', `/api/v1/meetings/${nextId}/lifecycle`);
		expect(life.body.lifecycle.previous).toMatchObject({ id: meetingId, status: 'minutes_approved' });
		// the chair confirms the previous minutes at that item
		expect((await member.json('POST', `/api/v1/meetings/${nextId}/confirm-previous`, {})).status).toBe(403);
		expect((await chair.json('POST', `/api/v1/meetings/${nextId}/confirm-previous`, {})).status).toBe(200);
		const prev = await admin.json('GET', `/api/v1/meetings/${meetingId}/lifecycle`);
		expect(prev.body.lifecycle.status).toBe('confirmed');
		// open actions of the forum follow into the next meeting (the forum's list spans meetings)
		const open = await admin.json('GET', `/api/v1/forums/${forumId}/actions?status=open`);
		expect(open.body.actions.some((a: { raisedMeetingId: string }) => a.raisedMeetingId === meetingId)).toBe(true);
	});

	it('the exported minutes of both meetings name the other end of the escalation', async () => {
		const personId = async (c: ApiClient) => (await c.json('GET', '/api/v1/me')).body.person.personId as string;
		/** publish, start (early, confirmed), name the adjuster, end, approve by both */
		const hold = async (id: string, chairOf: ApiClient, adjuster: ApiClient) => {
			const call = async (c: ApiClient, method: string, path: string, body: unknown = {}) => {
				const r = await c.json(method, `/api/v1/meetings/${id}/${path}`, body);
				expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
			};
			const status = (await admin.json('GET', `/api/v1/meetings/${id}/lifecycle`)).body.lifecycle.status;
			if (status === 'planned') await call(admin, 'POST', 'publish');
			await call(chairOf, 'POST', 'start', { confirmEarly: true });
			await call(admin, 'PUT', 'adjuster', { personId: await personId(adjuster) });
			await call(chairOf, 'POST', 'end');
			await call(chairOf, 'POST', 'approve');
			await call(adjuster, 'POST', 'approve');
		};
		const meetings = (await admin.json('GET', `/api/v1/forums/${forumId}/meetings`)).body.meetings as { id: string; title: string }[];
		const nextId = meetings.find((mt) => mt.title === 'Nästa möte')!.id;
		const source = (await admin.json('GET', `/api/v1/forums/${forumId}/actions`)).body.actions.find((a: { id: string }) => a.id === escalation.sourceId);
		const opName: string = (await admin.json('GET', `/api/v1/forums/${forumId}`)).body.forum.name.sv;
		const tacticalMeeting = (await admin.json('GET', `/api/v1/meetings/${escalation.tacticalMeetingId}`)).body.meeting;

		// the operational forum's next meeting: the still open source action says where it went
		await hold(nextId, chair, customerAdmin);
		const up = `Eskalerad till: ${source.escalatedTo.forumName.sv}, mötet ${tacticalMeeting.title}`;
		for (const format of ['md', 'html']) {
			const text = await (await customerAdmin.get(`/api/v1/meetings/${nextId}/minutes?format=${format}`)).text();
			expect(text).toContain(up);
			expect(text).toContain('aktiviteten ”Uppgradera brandväggen”');
		}
		const en = await (await customerAdmin.get(`/api/v1/meetings/${nextId}/minutes?format=md&lang=en`)).text();
		expect(en).toContain(`Escalated to: ${source.escalatedTo.forumName.en}, meeting ${tacticalMeeting.title}`);

		// the tactical meeting that took it up: the copy says where it came from
		await hold(escalation.tacticalMeetingId, customerAdmin, member);
		for (const format of ['md', 'html']) {
			const text = await (await customerAdmin.get(`/api/v1/meetings/${escalation.tacticalMeetingId}/minutes?format=${format}`)).text();
			expect(text).toContain(`Eskalerad från: ${opName}, mötet Livscykeltest (10 mars 2031), aktiviteten ”Uppgradera brandväggen”`);
		}
	}, 60_000);
});
