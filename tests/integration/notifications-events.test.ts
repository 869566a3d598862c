/**
 * The notification events beyond the kallelse and justering (issue 16), end
 * to end against the real server and a real SMTP server in this process:
 * an action assigned, escalated, carried over, due soon and overdue; a duty
 * handed over or taken; the justering reminder; the daily digest. Each goes
 * to the right people in their language with the right link, and never to
 * anyone of another customer. The sweep runs here against the server's own
 * database with a given time, twice at once, and queues each reminder once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionItemMap, actionItems, findActionMap } from '../../src/lib/realtime/actions-doc';
import { forumActionsDoc } from '../../src/lib/realtime/doc-names';
import { sweepReminders } from '../../src/lib/server/domain/meetings/reminder-sweep';
import { todayInStockholm } from '../../src/lib/server/domain/meetings/actions.service';
import { dayAfter } from '../../src/lib/server/domain/meetings/reminder-rules';
import { ApiClient } from '../helpers/api-client';
import { connectClient, eventuallyAsync, synced, type CollabClient } from '../helpers/collab-client';
import { demoIds, NORRBY, VATTENSYD, type DemoIds } from '../helpers/demo-ids';
import { connected, roomClient } from '../helpers/room-client';
import { startServer, type TestServer } from '../helpers/server';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { openTestDb } from '../helpers/test-db';

let sink: SmtpSink;
let server: TestServer;
let ids: DemoIds;
let admin: ApiClient;
let chair: ApiClient;
let adjusterClient: ApiClient;
let opForum: string;
let tacticalForum: string;
let meetingId: string;
let actions: CollabClient;
let db: ReturnType<typeof openTestDb>;
/** a customer member of the operational forum who reads mail in English */
let english: { id: string; email: string };
const bam = { id: '', email: 'bam@itmastaren.example' };
const adjuster = { id: '', email: 'avtal@norrby.example' };
let adminPerson: { id: string; name: string; email: string };
const actionIds = { a: crypto.randomUUID(), own: crypto.randomUUID(), other: crypto.randomUUID(), d: crypto.randomUUID(), e: crypto.randomUUID() };
const today = todayInStockholm();

const subjectsTo = (email: string) => sink.mailsTo(email).map((m) => m.parsed.subject ?? '');
const mailTo = (email: string, subject: string) => sink.mailsTo(email).find((m) => m.parsed.subject === subject);
const outboxRows = (kind: string) => db.selectFrom('notification_outbox').select(['person_id', 'channel', 'status', 'idempotency_key']).where('kind', '=', kind).execute();
const pushAction = (id: string, title: string, ownerId: string | null, dueDate: string | null) =>
	actionItems(actions.doc).push([
		actionItemMap({ id, title, description: '', ownerId, dueDate, status: 'open', raisedMeetingId: null, closedMeetingId: null, escalatedFromId: null, escalatedToId: null, createdAt: new Date().toISOString(), createdBy: adminPerson.id })
	]);
const daysAgo = (n: number) => new Date(Date.now() - n * 24 * 3600_000 - 60_000).toISOString();

beforeAll(async () => {
	sink = await startSmtpSink();
	// the sweep runs from the tests only, with the time they give it
	server = await startServer({ demo: true, env: { SMTP_URL: sink.url, NOTIFY_POLL_MS: '150', NOTIFY_SWEEP_MS: '0' } });
	ids = await demoIds(server.url);
	admin = await new ApiClient(server.url).login('admin@itmastaren.example');
	chair = await new ApiClient(server.url).login(bam.email);
	adjusterClient = await new ApiClient(server.url).login(adjuster.email);
	const norrby = ids.customers[NORRBY];
	opForum = norrby.forums.operational.id;
	tacticalForum = norrby.forums.tactical.id;
	bam.id = ids.staff(bam.email).id;
	adjuster.id = norrby.person(adjuster.email).id;
	adminPerson = ids.staff('admin@itmastaren.example');
	const customerMember = norrby.forums.operational.members.find((m) => m.party === 'customer' && m.personId !== adjuster.id)!;
	english = { id: customerMember.personId, email: norrby.people.find((p) => p.id === customerMember.personId)!.email };
	db = openTestDb(server.databaseUrl);
	await db.insertInto('notification_settings').values({ person_id: english.id, locale: 'en', updated_at: new Date().toISOString() }).execute();
	const res = await admin.json('POST', `/api/v1/forums/${opForum}/meetings`, { title: 'Händelsetest', startsAt: '2031-06-10T09:00', endsAt: '2031-06-10T10:00' });
	expect(res.status).toBe(201);
	meetingId = res.body.meeting.id;
	actions = connectClient(server.url, forumActionsDoc(opForum), admin.sessionCookie);
	await synced(actions);
}, 120_000);

