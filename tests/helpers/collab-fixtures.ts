/**
 * Finds, through the API as real users, the people and documents the collab
 * tests need in the demo data: a Norrby forum and meeting, a writer of each
 * side, a Norrby person outside that forum (read-only) and another customer.
 */
import { meetingMinutesDoc } from '../../src/lib/realtime/doc-names';
import { ApiClient } from './api-client';
import { connectClient, synced } from './collab-client';
import type { TestServer } from './server';

export interface CollabFixture {
	customerId: string;
	forumId: string;
	meetingId: string;
	/** supplier admin: writes */
	supplier: ApiClient;
	/** Norrby's customer admin: writes */
	customerAdmin: ApiClient;
	/** a Norrby customer member who is not in the forum: reads only */
	reader: ApiClient;
	/** Vattenbolaget's admin: no access to Norrby's documents */
	otherCustomer: ApiClient;
}

const NORRBY_MEMBERS = ['it@norrby.example', 'tjanst@norrby.example', 'sakerhet@norrby.example', 'forandring@norrby.example'];

export async function collabFixture(server: TestServer): Promise<CollabFixture> {
	const supplier = await new ApiClient(server.url).login('admin@itmastaren.example');
	const customerAdmin = await new ApiClient(server.url).login('avtal@norrby.example');
	const otherCustomer = await new ApiClient(server.url).login('avtal@vattensyd.example');

	const { body: list } = await supplier.json('GET', '/api/v1/customers');
	const norrby = (list.customers as { id: string; name: string }[]).find((c) => c.name.startsWith('Norrby'));
	if (!norrby) throw new Error('demo customer Norrby not found');
	const { body: forumsBody } = await supplier.json('GET', `/api/v1/customers/${norrby.id}/forums`);
	const forums = forumsBody.forums as { id: string; members: { email: string }[] }[];

	// A forum with meetings and a Norrby member who does not sit in it.
	for (const forum of forums) {
		const outsider = NORRBY_MEMBERS.find((e) => !forum.members.some((m) => m.email === e));
		if (!outsider) continue;
		const { body: meetingsBody } = await supplier.json('GET', `/api/v1/forums/${forum.id}/meetings`);
		const meeting = (meetingsBody.meetings as { id: string }[])[0];
		if (!meeting) continue;
		const reader = await new ApiClient(server.url).login(outsider);
		return { customerId: norrby.id, forumId: forum.id, meetingId: meeting.id, supplier, customerAdmin, reader, otherCustomer };
	}
	throw new Error('no forum with a meeting and an outside member in the demo data');
}

/** A writer of each side, both synced on the minutes of the fixture's meeting. */
export async function twoWritersOnMinutes(server: TestServer) {
	const fx = await collabFixture(server);
	const name = meetingMinutesDoc(fx.meetingId);
	const a = connectClient(server.url, name, fx.supplier.sessionCookie);
	const b = connectClient(server.url, name, fx.customerAdmin.sessionCookie);
	await Promise.all([synced(a), synced(b)]);
	return { fx, name, a, b };
}
