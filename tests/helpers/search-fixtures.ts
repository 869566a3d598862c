/**
 * What the search tests find, written through the real write paths as real
 * users: Norrby's meeting of last spring held and approved through the
 * lifecycle, with an agenda item about the network, a decision about the
 * firewall ("brandvägg"), the supplier's internal notes and internal
 * material about the same firewall, and public material; and a decision
 * about Vattenbolaget's own firewall in one of its meetings. Resolves once
 * the projection has indexed all of it (the supplier finds it).
 */
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { agendaItemMap, agendaItems } from '../../src/lib/realtime/agenda-doc';
import { meetingAgendaDoc, meetingInternalDoc, meetingMinutesDoc } from '../../src/lib/realtime/doc-names';
import { headlessMinutes } from '../../src/lib/server/domain/collab/headless-minutes';
import { ApiClient } from './api-client';
import { connectClient, eventuallyAsync, synced, type CollabClient } from './collab-client';
import { demoIds, NORRBY, VATTENSYD, type DemoIds } from './demo-ids';
import { minutesWriter } from './minutes-writer';
import type { TestServer } from './server';

export interface FirewallFixture {
	ids: DemoIds;
	admin: ApiClient;
	norrbyMeeting: string;
	norrbyDecision: string;
	otherMeeting: string;
	otherDecision: string;
	internalMaterial: string;
	/** the collab clients it used; destroy them when done */
	clients: CollabClient[];
}

export const NORRBY_DECISION_TEXT = 'Kommunen byter brandvägg i stadshuset före sommaren.';
export const OTHER_DECISION_TEXT = 'Vattenbolaget byter brandvägg vid reningsverket.';
export const INTERNAL_NOTE = 'Internt: brandväggen i stadshuset saknar support, offerera ny.';
export const NORRBY_MEETING_TITLE = 'Driftmöte om nätet';

interface SearchAnswer {
	hits: { id: string }[];
}

export async function firewallFixture(server: TestServer): Promise<FirewallFixture> {
	const clients: CollabClient[] = [];
	const open = async (docName: string, cookie: string, before: (c: CollabClient) => void = () => {}) => {
		const c = connectClient(server.url, docName, cookie, { connect: false });
		clients.push(c);
		before(c);
		c.provider.connect();
		await synced(c);
		return c;
	};
	const writeDecision = async (meetingId: string, cookie: string, id: string, text: string) => {
		let writer: ReturnType<typeof minutesWriter> | undefined;
		const c = await open(meetingMinutesDoc(meetingId), cookie, (c) => (writer = minutesWriter(c.doc)));
		writer!.appendDecision(id, text, 'Nätet diskuterades.');
		await c.flush();
	};

	const ids = await demoIds(server.url);
	const admin = await new ApiClient(server.url).login('admin@itmastaren.example');
	// the operational forum's chair in the demo
	const chair = await new ApiClient(server.url).login('bam@itmastaren.example');
	const adjuster = await new ApiClient(server.url).login('avtal@norrby.example');
	const norrby = ids.customers[NORRBY];
	const other = ids.customers[VATTENSYD];
	const ok = async (client: ApiClient, method: string, path: string, body?: unknown) => {
		const res = await client.json(method, path, body ?? (method === 'GET' ? undefined : {}));
		if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
		return res.body;
	};
	const upload = async (meetingId: string, fileName: string, internal: boolean): Promise<string> => {
		const res = await fetch(`${server.url}/api/v1/meetings/${meetingId}/material?fileName=${encodeURIComponent(fileName)}&internal=${internal}`, {
			method: 'POST',
			headers: { cookie: admin.sessionCookie, 'content-type': 'application/octet-stream' },
			body: '%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'
		});
		if (res.status !== 201) throw new Error(`upload ${fileName}: ${res.status}`);
		return (await res.json()).material.id;
	};

	// Norrby: a meeting last spring, held and approved through the real lifecycle
	const norrbyMeeting: string = (
		await ok(admin, 'POST', `/api/v1/forums/${norrby.forums.operational.id}/meetings`, { title: NORRBY_MEETING_TITLE, startsAt: '2026-04-14T09:00', endsAt: '2026-04-14T10:00' })
	).meeting.id;
	const agenda = await open(meetingAgendaDoc(norrbyMeeting), admin.sessionCookie);
	agendaItems(agenda.doc).push([
		agendaItemMap({ id: crypto.randomUUID(), title: 'Nätverkets säkerhet', kind: 'other', plannedMinutes: 20, presenter: null, notes: 'Brandväggarnas regler ses över.' })
	]);
	await agenda.flush();
	await ok(admin, 'POST', `/api/v1/meetings/${norrbyMeeting}/publish`);
	await ok(chair, 'POST', `/api/v1/meetings/${norrbyMeeting}/start`, { confirmEarly: true });
	const norrbyDecision = crypto.randomUUID();
	await writeDecision(norrbyMeeting, chair.sessionCookie, norrbyDecision, NORRBY_DECISION_TEXT);
	// the supplier's own notes and material about the same firewall
	let notes: ReturnType<typeof headlessMinutes> | undefined;
	const internal = await open(meetingInternalDoc(norrbyMeeting), admin.sessionCookie, (c) => {
		notes = headlessMinutes(c.doc);
		notes.follow();
		notes.write();
	});
	notes!.editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode(INTERNAL_NOTE))), { discrete: true });
	await internal.flush();
	const internalMaterial = await upload(norrbyMeeting, 'brandvagg-offert-internt.pdf', true);
	await upload(norrbyMeeting, 'natverksplan.pdf', false);
	const adjusterId = (await ok(adjuster, 'GET', '/api/v1/me')).person.personId;
	await ok(admin, 'PUT', `/api/v1/meetings/${norrbyMeeting}/adjuster`, { personId: adjusterId });
	await ok(chair, 'POST', `/api/v1/meetings/${norrbyMeeting}/end`);
	await ok(chair, 'POST', `/api/v1/meetings/${norrbyMeeting}/approve`);
	const approved = await ok(adjuster, 'POST', `/api/v1/meetings/${norrbyMeeting}/approve`);
	if (approved.lifecycle.status !== 'minutes_approved') throw new Error(`not approved: ${JSON.stringify(approved)}`);

	// Vattenbolaget: a decision about its own firewall in one of its meetings
	const otherMeeting = other.meetings[other.forums.operational.id][0];
	const otherDecision = crypto.randomUUID();
	await writeDecision(otherMeeting, admin.sessionCookie, otherDecision, OTHER_DECISION_TEXT);

	// the projection runs in the background: wait until the supplier finds it all
	const wanted = [`decision:${norrbyDecision}`, `decision:${otherDecision}`, `internal:${norrbyMeeting}`];
	let found: string[] = [];
	await eventuallyAsync(
		async () => {
			found = ((await ok(admin, 'GET', '/api/v1/search?q=brandvägg')) as SearchAnswer).hits.map((h) => h.id);
			return wanted.every((id) => found.includes(id));
		},
		20_000,
		'the decisions and notes in the search index'
	).catch((err: Error) => {
		throw new Error(`${err.message}: found ${found.join(', ')}`);
	});
	return { ids, admin, norrbyMeeting, norrbyDecision, otherMeeting, otherDecision, internalMaterial, clients };
}