afterAll(async () => {
	actions?.destroy();
	await db?.destroy();
	await server?.stop();
	await sink?.close();
});

describe('an action assigned', () => {
	it('tells the new owner in their language with a link to the forum; not one who took it themselves, nor another customer', async () => {
		const outsider = ids.customers[VATTENSYD].people[0];
		pushAction(actionIds.a, 'Byt brandväggsregler', english.id, null);
		pushAction(actionIds.own, 'Egen uppgift', adminPerson.id, null);
		// an owner of another customer is projected as none: nobody is told
		pushAction(actionIds.other, 'Fel kund', outsider.id, null);
		pushAction(actionIds.d, 'Uppdatera rutinbeskrivning', english.id, dayAfter(today, 2));
		pushAction(actionIds.e, 'Stäng gamla konton', bam.id, dayAfter(today, -1));
		await actions.flush();
		// the rows of one transaction are delivered in no particular order: wait for each
		await sink.waitFor(
			() =>
				subjectsTo(english.email).includes('New action for you: Byt brandväggsregler') &&
				subjectsTo(english.email).includes('New action for you: Uppdatera rutinbeskrivning') &&
				subjectsTo(bam.email).includes('Ny aktivitet till dig: Stäng gamla konton'),
			'the assignments'
		);
		const mail = mailTo(english.email, 'New action for you: Byt brandväggsregler')!;
		expect(mail.parsed.text).toContain('An action has been assigned to you.');
		expect(mail.parsed.text).toContain(`${server.url}/forums/${opForum}`);
		expect(mail.parsed.html).toContain(`href="${server.url}/forums/${opForum}"`);

		// the owner changes: the new one is told
		findActionMap(actions.doc, actionIds.a)!.set('ownerId', bam.id);
		await actions.flush();
		await sink.waitFor(() => subjectsTo(bam.email).includes('Ny aktivitet till dig: Byt brandväggsregler'), 'the new owner told');
		const assigned = await outboxRows('action.assigned');
		expect(assigned.filter((r) => r.channel === 'email').map((r) => r.person_id).sort()).toEqual([english.id, english.id, bam.id, bam.id].sort());
		expect(subjectsTo(adminPerson.email).some((s) => s.includes('Egen uppgift'))).toBe(false);
		expect(sink.mails.filter((m) => m.parsed.subject?.includes('Fel kund'))).toEqual([]);
	});
});

