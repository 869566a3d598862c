/**
 * The collab server with stock y-websocket clients on the real server:
 * seeding, convergence, read-only access and refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readAgenda } from '../../src/lib/realtime/agenda-doc';
import { forumActionsDoc, meetingAgendaDoc, meetingMinutesDoc } from '../../src/lib/realtime/doc-names';
import { CloseCode } from '../../src/lib/realtime/protocol';
import { collabFixture, type CollabFixture } from '../helpers/collab-fixtures';
import { connectClient, eventually, rawSocket, synced, type CollabClient } from '../helpers/collab-client';
import { readStoredDoc } from '../helpers/collab-db';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let fx: CollabFixture;
const clients: CollabClient[] = [];

function client(docName: string, cookie: string) {
	const c = connectClient(server.url, docName, cookie);
	clients.push(c);
	return c;
}

beforeAll(async () => {
	server = await startServer({ demo: true });
	fx = await collabFixture(server);
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await server?.stop();
});

describe('seeding', () => {
	it('seeds a meeting agenda on the server from the forum agenda', async () => {
		const { body } = await fx.supplier.json('GET', `/api/v1/forums/${fx.forumId}`);
		const template = body.forum.content.agenda as { kind: string; title: { sv: string }; minutes: number }[];
		expect(template.length).toBeGreaterThan(0);

		// Two clients open the new document at the same moment: still one copy of the agenda.
		const a = client(meetingAgendaDoc(fx.meetingId), fx.supplier.sessionCookie);
		const b = client(meetingAgendaDoc(fx.meetingId), fx.customerAdmin.sessionCookie);
		await Promise.all([synced(a), synced(b)]);
		for (const c of [a, b]) {
			const items = readAgenda(c.doc);
			expect(items.map((i) => i.kind)).toEqual(template.map((t) => t.kind));
			expect(items.map((i) => i.title)).toEqual(template.map((t) => t.title.sv));
			expect(items.map((i) => i.plannedMinutes)).toEqual(template.map((t) => t.minutes));
		}
		expect(new Set(readAgenda(a.doc).map((i) => i.id)).size).toBe(template.length);
	});

	it('seeds minutes on the server with a heading per agenda item (Lexical in Yjs)', async () => {
		const { body } = await fx.supplier.json('GET', `/api/v1/forums/${fx.forumId}`);
		const titles = (body.forum.content.agenda as { title: { sv: string } }[]).map((t) => t.title.sv);
		const a = client(meetingMinutesDoc(fx.meetingId), fx.customerAdmin.sessionCookie);
		await synced(a);
		const text = plainText(a.doc.get('root', Y.XmlText));
		let at = -1;
		for (const title of titles) {
			const next = text.indexOf(title, at + 1);
			expect(next, title).toBeGreaterThan(at);
			at = next;
		}
	});
});

/** The text of a Lexical-in-Yjs tree, elements in order (enough to check the seed). */
function plainText(node: Y.XmlText): string {
	return node
		.toDelta()
		.map((op: { insert: unknown }) => (typeof op.insert === 'string' ? op.insert : op.insert instanceof Y.XmlText ? plainText(op.insert) + '\n' : ''))
		.join('');
}

describe('co-editing', () => {
	it('converges when several clients edit the same document at once', async () => {
		const name = meetingMinutesDoc(fx.meetingId);
		const [a, b, c] = [
			client(name, fx.supplier.sessionCookie),
			client(name, fx.customerAdmin.sessionCookie),
			client(name, fx.supplier.sessionCookie)
		];
		await Promise.all([a, b, c].map((x) => synced(x)));
		for (let i = 0; i < 20; i++) {
			for (const [k, x] of [a, b, c].entries()) {
				x.doc.getText('scratch').insert(0, `${'abc'[k]}${i};`);
				x.doc.getArray<string>('log').push([`${k}-${i}`]);
			}
		}
		await Promise.all([a, b, c].map((x) => x.flush()));
		await eventually(
			// every client, a too: its own flush says nothing about the others' last updates reaching it
			() => [a, b, c].every((x) => x.doc.getText('scratch').toString() === a.doc.getText('scratch').toString() && x.doc.getArray('log').length === 60),
			10_000,
			'convergence'
		);
		const text = a.doc.getText('scratch').toString();
		for (const k of 'abc') for (let i = 0; i < 20; i++) expect(text).toContain(`${k}${i};`);
		expect(a.doc.getArray('log').length).toBe(60);

		// What the barrier confirmed is in the database, not only in memory.
		const stored = await readStoredDoc(server.databaseUrl, name);
		expect(stored.getText('scratch').toString()).toBe(text);
	});

	it('brings a joiner a large document in parts while others edit it (stock client)', async () => {
		const name = meetingMinutesDoc(fx.meetingId);
		const a = client(name, fx.supplier.sessionCookie);
		await synced(a);
		// one word at a time at scattered places: a struct each, more than is encoded in one go (state-in-parts.ts)
		const long = a.doc.getText('long');
		a.doc.transact(() => {
			for (let i = 0; i < 6_000; i++) long.insert((i * 7919) % (long.length + 1), `ord${i} `);
		});
		await a.flush();

		const b = client(name, fx.customerAdmin.sessionCookie);
		for (let i = 0; i < 20; i++) {
			long.insert(i * 13, `medan${i} `);
			await new Promise((r) => setTimeout(r, 1));
		}
		await synced(b);
		await a.flush();
		await eventually(() => b.doc.getText('long').toString() === long.toString(), 10_000, 'the joiner has all of it');
		expect(b.doc.store.pendingStructs).toBeNull();
	});

	it('relays presence (awareness) between clients', async () => {
		const name = forumActionsDoc(fx.forumId);
		const a = client(name, fx.supplier.sessionCookie);
		const b = client(name, fx.reader.sessionCookie);
		await Promise.all([synced(a), synced(b)]);
		a.provider.awareness.setLocalStateField('user', { name: 'Maria' });
		await eventually(
			() => [...b.provider.awareness.getStates().values()].some((s) => (s.user as { name?: string } | undefined)?.name === 'Maria'),
			5000,
			'awareness'
		);
	});
});

