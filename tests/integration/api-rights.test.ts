/**
 * What each kind of account may do through the JSON API, against the real
 * server with demo data: supplier admin, supplier staff, customer admin,
 * customer member. Also: bad input changes nothing, and the audit log records
 * duty changes with before and after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { expectContract } from '../helpers/contract';
import { demoIds, NORRBY, VATTENSYD, type DemoCustomer, type DemoIds } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let ids: DemoIds;
let norrby: DemoCustomer;
let vattensyd: DemoCustomer;
const as: Record<string, ApiClient> = {};

beforeAll(async () => {
	server = await startServer({ demo: true });
	ids = await demoIds(server.url);
	norrby = ids.customers[NORRBY];
	vattensyd = ids.customers[VATTENSYD];
	for (const [who, email] of [
		['supplierAdmin', 'admin@itmastaren.example'],
		['supplierStaff', 'bam@itmastaren.example'],
		['customerAdmin', 'avtal@norrby.example'],
		['customerMember', 'it@norrby.example']
	]) {
		as[who] = await new ApiClient(server.url).login(email);
	}
});
afterAll(async () => {
	await server?.stop();
});

let seq = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++seq}`;

const meetingBody = (daysAhead = 30) => {
	const start = new Date(Date.now() + daysAhead * 86400_000);
	const day = start.toISOString().slice(0, 10);
	return { title: unique('Möte'), startsAt: `${day}T09:00`, endsAt: `${day}T10:30`, location: 'Teams', videoUrl: 'https://teams.example/x' };
};

async function meetingCount(forumId: string): Promise<number> {
	const { status, body } = await as.supplierAdmin.json('GET', `/api/v1/forums/${forumId}/meetings`);
	expect(status).toBe(200);
	return body.meetings.length;
}

async function peopleOf(customerId: string): Promise<{ id: string; email: string; roles: { assignmentId: string; roleId: string }[] }[]> {
	const { status, body } = await as.supplierAdmin.json('GET', `/api/v1/customers/${customerId}/people`);
	expect(status).toBe(200);
	return body.people;
}

const person = (access: string, extra: Record<string, unknown> = {}) => ({
	name: unique('Testperson'),
	email: `${unique('p')}@example.test`,
	access,
	...extra
});

describe('supplier admin', () => {
	it('creates a customer, its people (with a login) and its forums', async () => {
		const admin = as.supplierAdmin;
		const name = unique('Testbolaget AB');
		const created = await admin.json('POST', '/api/v1/customers', { name, orgNumber: '556000-1111' });
		expect(created.status).toBe(201);
		expectContract('createCustomer', created.body);
		const customerId = created.body.customer.id;
		expect(created.body.customer).toEqual({ id: customerId, name, orgNumber: '556000-1111' });

		const read = await admin.json('GET', `/api/v1/customers/${customerId}`);
		expect(read.status).toBe(200);
		expectContract('getCustomer', read.body);
		expect(read.body.customer).toMatchObject({ id: customerId, name, people: [] });
		const list = await admin.json('GET', '/api/v1/customers');
		expect(list.body.customers.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining([name, NORRBY, VATTENSYD]));

		const body = person('customer_admin', { password: 'hemligt-lösen-1', phone: '070-123 45 67' });
		const p = await admin.json('POST', `/api/v1/customers/${customerId}/people`, body);
		expect(p.status).toBe(201);
		expectContract('createCustomerPerson', p.body);
		expect(p.body.person).toMatchObject({ customerId, name: body.name, email: body.email, access: 'customer_admin', hasAccount: true, phone: '070-123 45 67', roles: [] });

		// the new person can sign in and sees their own customer only
		const newcomer = await new ApiClient(server.url).login(body.email, 'hemligt-lösen-1');
		const mine = await newcomer.json('GET', '/api/v1/customers');
		expect(mine.body.customers.map((c: { id: string }) => c.id)).toEqual([customerId]);

		const forum = await admin.json('POST', `/api/v1/customers/${customerId}/forums`, { templateKey: 'operational' });
		expect(forum.status).toBe(201);
		expectContract('createForum', forum.body);
		expect(forum.body.forum).toMatchObject({ customerId, templateKey: 'operational', level: 'operational' });
		expect(forum.body.forum.duties.map((d: { duty: string; party: string }) => `${d.duty}:${d.party}`)).toEqual([
			'convener:supplier',
			'compiler:supplier',
			'chair:supplier',
			'minute_taker:supplier',
			'presenter:supplier',
			'preparer:supplier'
		]);
		const again = await admin.json('POST', `/api/v1/customers/${customerId}/forums`, { templateKey: 'operational' });
		expect(again.status).toBe(409);
		expect(again.body.error.fields).toEqual({ templateKey: 'Already exists' });
		const forums = await admin.json('GET', `/api/v1/customers/${customerId}/forums`);
		expect(forums.body.forums).toHaveLength(1);
	});

	it('adds supplier staff and edits the role catalogue', async () => {
		const admin = as.supplierAdmin;
		const body = person('supplier_staff', { title: 'Servicedesk' });
		const created = await admin.json('POST', '/api/v1/supplier/people', body);
		expect(created.status).toBe(201);
		expectContract('createSupplierPerson', created.body);
		expect(created.body.person).toMatchObject({ customerId: null, access: 'supplier_staff', hasAccount: false, title: 'Servicedesk' });
		const staff = await admin.json('GET', '/api/v1/supplier/people');
		expectContract('listSupplierPeople', staff.body);
		expect(staff.body.people.map((p: { email: string }) => p.email)).toContain(body.email);

		// a customer access level does not belong to the supplier
		const wrong = await admin.json('POST', '/api/v1/supplier/people', person('customer_member'));
		expect(wrong.status).toBe(400);
		expect(wrong.body.error.fields).toEqual({ access: 'Not allowed for this party' });

		const roleId = ids.role('supplier', 'problem_manager');
		const before = ids.roles.find((r) => r.id === roleId)!;
		const patched = await admin.json('PATCH', `/api/v1/roles/${roleId}`, { nameEn: 'Problem Owner' });
		expect(patched.status).toBe(200);
		expectContract('updateRole', patched.body);
		const roles = await admin.json('GET', '/api/v1/roles');
		expectContract('listRoles', roles.body);
		const after = roles.body.roles.find((r: { id: string }) => r.id === roleId);
		// only what was sent changed
		expect(after).toEqual({ ...before, nameEn: 'Problem Owner' });
		expect(after.descriptionSv).toBe('Ägare av problemhanteringen');
	});
});

describe('supplier staff', () => {
	it('reads every customer', async () => {
		const list = await as.supplierStaff.json('GET', '/api/v1/customers');
		expect(list.status).toBe(200);
		expectContract('listCustomers', list.body);
		const names = list.body.customers.map((c: { name: string }) => c.name);
		expect(names).toEqual(expect.arrayContaining([NORRBY, VATTENSYD]));
		for (const c of [norrby, vattensyd]) {
			const one = await as.supplierStaff.json('GET', `/api/v1/customers/${c.id}`);
			expect(one.status).toBe(200);
			expect(one.body.customer.people.length).toBe(c.people.length);
		}
	});

	it('schedules a meeting in any customer\'s forum', async () => {
		for (const c of [norrby, vattensyd]) {
			const forumId = c.forums.cab.id;
			const count = await meetingCount(forumId);
			const body = meetingBody(40);
			const res = await as.supplierStaff.json('POST', `/api/v1/forums/${forumId}/meetings`, body);
			expect(res.status).toBe(201);
			expectContract('scheduleMeeting', res.body);
			expect(res.body.meeting).toMatchObject({ forumId, customerId: c.id, title: body.title, location: 'Teams', status: 'planned' });
			expect(await meetingCount(forumId)).toBe(count + 1);
			const read = await as.supplierStaff.json('GET', `/api/v1/meetings/${res.body.meeting.id}`);
			expect(read.status).toBe(200);
			expectContract('getMeeting', read.body);
			expect(read.body.meeting).toMatchObject({ id: res.body.meeting.id, customerName: c.name, forumNameSv: 'Ändringsforum (CAB)' });
		}
	});

	it('reads Stockholm wall-clock input as Stockholm time', async () => {
		const res = await as.supplierStaff.json('POST', `/api/v1/forums/${norrby.forums.operational.id}/meetings`, {
			startsAt: '2031-07-01T09:00',
			endsAt: '2031-07-01T10:00:00+02:00'
		});
		expect(res.status).toBe(201);
		expect(res.body.meeting).toMatchObject({ startsAt: '2031-07-01T07:00:00Z', endsAt: '2031-07-01T08:00:00Z' });
		expect(res.body.meeting.title).toBe('Operativt forum 2031-07-01');
	});

	it.each([
		['POST', '/api/v1/customers', () => ({ name: unique('Ej tillåtet AB') })],
		['POST', '/api/v1/supplier/people', () => person('supplier_staff')],
		['POST', '/api/v1/customers/{norrby}/people', () => person('customer_member')],
		['POST', '/api/v1/customers/{norrby}/forums', () => ({ templateKey: 'cab' })],
		['PATCH', '/api/v1/forums/{norrbyForum}', () => ({ nameEn: 'Hijacked' })],
		['PUT', '/api/v1/forums/{norrbyForum}/duties/chair', () => ({ party: 'supplier', personId: null })],
		['PATCH', '/api/v1/roles/{role}', () => ({ nameEn: 'Hijacked' })],
		['GET', '/api/v1/audit', () => undefined],
		['GET', '/api/v1/audit?customerId={norrby}', () => undefined]
	])('may not %s %s (403)', async (method, template, body) => {
		const path = template
			.replace('{norrby}', norrby.id)
			.replace('{norrbyForum}', norrby.forums.operational.id)
			.replace('{role}', ids.role('customer', 'ceo'));
		const customersBefore = (await as.supplierAdmin.json('GET', '/api/v1/customers')).body.customers.length;
		const res = await as.supplierStaff.json(method, path, body());
		expect(res.status).toBe(403);
		expect(res.body.error.code).toBe('forbidden');
		expect((await as.supplierAdmin.json('GET', '/api/v1/customers')).body.customers.length).toBe(customersBefore);
	});
});

describe('customer admin (avtal@norrby.example)', () => {
	it('sees only their own customer', async () => {
		const list = await as.customerAdmin.json('GET', '/api/v1/customers');
		expect(list.status).toBe(200);
		expect(list.body.customers.map((c: { id: string }) => c.id)).toEqual([norrby.id]);
	});

	it('manages their own people: add, change, give and take a role', async () => {
		const admin = as.customerAdmin;
		const body = person('customer_member', { title: 'Systemägare', phone: '08-123' });
		const created = await admin.json('POST', `/api/v1/customers/${norrby.id}/people`, body);
		expect(created.status).toBe(201);
		const id = created.body.person.id;

		const patched = await admin.json('PATCH', `/api/v1/people/${id}`, { title: 'IT-systemansvarig' });
		expect(patched.status).toBe(200);
		expectContract('updatePerson', patched.body);
		// only the title changed
		expect(patched.body.person).toMatchObject({ id, name: body.name, email: body.email, phone: '08-123', title: 'IT-systemansvarig', access: 'customer_member' });
		const read = await admin.json('GET', `/api/v1/people/${id}`);
		expectContract('getPerson', read.body);
		expect(read.body.person).toEqual(patched.body.person);

		const roleId = ids.role('customer', 'system_owner');
		const assigned = await admin.json('POST', `/api/v1/customers/${norrby.id}/roles`, { personId: id, roleId });
		expect(assigned.status).toBe(201);
		expectContract('assignRole', assigned.body);
		expect(assigned.body.assignment).toMatchObject({ customerId: norrby.id, personId: id, roleId });
		const twice = await admin.json('POST', `/api/v1/customers/${norrby.id}/roles`, { personId: id, roleId });
		expect(twice.status).toBe(409);
		const withRole = (await peopleOf(norrby.id)).find((p) => p.id === id)!;
		expect(withRole.roles.map((r) => r.roleId)).toEqual([roleId]);

		const removed = await admin.request('DELETE', `/api/v1/customers/${norrby.id}/roles/${assigned.body.assignment.id}`);
		expect(removed.status).toBe(204);
		expect((await peopleOf(norrby.id)).find((p) => p.id === id)!.roles).toEqual([]);
		const gone = await admin.request('DELETE', `/api/v1/customers/${norrby.id}/roles/${assigned.body.assignment.id}`);
		expect(gone.status).toBe(404);
	});

	it('may not give their people a supplier access level, nor a supplier role', async () => {
		const admin = as.customerAdmin;
		const count = (await peopleOf(norrby.id)).length;
		const res = await admin.json('POST', `/api/v1/customers/${norrby.id}/people`, person('supplier_admin'));
		expect(res.status).toBe(400);
		expect(res.body.error.fields).toEqual({ access: 'Not allowed for this party' });
		expect((await peopleOf(norrby.id)).length).toBe(count);
		const member = norrby.person('tjanst@norrby.example');
		const role = await admin.json('POST', `/api/v1/customers/${norrby.id}/roles`, { personId: member.id, roleId: ids.role('supplier', 'bam') });
		expect(role.status).toBe(400);
		expect(role.body.error.fields).toEqual({ roleId: 'Role of the other party' });
	});

	it('cannot touch supplier staff (403)', async () => {
		const admin = as.customerAdmin;
		const bam = ids.staff('bam@itmastaren.example');
		const patch = await admin.json('PATCH', `/api/v1/people/${bam.id}`, { name: 'Hijacked' });
		expect(patch.status).toBe(403);
		const role = await admin.json('POST', `/api/v1/customers/${norrby.id}/roles`, { personId: bam.id, roleId: ids.role('supplier', 'cto') });
		expect(role.status).toBe(403);
		// the supplier's staff keep their role assignments in Norrby's relation
		const relationAssignment = await as.supplierAdmin.json('POST', `/api/v1/customers/${norrby.id}/roles`, {
			personId: bam.id,
			roleId: ids.role('supplier', 'environment_officer')
		});
		expect(relationAssignment.status).toBe(201);
		const unassign = await admin.request('DELETE', `/api/v1/customers/${norrby.id}/roles/${relationAssignment.body.assignment.id}`);
		expect(unassign.status).toBe(403);
		const create = await admin.json('POST', '/api/v1/supplier/people', person('supplier_staff'));
		expect(create.status).toBe(403);
		const list = await admin.json('GET', '/api/v1/supplier/people');
		expect(list.status).toBe(403);
		const after = await as.supplierAdmin.json('GET', `/api/v1/people/${bam.id}`);
		expect(after.body.person.name).toBe('Johan Berg');
	});

	it('cannot create customers or forums, nor change the role catalogue (403)', async () => {
		const admin = as.customerAdmin;
		expect((await admin.json('POST', '/api/v1/customers', { name: unique('Eget AB') })).status).toBe(403);
		expect((await admin.json('POST', `/api/v1/customers/${norrby.id}/forums`, { templateKey: 'cab' })).status).toBe(403);
		expect((await admin.json('PATCH', `/api/v1/roles/${ids.role('customer', 'ceo')}`, { nameEn: 'Boss' })).status).toBe(403);
	});

	it('takes the chair: hands a duty to their own person, visible in the forum and the audit log', async () => {
		const admin = as.customerAdmin;
		const forumId = norrby.forums.operational.id;
		const before = norrby.forums.operational.duties.find((d) => d.duty === 'chair')!;
		expect(before).toMatchObject({ party: 'supplier', personName: 'Johan Berg' });
		const eva = norrby.person('avtal@norrby.example');

		const res = await admin.json('PUT', `/api/v1/forums/${forumId}/duties/chair`, { party: 'customer', personId: eva.id });
		expect(res.status).toBe(200);
		expectContract('assignDuty', res.body);
		expect(res.body.duty).toEqual({ duty: 'chair', party: 'customer', personId: eva.id, personName: 'Eva Norberg' });

		const forum = await as.customerMember.json('GET', `/api/v1/forums/${forumId}`);
		expect(forum.status).toBe(200);
		expectContract('getForum', forum.body);
		expect(forum.body.forum.duties.find((d: { duty: string }) => d.duty === 'chair')).toEqual({
			duty: 'chair',
			party: 'customer',
			personId: eva.id,
			personName: 'Eva Norberg'
		});
		// the other duties are untouched
		expect(forum.body.forum.duties.filter((d: { duty: string }) => d.duty !== 'chair')).toEqual(
			norrby.forums.operational.duties.filter((d) => d.duty !== 'chair')
		);

		const audit = await admin.json('GET', `/api/v1/audit?customerId=${norrby.id}`);
		expect(audit.status).toBe(200);
		expectContract('listAudit', audit.body);
		const entry = audit.body.entries.find((e: { action: string; entityId: string }) => e.action === 'duty.assign' && e.entityId === forumId);
		expect(entry).toMatchObject({
			actorId: eva.id,
			actorName: 'Eva Norberg',
			customerId: norrby.id,
			entity: 'forum',
			before: { duty: 'chair', party: 'supplier', person: 'Johan Berg' },
			after: { duty: 'chair', party: 'customer', person: 'Eva Norberg' }
		});
		// newest first: the change just made is the newest duty entry of this forum
		expect(audit.body.entries.filter((e: { action: string }) => e.action === 'duty.assign')[0]).toEqual(entry);
		// the same entry is in the supplier admin's view of the whole installation
		const all = await as.supplierAdmin.json('GET', '/api/v1/audit');
		expect(all.status).toBe(200);
		expect(all.body.entries.map((e: { id: string }) => e.id)).toContain(entry.id);
	});

	it('may not hand a customer duty to supplier staff, nor a supplier duty to their own person', async () => {
		const forumId = norrby.forums.strategic.id;
		const get = async () => (await as.supplierAdmin.json('GET', `/api/v1/forums/${forumId}`)).body.forum.duties;
		const before = await get();
		const a = await as.customerAdmin.json('PUT', `/api/v1/forums/${forumId}/duties/presenter`, {
			party: 'customer',
			personId: ids.staff('bam@itmastaren.example').id
		});
		expect(a.status).toBe(400);
		expect(a.body.error.fields).toEqual({ personId: 'Not of this party' });
		const b = await as.customerAdmin.json('PUT', `/api/v1/forums/${forumId}/duties/presenter`, {
			party: 'supplier',
			personId: norrby.person('it@norrby.example').id
		});
		expect(b.status).toBe(400);
		const c = await as.customerAdmin.json('PUT', `/api/v1/forums/${forumId}/duties/dictator`, { party: 'customer' });
		expect(c.status).toBe(400);
		expect(c.body.error.fields).toHaveProperty('duty');
		expect(await get()).toEqual(before);
	});

	it('schedules meetings and manages members in their own forums', async () => {
		const admin = as.customerAdmin;
		const forumId = norrby.forums.cab.id;
		const count = await meetingCount(forumId);
		const res = await admin.json('POST', `/api/v1/forums/${forumId}/meetings`, meetingBody(20));
		expect(res.status).toBe(201);
		expect(await meetingCount(forumId)).toBe(count + 1);

		const lars = norrby.person('forandring@norrby.example');
		const members = async () => (await as.supplierAdmin.json('GET', `/api/v1/forums/${forumId}`)).body.forum.members.map((m: { personId: string }) => m.personId);
		const wasMember = (await members()).includes(lars.id);
		if (wasMember) expect((await admin.request('DELETE', `/api/v1/forums/${forumId}/members/${lars.id}`)).status).toBe(204);
		const added = await admin.json('POST', `/api/v1/forums/${forumId}/members`, { personId: lars.id, roleId: ids.role('customer', 'change_owner') });
		expect(added.status).toBe(201);
		expectContract('addForumMember', added.body);
		expect(added.body.member).toEqual({
			personId: lars.id,
			name: 'Lars Öberg',
			email: 'forandring@norrby.example',
			party: 'customer',
			roleId: ids.role('customer', 'change_owner'),
			roleName: { sv: 'IT-beställning- och förändringsansvarig', en: 'IT Ordering and Change Owner' }
		});
		expect(await members()).toContain(lars.id);
		const dup = await admin.json('POST', `/api/v1/forums/${forumId}/members`, { personId: lars.id });
		expect(dup.status).toBe(409);
		const removed = await admin.request('DELETE', `/api/v1/forums/${forumId}/members/${lars.id}`);
		expect(removed.status).toBe(204);
		expect(await members()).not.toContain(lars.id);
		expect((await admin.request('DELETE', `/api/v1/forums/${forumId}/members/${lars.id}`)).status).toBe(404);
		const badRole = await admin.json('POST', `/api/v1/forums/${forumId}/members`, { personId: lars.id, roleId: ids.role('supplier', 'bam') });
		expect(badRole.status).toBe(400);
		expect(badRole.body.error.fields).toEqual({ roleId: 'Role of the other party' });
		const noRole = await admin.json('POST', `/api/v1/forums/${forumId}/members`, { personId: lars.id, roleId: '00000000-0000-4000-8000-000000000000' });
		expect(noRole.status).toBe(400);
		expect(noRole.body.error.fields).toEqual({ roleId: 'Unknown role' });
		expect(await members()).not.toContain(lars.id);
	});

	it("edits their own forum's texts", async () => {
		const forumId = norrby.forums.security.id;
		const before = (await as.supplierAdmin.json('GET', `/api/v1/forums/${forumId}`)).body.forum;
		const res = await as.customerAdmin.json('PATCH', `/api/v1/forums/${forumId}`, { purposeEn: 'Security, together.' });
		expect(res.status).toBe(200);
		expectContract('updateForum', res.body);
		expect(res.body.forum.content.purpose).toEqual({ sv: before.content.purpose.sv, en: 'Security, together.' });
		expect(res.body.forum.content.purpose.sv.length).toBeGreaterThan(20);
		expect(res.body.forum.name).toEqual({ sv: 'IT-säkerhetsgrupp', en: 'IT security group' });
	});
});

describe('customer member (it@norrby.example)', () => {
	it("reads their own customer's forums, meetings and people", async () => {
		const member = as.customerMember;
		const forums = await member.json('GET', `/api/v1/customers/${norrby.id}/forums`);
		expect(forums.status).toBe(200);
		expectContract('listForums', forums.body);
		expect(forums.body.forums.map((f: { templateKey: string }) => f.templateKey).sort()).toEqual(['cab', 'operational', 'security', 'strategic', 'tactical']);
		const forumId = norrby.forums.tactical.id;
		const meetings = await member.json('GET', `/api/v1/forums/${forumId}/meetings`);
		expect(meetings.status).toBe(200);
		expectContract('listForumMeetings', meetings.body);
		expect(meetings.body.meetings.map((m: { id: string }) => m.id)).toEqual(norrby.meetings[forumId]);
		const people = await member.json('GET', `/api/v1/customers/${norrby.id}/people`);
		expect(people.status).toBe(200);
		expectContract('listCustomerPeople', people.body);
		const me = await member.json('GET', '/api/v1/me');
		expectContract('getMe', me.body);
	});

	it('may not schedule a meeting (403), and no meeting is created', async () => {
		const forumId = norrby.forums.operational.id;
		const count = await meetingCount(forumId);
		const res = await as.customerMember.json('POST', `/api/v1/forums/${forumId}/meetings`, meetingBody(10));
		expect(res.status).toBe(403);
		expect(res.body.error.code).toBe('forbidden');
		expect(await meetingCount(forumId)).toBe(count);
	});

	it.each([
		['POST', '/api/v1/customers/{norrby}/people', () => person('customer_member')],
		['PATCH', '/api/v1/people/{self}', () => ({ access: 'customer_admin' })],
		['POST', '/api/v1/customers/{norrby}/roles', () => ({ personId: norrby.person('it@norrby.example').id, roleId: ids.role('customer', 'ceo') })],
		['PUT', '/api/v1/forums/{forum}/duties/chair', () => ({ party: 'customer', personId: norrby.person('it@norrby.example').id })],
		['PATCH', '/api/v1/forums/{forum}', () => ({ nameSv: 'Mitt forum' })],
		['POST', '/api/v1/forums/{forum}/members', () => ({ personId: norrby.person('tjanst@norrby.example').id })],
		['GET', '/api/v1/audit?customerId={norrby}', () => undefined],
		['GET', '/api/v1/supplier/people', () => undefined],
		// ITSM data follows the portal's report grants, and the demo grants this member none
		['GET', '/api/v1/customers/{norrby}/sla', () => undefined],
		['GET', '/api/v1/customers/{norrby}/kpis', () => undefined],
		['GET', '/api/v1/customers/{norrby}/tickets', () => undefined],
		['GET', '/api/v1/customers/{norrby}/sla-settings', () => undefined],
		['GET', '/api/v1/customers/{norrby}/kpi-targets', () => undefined]
	])('may not %s %s (403)', async (method, template, body) => {
		const path = template
			.replace('{norrby}', norrby.id)
			.replace('{self}', norrby.person('it@norrby.example').id)
			.replace('{forum}', norrby.forums.operational.id);
		const res = await as.customerMember.json(method, path, body());
		expect(res.status).toBe(403);
		expect(res.body.error.code).toBe('forbidden');
	});

	it('is still a member afterwards (the refused change of access did not happen)', async () => {
		const me = await as.customerMember.json('GET', '/api/v1/me');
		expect(me.status).toBe(200);
		expect(me.body.person.access).toBe('customer_member');
	});
});

describe('bad input changes nothing', () => {
	it.each([
		['end before start', { startsAt: '2031-05-05T10:00', endsAt: '2031-05-05T09:00' }, 'endsAt'],
		['no start', { endsAt: '2031-05-05T09:00' }, 'startsAt'],
		['not a date', { startsAt: 'next tuesday', endsAt: '2031-05-05T09:00' }, 'startsAt'],
		['longer than a day', { startsAt: '2031-05-05T10:00', endsAt: '2031-05-06T10:01' }, 'endsAt'],
		['plain http video link', { startsAt: '2031-05-05T10:00', endsAt: '2031-05-05T11:00', videoUrl: 'http://insecure.example' }, 'videoUrl']
	])('invalid meeting (%s) → 400 naming the field, meeting count unchanged', async (_, body, field) => {
		const forumId = norrby.forums.operational.id;
		const count = await meetingCount(forumId);
		const res = await as.supplierStaff.json('POST', `/api/v1/forums/${forumId}/meetings`, body);
		expect(res.status).toBe(400);
		expect(res.body.error.code).toBe('invalid');
		expect(Object.keys(res.body.error.fields)).toContain(field);
		expect(await meetingCount(forumId)).toBe(count);
	});

	it('malformed JSON for a meeting → 400, meeting count unchanged', async () => {
		const forumId = norrby.forums.operational.id;
		const count = await meetingCount(forumId);
		const res = await as.supplierStaff.request('POST', `/api/v1/forums/${forumId}/meetings`, '{"startsAt":');
		expect(res.status).toBe(400);
		expect(await meetingCount(forumId)).toBe(count);
	});

	it('invalid person → 400 with fields, people unchanged; duplicate e-mail → 409', async () => {
		const before = await peopleOf(norrby.id);
		const res = await as.customerAdmin.json('POST', `/api/v1/customers/${norrby.id}/people`, {
			name: '',
			email: 'not-an-address',
			access: 'customer_member',
			password: 'short'
		});
		expect(res.status).toBe(400);
		expect(Object.keys(res.body.error.fields).sort()).toEqual(['email', 'name', 'password']);
		const dup = await as.customerAdmin.json('POST', `/api/v1/customers/${norrby.id}/people`, person('customer_member', { email: 'IT@norrby.example' }));
		expect(dup.status).toBe(409);
		expect(dup.body.error.fields).toEqual({ email: 'Already in use' });
		expect(await peopleOf(norrby.id)).toEqual(before);
	});

	it('invalid customer → 400, duplicate name → 409, customer list unchanged', async () => {
		const before = (await as.supplierAdmin.json('GET', '/api/v1/customers')).body.customers;
		const bad = await as.supplierAdmin.json('POST', '/api/v1/customers', { name: 'X', orgNumber: '12-34' });
		expect(bad.status).toBe(400);
		expect(bad.body.error.fields).toEqual({ orgNumber: 'Organisation number must look like 556677-8899' });
		const dup = await as.supplierAdmin.json('POST', '/api/v1/customers', { name: NORRBY });
		expect(dup.status).toBe(409);
		expect((await as.supplierAdmin.json('GET', '/api/v1/customers')).body.customers).toEqual(before);
	});

	it('invalid forum cadence → 400, forum unchanged', async () => {
		const forumId = norrby.forums.tactical.id;
		const before = (await as.supplierAdmin.json('GET', `/api/v1/forums/${forumId}`)).body.forum;
		const res = await as.supplierAdmin.json('PATCH', `/api/v1/forums/${forumId}`, { nameSv: 'Nytt namn', cadenceMinPerYear: 5, cadenceMaxPerYear: 2 });
		expect(res.status).toBe(400);
		expect(res.body.error.fields).toEqual({ cadenceMinPerYear: 'The minimum cannot be above the maximum' });
		const after = (await as.supplierAdmin.json('GET', `/api/v1/forums/${forumId}`)).body.forum;
		expect(after.name).toEqual(before.name);
		expect(after.cadence).toEqual(before.cadence);
	});

	it('unknown ids → 404', async () => {
		const nobody = '00000000-0000-4000-8000-000000000000';
		for (const path of [`/api/v1/customers/${nobody}`, `/api/v1/forums/${nobody}`, `/api/v1/meetings/${nobody}`, `/api/v1/people/${nobody}`, '/api/v1/forums/not-even-a-uuid']) {
			const res = await as.supplierAdmin.json('GET', path);
			expect(res.status, path).toBe(404);
			expect(res.body.error.code).toBe('not_found');
		}
		expect((await as.supplierAdmin.json('PATCH', `/api/v1/roles/${nobody}`, { nameEn: 'x' })).status).toBe(404);
		expect((await as.supplierAdmin.json('GET', `/api/v1/audit?customerId=${nobody}`)).status).toBe(404);
	});
});