describe('a duty handed over', () => {
	it("tells who got it and who lost it, naming who did it, in each one's language; never the one who did it", async () => {
		// for the forum: the person who gets the minute-taker's duty is told, about the forum's next meeting
		const formerHolder = ids.customers[NORRBY].forums.operational.duties.find((d) => d.duty === 'minute_taker')?.personId ?? null;
		const forumWide = await admin.json('PUT', `/api/v1/forums/${opForum}/duties/minute_taker`, { party: 'customer', personId: english.id });
		expect(forumWide.status).toBe(200);
		await sink.waitFor(() => subjectsTo(english.email).some((s) => s.startsWith('Duty changed: ')), 'the forum-wide duty to its new holder');
		const given = sink.mailsTo(english.email).find((m) => m.parsed.subject?.startsWith('Duty changed: '))!;
		expect(given.parsed.text).toContain(`${adminPerson.name} has given you the duty of minute-taker for the meeting.`);
		expect(given.parsed.text).toMatch(new RegExp(`${server.url}/meetings/[0-9a-f-]{36}`));

		// for one meeting, in the live room: taken from the forum's holder, given to the adjuster
		const room = roomClient(server.url, admin.sessionCookie);
		try {
			await connected(room);
			expect(await room.join(meetingId)).toEqual({ ok: true });
			expect(await room.send('duty:assign', { duty: 'minute_taker', party: 'customer', personId: adjuster.id, scope: 'meeting' })).toEqual({ ok: true });
			await sink.waitFor(() => subjectsTo(adjuster.email).includes('Ändrat uppdrag: Händelsetest') && subjectsTo(english.email).includes('Duty changed: Händelsetest'), 'given and taken');
			expect(mailTo(adjuster.email, 'Ändrat uppdrag: Händelsetest')!.parsed.text).toContain(`${adminPerson.name} har gett dig uppdraget protokollförare för mötet.`);
			expect(mailTo(english.email, 'Duty changed: Händelsetest')!.parsed.text).toContain(`${adminPerson.name} has moved the duty of minute-taker for the meeting away from you.`);
			expect(mailTo(adjuster.email, 'Ändrat uppdrag: Händelsetest')!.parsed.text).toContain(`${server.url}/meetings/${meetingId}`);
			// taken by the actor themself: the one who lost it is told, the actor is not
			expect(await room.send('duty:assign', { duty: 'minute_taker', party: 'supplier', personId: adminPerson.id, scope: 'meeting' })).toEqual({ ok: true });
			await sink.waitFor(() => subjectsTo(adjuster.email).filter((s) => s === 'Ändrat uppdrag: Händelsetest').length === 2, 'taken from the adjuster');
		} finally {
			room.close();
		}
		const duty = await outboxRows('duty.changed');
		expect(duty.some((r) => r.person_id === adminPerson.id)).toBe(false);
		const mailed = duty.filter((r) => r.channel === 'email').map((r) => r.person_id);
		// the forum's former holder (if one was named) lost it at the first change
		expect(mailed.sort()).toEqual([english.id, english.id, adjuster.id, adjuster.id, ...(formerHolder && formerHolder !== adminPerson.id ? [formerHolder] : [])].sort());
	});
});

describe('an action escalated', () => {
	it("tells the higher forum's members and the owner, not as a new assignment", async () => {
		const res = await chair.json('POST', `/api/v1/forums/${opForum}/actions/${actionIds.a}/escalate`, {});
		expect(res.status).toBe(201);
		expect(res.body.escalated.forumId).toBe(tacticalForum);
		const norrby = ids.customers[NORRBY];
		const emailOf = (personId: string) => norrby.people.find((p) => p.id === personId)?.email ?? ids.supplierStaff.find((p) => p.id === personId)!.email;
		const expected = [...new Set([...norrby.forums.tactical.members.map((m) => m.personId), bam.id])];
		await sink.waitFor(() => expected.every((p) => sink.mailsTo(emailOf(p)).some((m) => /^(Eskalerad aktivitet|Escalated action): Byt brandväggsregler$/.test(m.parsed.subject ?? ''))), 'the escalation to every member and the owner');
		const rows = await outboxRows('action.escalated');
		expect(rows.filter((r) => r.channel === 'email').map((r) => r.person_id).sort()).toEqual(expected.sort());
		const toBam = sink.mailsTo(bam.email).find((m) => m.parsed.subject === 'Eskalerad aktivitet: Byt brandväggsregler')!;
		expect(toBam.parsed.text).toContain('En aktivitet har eskalerats till');
		expect(toBam.parsed.text).toContain(`${server.url}/forums/${tacticalForum}`);
		// the copy's owner is not told "assigned" again
		expect((await outboxRows('action.assigned')).filter((r) => r.channel === 'email').length).toBe(4);
	});
});

describe('the meeting ends', () => {
	it("carries the forum's open actions over: their owners are told (daily digest by default)", async () => {
		expect((await chair.json('POST', `/api/v1/meetings/${meetingId}/start`, { confirmEarly: true })).status).toBe(200);
		expect((await admin.json('PUT', `/api/v1/meetings/${meetingId}/adjuster`, { personId: adjuster.id })).status).toBe(200);
		expect((await chair.json('POST', `/api/v1/meetings/${meetingId}/end`, {})).status).toBe(200);
		const rows = await outboxRows('action.carried_over');
		const mails = rows.filter((r) => r.channel === 'email');
		// A and E (bam), D (the English reader), the admin's own; not the action owned by nobody
		expect(mails.map((r) => r.person_id).sort()).toEqual([bam.id, bam.id, english.id, adminPerson.id].sort());
		expect(mails.every((r) => r.status === 'digest')).toBe(true);
		expect(rows.filter((r) => r.channel === 'inapp').length).toBe(4);
	});
});