describe('read-only access', () => {
	it('gives a customer member outside the forum the content, and drops their edits', async () => {
		const name = forumActionsDoc(fx.forumId);
		const writer = client(name, fx.customerAdmin.sessionCookie);
		const reader = client(name, fx.reader.sessionCookie);
		await Promise.all([synced(writer), synced(reader)]);

		writer.doc.getArray<string>('items').push(['from writer']);
		await writer.flush();
		await eventually(() => reader.doc.getArray('items').toArray().includes('from writer'), 5000, 'writer edit at reader');

		reader.doc.getArray<string>('items').push(['from reader']);
		reader.doc.getMap('meta').set('hijacked', true);
		await reader.flush();
		// A later edit of the writer arrives; the reader's never does.
		writer.doc.getArray<string>('items').push(['second from writer']);
		await writer.flush();
		await eventually(() => reader.doc.getArray('items').toArray().includes('second from writer'), 5000, 'second edit');

		const fresh = client(name, fx.supplier.sessionCookie);
		await synced(fresh);
		for (const doc of [writer.doc, fresh.doc, await readStoredDoc(server.databaseUrl, name)]) {
			expect(doc.getArray('items').toArray()).toContain('from writer');
			expect(doc.getArray('items').toArray()).not.toContain('from reader');
			expect(doc.getMap('meta').get('hijacked')).toBeUndefined();
		}
		// The reader stays connected: a dropped edit is not a protocol error.
		expect(reader.provider.wsconnected).toBe(true);
	});
});

describe('refusals', () => {
	it('closes an anonymous connection with 4401 before loading anything', async () => {
		const s = rawSocket(server.url, meetingMinutesDoc(fx.meetingId), '');
		expect((await s.closed).code).toBe(CloseCode.unauthenticated);
		expect(s.messages).toHaveLength(0);
	});

	it('closes an expired or forged session with 4401', async () => {
		const s = rawSocket(server.url, meetingMinutesDoc(fx.meetingId), 'samverkan_session=forged');
		expect((await s.closed).code).toBe(CloseCode.unauthenticated);
	});

	it("reports another customer's documents as unknown (4404)", async () => {
		for (const name of [meetingMinutesDoc(fx.meetingId), meetingAgendaDoc(fx.meetingId), forumActionsDoc(fx.forumId)]) {
			const s = rawSocket(server.url, name, fx.otherCustomer.sessionCookie);
			expect((await s.closed).code).toBe(CloseCode.unknownDocument);
			expect(s.messages).toHaveLength(0);
		}
	});

	it('refuses names that do not parse or name nothing (4404)', async () => {
		for (const name of ['nonsense', 'meeting.123.minutes', `meeting.${fx.meetingId}.secret`, `forum.${fx.meetingId}.actions`, `meeting.${fx.forumId}.agenda`]) {
			const s = rawSocket(server.url, name, fx.supplier.sessionCookie);
			expect((await s.closed).code, name).toBe(CloseCode.unknownDocument);
		}
	});

	it('refuses a cross-site origin (4403)', async () => {
		const ws = new (await import('ws')).default(`${server.url.replace('http', 'ws')}/collab/${meetingMinutesDoc(fx.meetingId)}`, {
			headers: { cookie: fx.supplier.sessionCookie, origin: 'https://evil.example' }
		});
		const code = await new Promise<number>((r) => ws.once('close', (c) => r(c)));
		expect(code).toBe(CloseCode.forbidden);
	});

	it('stock provider stops reconnecting after a 44xx close', async () => {
		const c = client(meetingMinutesDoc(fx.meetingId), fx.otherCustomer.sessionCookie);
		const closed = new Promise<{ code: number }>((r) => c.provider.once('closed', (e: { code: number }) => r(e)));
		expect((await closed).code).toBe(CloseCode.unknownDocument);
		expect(c.provider.shouldConnect).toBe(false);
	});

	it('refuses upgrades on paths nobody serves, without touching collab', async () => {
		const ws = new (await import('ws')).default(`${server.url.replace('http', 'ws')}/not-collab`);
		const outcome = await new Promise<string>((r) => {
			ws.once('open', () => r('open'));
			ws.once('error', () => r('error'));
			setTimeout(() => r('pending'), 1500);
		});
		// answered at once with a 404 instead of hanging
		expect(outcome).toBe('error');
		ws.terminate();
	});
});
