/** Who may read a customer's ITSM data: report grants for people, scopes for API tokens. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db';
import type { Access } from '$lib/domain-types';
import { SYSTEM_ACTOR, type Actor } from '../actor';
import type { DomainErrorCode } from '../errors';
import { setReportGrants } from '../tenancy/report-grants.service';
import { authorizeItsmRead, type ItsmReadReport } from './read-access';
import { CUSTOMER, itsmDb, OTHER } from './test/itsm-db';

const UNKNOWN = '33333333-3333-4333-8333-333333333333';
const MEMBER = '44444444-4444-4444-8444-444444444444';

const person = (personId: string, access: Access, customerId: string | null, token?: string[]): Actor => ({
	personId,
	name: personId,
	email: `${personId}@example.test`,
	access,
	customerId,
	...(token ? { token: { id: personId, scopes: token } } : {})
});
const member = person(MEMBER, 'customer_member', CUSTOMER);

/** 'ok' or the code of the DomainError thrown. */
async function answer(db: Db, actor: Actor, customerId: string, report: ItsmReadReport): Promise<'ok' | DomainErrorCode> {
	try {
		await authorizeItsmRead(db, actor, customerId, report);
		return 'ok';
	} catch (err) {
		return (err as { code: DomainErrorCode }).code;
	}
}
const both = async (db: Db, actor: Actor, customerId = CUSTOMER) => ({ sla: await answer(db, actor, customerId, 'sla'), cases: await answer(db, actor, customerId, 'cases') });

let db: Db;
beforeEach(async () => {
	db = await itsmDb();
	const now = new Date().toISOString();
	await db
		.insertInto('people')
		.values({ id: MEMBER, customer_id: CUSTOMER, name: 'Medlem', email: 'medlem@example.test', phone: null, title: null, access: 'customer_member', created_at: now, updated_at: now })
		.execute();
});
afterEach(async () => {
	await db.destroy();
});

describe('authorizeItsmRead', () => {
	it('opens each kind of data to a member only with its report granted', async () => {
		expect(await both(db, member)).toEqual({ sla: 'forbidden', cases: 'forbidden' });
		await setReportGrants(db, SYSTEM_ACTOR, CUSTOMER, { personId: MEMBER, reports: ['sla'] });
		expect(await both(db, member)).toEqual({ sla: 'ok', cases: 'forbidden' });
		await setReportGrants(db, SYSTEM_ACTOR, CUSTOMER, { personId: MEMBER, reports: ['cases', 'meetings'] });
		expect(await both(db, member)).toEqual({ sla: 'forbidden', cases: 'ok' });
	});

	it('answers not found for another customer and unknown ids, whatever is granted', async () => {
		await setReportGrants(db, SYSTEM_ACTOR, CUSTOMER, { personId: MEMBER, reports: ['sla', 'cases'] });
		expect(await both(db, member, OTHER)).toEqual({ sla: 'not_found', cases: 'not_found' });
		expect(await both(db, member, UNKNOWN)).toEqual({ sla: 'not_found', cases: 'not_found' });
		expect(await both(db, person('admin-b', 'customer_admin', OTHER))).toEqual({ sla: 'not_found', cases: 'not_found' });
	});

	it("lets the customer's admins and supplier staff read everything", async () => {
		expect(await both(db, person('admin-a', 'customer_admin', CUSTOMER))).toEqual({ sla: 'ok', cases: 'ok' });
		expect(await both(db, person('staff', 'supplier_staff', null))).toEqual({ sla: 'ok', cases: 'ok' });
		expect(await both(db, person('staff', 'supplier_staff', null), UNKNOWN)).toEqual({ sla: 'not_found', cases: 'not_found' });
	});

	it('lets an API token read by its scope tickets:read, without any grant, in its own customer only', async () => {
		// actorFromToken makes a token a customer_member of its customer
		const reader = person('token-r', 'customer_member', CUSTOMER, ['tickets:read']);
		expect(await both(db, reader)).toEqual({ sla: 'ok', cases: 'ok' });
		expect(await both(db, reader, OTHER)).toEqual({ sla: 'not_found', cases: 'not_found' });
		expect(await both(db, reader, UNKNOWN)).toEqual({ sla: 'not_found', cases: 'not_found' });
		for (const scopes of [['tickets:write'], ['documents:read', 'documents:write']])
			expect(await both(db, person('token-x', 'customer_member', CUSTOMER, scopes)), scopes.join()).toEqual({ sla: 'forbidden', cases: 'forbidden' });
	});
});