describe('the reminder sweep', () => {
	it('queues due-soon and overdue once, even run twice at once', async () => {
		await Promise.all([sweepReminders(db), sweepReminders(db)]);
		await sweepReminders(db);
		const soon = await outboxRows('action.due_soon');
		expect(soon.filter((r) => r.channel === 'email').map((r) => `${r.person_id}:${r.status}`)).toEqual([`${english.id}:digest`]);
		expect(soon.filter((r) => r.channel === 'inapp').map((r) => r.person_id)).toEqual([english.id]);
		const overdue = await outboxRows('action.overdue');
		expect(overdue.filter((r) => r.channel === 'email').map((r) => r.person_id)).toEqual([bam.id]);
		expect(overdue.filter((r) => r.channel === 'inapp').map((r) => r.person_id)).toEqual([bam.id]);
		// the next day, overdue again (once a day); due soon not again for the same due date
		const tomorrow = new Date(Date.now() + 24 * 3600_000);
		await Promise.all([sweepReminders(db, tomorrow), sweepReminders(db, tomorrow)]);
		expect((await outboxRows('action.overdue')).filter((r) => r.channel === 'email').length).toBe(2);
		expect((await outboxRows('action.due_soon')).filter((r) => r.channel === 'email').length).toBe(1);
		// nothing of the digest reached a mailbox yet
		expect(sink.mails.filter((m) => /Stäng gamla konton|Uppdatera rutinbeskrivning/.test(m.parsed.subject ?? '') && !/^(Ny aktivitet|New action)/.test(m.parsed.subject ?? ''))).toEqual([]);
	});

	it('reminds the chair and the adjuster to approve after the forum setting, once per period, and stops for who approved', async () => {
		// just ended: no reminder yet
		await sweepReminders(db);
		expect(await outboxRows('minutes.approval_reminder')).toEqual([]);
		// the forum's setting is edited like its other settings; a bad value changes nothing
		expect((await admin.json('PATCH', `/api/v1/forums/${opForum}`, { approvalReminderDays: 0 })).status).toBe(400);
		const patched = await admin.json('PATCH', `/api/v1/forums/${opForum}`, { approvalReminderDays: 2 });
		expect(patched.status).toBe(200);
		expect(patched.body.forum.approvalReminderDays).toBe(2);

		await db.updateTable('meetings').set({ ended_at: daysAgo(2) }).where('id', '=', meetingId).execute();
		await Promise.all([sweepReminders(db), sweepReminders(db)]);
		const subject = 'Påminnelse: protokollet från Händelsetest väntar på din justering';
		await sink.waitFor(() => subjectsTo(adjuster.email).includes(subject) && subjectsTo(bam.email).includes(subject), 'the reminders');
		const first = (await outboxRows('minutes.approval_reminder')).filter((r) => r.channel === 'email');
		expect(first.map((r) => r.person_id)).toContain(adjuster.id);
		expect(first.map((r) => r.person_id)).toContain(bam.id);
		expect(mailTo(adjuster.email, subject)!.parsed.text).toContain('Protokollet väntar fortfarande på din justering.');
		expect(mailTo(adjuster.email, subject)!.parsed.text).toContain(`${server.url}/meetings/${meetingId}`);
		// only people of the customer and the supplier
		const norrbyOrStaff = new Set([...ids.customers[NORRBY].people.map((p) => p.id), ...ids.supplierStaff.map((p) => p.id)]);
		expect(first.every((r) => norrbyOrStaff.has(r.person_id))).toBe(true);

		// the adjuster approves; the next period reminds the chair only
		expect((await adjusterClient.json('POST', `/api/v1/meetings/${meetingId}/approve`, {})).status).toBe(200);
		await db.updateTable('meetings').set({ ended_at: daysAgo(4) }).where('id', '=', meetingId).execute();
		await Promise.all([sweepReminders(db), sweepReminders(db)]);
		await sink.waitFor(() => subjectsTo(bam.email).filter((s) => s === subject).length === 2, 'the second reminder to the chair');
		const second = (await outboxRows('minutes.approval_reminder')).filter((r) => r.channel === 'email');
		expect(second.filter((r) => r.person_id === adjuster.id).length).toBe(1);
		expect(second.length).toBe(first.length * 2 - 1);
		await new Promise((r) => setTimeout(r, 500));
		expect(subjectsTo(adjuster.email).filter((s) => s === subject).length).toBe(1);
	});
});

