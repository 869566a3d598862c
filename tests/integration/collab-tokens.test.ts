/**
 * Integrations open shared documents with an API token (Authorization: Bearer
 * at the websocket upgrade), within the token's scopes and customer only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { forumActionsDoc } from '../../src/lib/realtime/doc-names';
import { CloseCode } from '../../src/lib/realtime/protocol';
import { installFlushBarrier, type BarrierProvider } from '../../src/lib/realtime/flush-barrier';
import { ApiClient } from '../helpers/api-client';
import { collabUrl, connectClient, synced } from '../helpers/collab-client';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let admin: ApiClient;
let norrbyForum: string;
let otherForum: string;
let norrby: string;
const cleanup: (() => void)[] = [];

/** A stock provider that authenticates with a bearer token instead of a cookie. */
function tokenClient(docName: string, secret: string) {
	const Ws = class extends WebSocket {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols, { headers: { authorization: `Bearer ${secret}` } });
		}
	};
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(collabUrl(server.url), docName, doc, {
		WebSocketPolyfill: Ws as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		maxBackoffTime: 300
	});
	const closed = new Promise<number>((resolve) => provider.on('connection-close', (e) => resolve(e?.code ?? 0)));
	cleanup.push(() => {
		provider.destroy();
		doc.destroy();
	});
	return { doc, provider, closed, flush: installFlushBarrier(provider as unknown as BarrierProvider) };
}

async function token(customerId: string, scopes: string[]): Promise<{ id: string; secret: string }> {
	const r = await admin.json('POST', `/api/v1/customers/${customerId}/api-tokens`, { name: `Dokument ${scopes.join(',')}`, scopes });
	expect(r.status).toBe(201);
	return { id: r.body.token.id, secret: r.body.secret };
}

beforeAll(async () => {
	server = await startServer({ demo: true });
	admin = await new ApiClient(server.url).login('admin@itmastaren.example');
	const customers = (await admin.json('GET', '/api/v1/customers')).body.customers as { id: string; name: string }[];
	norrby = customers.find((c) => c.name.startsWith('Norrby'))!.id;
	const other = customers.find((c) => !c.name.startsWith('Norrby'))!.id;
	const forumOf = async (c: string) => ((await admin.json('GET', `/api/v1/customers/${c}/forums`)).body.forums as { id: string; templateKey: string }[]).find((f) => f.templateKey === 'operational')!.id;
	[norrbyForum, otherForum] = await Promise.all([forumOf(norrby), forumOf(other)]);
}, 60_000);

afterAll(async () => {
	for (const c of cleanup) c();
	await server?.stop();
});

describe('API tokens on /collab', () => {
	it('documents:write edits its own customer’s documents; the edit reaches cookie users', async () => {
		const { secret } = await token(norrby, ['documents:write']);
		const c = tokenClient(forumActionsDoc(norrbyForum), secret);
		await synced(c as never);
		c.doc.getArray('actions').push([new Y.Map()]);
		await c.flush();
		const viewer = connectClient(server.url, forumActionsDoc(norrbyForum), admin.sessionCookie);
		cleanup.push(() => viewer.destroy());
		await synced(viewer);
		expect(viewer.doc.getArray('actions').length).toBe(c.doc.getArray('actions').length);
	});

	it('documents:read reads but its updates are never applied', async () => {
		const { secret } = await token(norrby, ['documents:read']);
		const c = tokenClient(forumActionsDoc(norrbyForum), secret);
		await synced(c as never);
		const before = c.doc.getArray('actions').length;
		c.doc.getArray('actions').push([new Y.Map(), new Y.Map()]);
		await new Promise((r) => setTimeout(r, 400));
		const viewer = connectClient(server.url, forumActionsDoc(norrbyForum), admin.sessionCookie);
		cleanup.push(() => viewer.destroy());
		await synced(viewer);
		expect(viewer.doc.getArray('actions').length).toBe(before);
	});

	it('is refused for another customer, without the scope, and once revoked', async () => {
		const { id, secret } = await token(norrby, ['documents:write']);
		expect(await tokenClient(forumActionsDoc(otherForum), secret).closed).toBe(CloseCode.unknownDocument);
		const tickets = await token(norrby, ['tickets:read']);
		expect(await tokenClient(forumActionsDoc(norrbyForum), tickets.secret).closed).toBe(CloseCode.forbidden);
		expect((await admin.request('DELETE', `/api/v1/customers/${norrby}/api-tokens/${id}`)).status).toBe(204);
		expect(await tokenClient(forumActionsDoc(norrbyForum), secret).closed).toBe(CloseCode.unauthenticated);
	});
});
