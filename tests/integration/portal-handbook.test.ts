/**
 * The Samverkanshandbok as a shared document per customer
 * (customer.<id>.handbook): seeded with its Swedish outline, opened by the
 * customer's people and the supplier, "unknown" to another customer over the
 * collab socket and as a page.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerHandbookDoc } from '../../src/lib/realtime/doc-names';
import { CloseCode } from '../../src/lib/realtime/protocol';
import { ApiClient } from '../helpers/api-client';
import { connectClient, eventually, rawSocket, synced, type CollabClient } from '../helpers/collab-client';
import { demoIds, NORRBY, VATTENSYD, type DemoIds } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let ids: DemoIds;
const clients: CollabClient[] = [];

beforeAll(async () => {
	server = await startServer({ demo: true });
	ids = await demoIds(server.url);
}, 120_000);
afterAll(async () => {
	for (const c of clients) c.destroy();
	await server?.stop();
});

describe('Samverkanshandbok', () => {
	it('opens seeded with its outline for the customer and the supplier, and shows as a page', async () => {
		const norrby = ids.customers[NORRBY].id;
		const supplier = await new ApiClient(server.url).login('cm@itmastaren.example');
		const client = connectClient(server.url, customerHandbookDoc(norrby), supplier.sessionCookie);
		clients.push(client);
		await synced(client);
		const text = () => client.doc.get('root', Y.XmlText).toString();
		await eventually(() => text().includes('Syfte och omfattning'), 10_000, 'the outline');
		expect(text()).toContain('Ändringshantering och ändringsfönster');

		const member = await new ApiClient(server.url).login('it@norrby.example');
		const page = await member.get(`/customers/${norrby}/portal/handbook`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain(`customer.${norrby}.handbook`);
		const reader = connectClient(server.url, customerHandbookDoc(norrby), member.sessionCookie);
		clients.push(reader);
		await synced(reader);
	});

	it('starts with real content: the first chapter says what the collaboration is for', async () => {
		const supplier = await new ApiClient(server.url).login('bam@itmastaren.example');
		const client = connectClient(server.url, customerHandbookDoc(ids.customers[VATTENSYD].id), supplier.sessionCookie);
		clients.push(client);
		await synced(client);
		const text = () => client.doc.get('root', Y.XmlText).toString();
		await eventually(() => text().includes('Syfte och omfattning'), 10_000, 'the outline');
		const first = text().slice(text().indexOf('Syfte och omfattning'), text().indexOf('2. Parter och kontaktvägar'));
		expect(first).toContain('följa upp och bevaka kvaliteten på drifttjänsterna');
		expect(text()).toContain('en enda kontaktpunkt (SPOC');
	});

	it("is unknown to another customer, over the socket and as a page", async () => {
		const norrby = ids.customers[NORRBY].id;
		const vatten = await new ApiClient(server.url).login('avtal@vattensyd.example');
		const s = rawSocket(server.url, customerHandbookDoc(norrby), vatten.sessionCookie);
		expect((await s.closed).code).toBe(CloseCode.unknownDocument);
		expect(s.messages).toHaveLength(0);
		expect((await vatten.get(`/customers/${norrby}/portal/handbook`)).status).toBe(404);
		// an id that is no customer at all answers the same
		const none = rawSocket(server.url, customerHandbookDoc('00000000-0000-4000-8000-000000000000'), vatten.sessionCookie);
		expect((await none.closed).code).toBe(CloseCode.unknownDocument);
		// its own handbook opens
		const own = connectClient(server.url, customerHandbookDoc(ids.customers[VATTENSYD].id), vatten.sessionCookie);
		clients.push(own);
		await synced(own);
	});
});