describe('the daily digest', () => {
	it("sends one mail per person with every held event's line and link, in their language", async () => {
		await db.updateTable('notification_outbox').set({ next_attempt_at: daysAgo(1) }).where('status', '=', 'digest').execute();
		await sink.waitFor(() => subjectsTo(english.email).some((s) => s.startsWith('Samverkan: ')) && subjectsTo(bam.email).some((s) => s.startsWith('Samverkan: ')), 'the digests');
		await new Promise((r) => setTimeout(r, 500));
		const toEnglish = sink.mailsTo(english.email).filter((m) => m.parsed.subject?.startsWith('Samverkan: '));
		expect(toEnglish.map((m) => m.parsed.subject)).toEqual(['Samverkan: 2 events since yesterday']);
		expect(toEnglish[0].parsed.text).toContain(`Action carried over to the next meeting: Uppdatera rutinbeskrivning — ${server.url}/forums/${opForum}`);
		expect(toEnglish[0].parsed.text).toContain(`Action due soon: Uppdatera rutinbeskrivning — ${server.url}/forums/${opForum}`);
		const toBam = sink.mailsTo(bam.email).filter((m) => m.parsed.subject?.startsWith('Samverkan: '));
		// A and E carried over, E overdue on two days
		expect(toBam.map((m) => m.parsed.subject)).toEqual(['Samverkan: 4 händelser sedan i går']);
		expect(toBam[0].parsed.text).toContain(`Försenad aktivitet: Stäng gamla konton — ${server.url}/forums/${opForum}`);
		expect(toBam[0].parsed.text).toContain('Aktivitet överförd till nästa möte: Byt brandväggsregler');
		await eventuallyAsync(async () => (await db.selectFrom('notification_outbox').select('id').where('status', '=', 'digest').execute()).length === 0, 5_000, 'every digest row sent');
	});

	it('nobody of another customer ever received anything, and every mail went once', async () => {
		const outsiders = new Set(ids.customers[VATTENSYD].people.map((p) => p.email));
		expect(sink.mails.filter((m) => outsiders.has(m.to))).toEqual([]);
		const outsiderIds = ids.customers[VATTENSYD].people.map((p) => p.id);
		expect(await db.selectFrom('notification_outbox').select('id').where('person_id', 'in', outsiderIds).execute()).toEqual([]);
		const keys = sink.mails.map((m) => `${m.to} ${m.parsed.messageId}`);
		expect(new Set(keys).size).toBe(keys.length);
	});
});

describe('the delivery worker', () => {
	it('runs the sweep on its own every NOTIFY_SWEEP_MS', async () => {
		const own = await startServer({ demo: true, env: { SMTP_URL: sink.url, NOTIFY_POLL_MS: '150', NOTIFY_SWEEP_MS: '300' } });
		const ownDb = openTestDb(own.databaseUrl);
		const client = await new ApiClient(own.url).login('admin@itmastaren.example');
		const list = connectClient(own.url, forumActionsDoc(opForum), client.sessionCookie);
		try {
			// the same demo ids in every demo database; overdue by mail at once, by the owner's own choice
			await ownDb.insertInto('notification_preferences').values({ person_id: bam.id, kind: 'action.overdue', mode: 'email', updated_at: new Date().toISOString() }).execute();
			await synced(list);
			actionItems(list.doc).push([
				actionItemMap({ id: crypto.randomUUID(), title: 'Sopad av arbetaren', description: '', ownerId: bam.id, dueDate: dayAfter(today, -2), status: 'open', raisedMeetingId: null, closedMeetingId: null, escalatedFromId: null, escalatedToId: null, createdAt: new Date().toISOString(), createdBy: bam.id })
			]);
			await list.flush();
			await sink.waitFor(() => subjectsTo(bam.email).includes('Försenad aktivitet: Sopad av arbetaren'), 'the overdue reminder from the worker’s own sweep');
			await new Promise((r) => setTimeout(r, 1000));
			// swept many times since: still one
			expect(subjectsTo(bam.email).filter((s) => s === 'Försenad aktivitet: Sopad av arbetaren').length).toBe(1);
		} finally {
			list.destroy();
			await ownDb.destroy();
			await own.stop();
		}
	}, 120_000);
});
