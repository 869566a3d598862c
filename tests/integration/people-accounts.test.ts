/**
 * Accounts managed by admins, against the real server with demo data: nobody
 * disables or demotes themselves, disabling a person ends their sessions, and
 * a password reset leaves only the new password working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { expectContract } from '../helpers/contract';
import { demoIds, NORRBY, type DemoIds } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

/** The API's English field messages, as before error codes (issue 20.4): the texts did not change. */
const CANNOT_DISABLE_SELF = 'You cannot disable your own account';
const CANNOT_LOWER_OWN_ACCESS = 'You cannot lower your own access';

let server: TestServer;
let ids: DemoIds;
let admin: ApiClient;

beforeAll(async () => {
	server = await startServer({ demo: true });
	ids = await demoIds(server.url);
	admin = await new ApiClient(server.url).login('admin@itmastaren.example');
});
afterAll(async () => {
	await server?.stop();
});

let seq = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++seq}@itmastaren.example`;

/** A fresh supplier staff member with a login, so demo people stay as they are. */
async function newStaff(password = 'first-password-1'): Promise<{ id: string; email: string; password: string }> {
	const email = unique('staff');
	const res = await admin.json('POST', '/api/v1/supplier/people', { name: 'Test Person', email, access: 'supplier_staff', password });
	expect(res.status).toBe(201);
	return { id: res.body.person.id, email, password };
}

const signIn = (email: string, password: string) => new ApiClient(server.url).post('/api/v1/session', { email, password });

describe('nobody disables or demotes themselves', () => {
	it('refuses a supplier admin lowering their own access or disabling their own account, and changes nothing', async () => {
		const me = ids.staff('admin@itmastaren.example');

		const demote = await admin.json('PATCH', `/api/v1/people/${me.id}`, { access: 'supplier_staff' });
		expect(demote.status).toBe(400);
		expect(demote.body.error.code).toBe('invalid');
		expect(demote.body.error.fields).toEqual({ access: CANNOT_LOWER_OWN_ACCESS });

		const disable = await admin.json('PATCH', `/api/v1/people/${me.id}`, { disabled: true, title: 'Changed' });
		expect(disable.status).toBe(400);
		expect(disable.body.error.fields).toEqual({ disabled: CANNOT_DISABLE_SELF });

		const after = await admin.json('GET', `/api/v1/people/${me.id}`);
		expect(after.status).toBe(200); // still signed in
		expect(after.body.person).toMatchObject({ access: 'supplier_admin', hasAccount: true, accountDisabled: false });
		expect(after.body.person.title).not.toBe('Changed');

		// what is allowed on oneself still works: keeping one's access, changing one's phone
		const ok = await admin.json('PATCH', `/api/v1/people/${me.id}`, { access: 'supplier_admin', disabled: false, phone: '08-123 45 67' });
		expect(ok.status).toBe(200);
		expectContract('updatePerson', ok.body);
		expect((await admin.get('/api/v1/me')).status).toBe(200);
	});

	it('refuses a customer admin demoting themselves', async () => {
		const customerAdmin = await new ApiClient(server.url).login('avtal@norrby.example');
		const me = ids.customers[NORRBY].person('avtal@norrby.example');
		const res = await customerAdmin.json('PATCH', `/api/v1/people/${me.id}`, { access: 'customer_member' });
		expect(res.status).toBe(400);
		expect(res.body.error.fields).toEqual({ access: CANNOT_LOWER_OWN_ACCESS });
		expect((await customerAdmin.json('GET', `/api/v1/people/${me.id}`)).body.person.access).toBe('customer_admin');
	});
});

describe('disabling and enabling another person', () => {
	it('ends their sessions at once and keeps them out until enabled again', async () => {
		const staff = await newStaff();
		const them = await new ApiClient(server.url).login(staff.email, staff.password);
		expect((await them.get('/api/v1/me')).status).toBe(200);

		const disabled = await admin.json('PATCH', `/api/v1/people/${staff.id}`, { disabled: true });
		expect(disabled.status).toBe(200);
		expectContract('updatePerson', disabled.body);
		expect(disabled.body.person).toMatchObject({ hasAccount: false, accountDisabled: true });

		expect((await them.get('/api/v1/me')).status).toBe(401);
		expect((await signIn(staff.email, staff.password)).status).toBe(401);

		const enabled = await admin.json('PATCH', `/api/v1/people/${staff.id}`, { disabled: false });
		expect(enabled.status).toBe(200);
		expect(enabled.body.person).toMatchObject({ hasAccount: true, accountDisabled: false });
		const again = await new ApiClient(server.url).login(staff.email, staff.password);
		expect((await again.get('/api/v1/me')).status).toBe(200);
	});
});

describe('password reset by an admin', () => {
	it('ends open sessions and lets the person sign in with the new password only', async () => {
		const staff = await newStaff('old-password-1');
		const them = await new ApiClient(server.url).login(staff.email, staff.password);

		const res = await admin.json('PATCH', `/api/v1/people/${staff.id}`, { password: 'new-password-2' });
		expect(res.status).toBe(200);
		expect((await them.get('/api/v1/me')).status).toBe(401);

		expect((await signIn(staff.email, 'old-password-1')).status).toBe(401);
		const fresh = await new ApiClient(server.url).login(staff.email, 'new-password-2');
		const me = await fresh.json('GET', '/api/v1/me');
		expect(me.status).toBe(200);
		expect(JSON.stringify(me.body)).toContain(staff.email);
	});

	it('gives a person without a login their first password', async () => {
		const email = unique('nologin');
		const created = await admin.json('POST', '/api/v1/supplier/people', { name: 'No Login', email, access: 'supplier_staff' });
		expect(created.body.person).toMatchObject({ hasAccount: false, accountDisabled: false });
		expect((await signIn(email, 'first-password-3')).status).toBe(401);
		const res = await admin.json('PATCH', `/api/v1/people/${created.body.person.id}`, { password: 'first-password-3' });
		expect(res.body.person).toMatchObject({ hasAccount: true, accountDisabled: false });
		expect((await signIn(email, 'first-password-3')).status).toBe(200);
	});
});
