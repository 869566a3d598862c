/** Queries for customers, people and role assignments. No access checks here. */
import type { Executor } from '$lib/server/db';

export const findCustomer = (db: Executor, id: string) =>
	db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();

export const listCustomerRows = (db: Executor, onlyId: string | null) => {
	let q = db.selectFrom('customers').selectAll().orderBy('name');
	if (onlyId) q = q.where('id', '=', onlyId);
	return q.execute();
};

export const findPerson = (db: Executor, id: string) =>
	db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();

export const findPersonByEmail = (db: Executor, email: string) =>
	db.selectFrom('people').selectAll().where('email', '=', email).executeTakeFirst();

const peopleWithAccounts = (db: Executor) =>
	db
		.selectFrom('people')
		.leftJoin('accounts', 'accounts.person_id', 'people.id')
		.selectAll('people')
		.select(['accounts.person_id as has_account', 'accounts.last_login_at', 'accounts.disabled_at']);

/** People of one customer, or the supplier's staff when customerId is null. */
export const listPeopleRows = (db: Executor, customerId: string | null) => {
	const q = peopleWithAccounts(db).orderBy('people.name');
	return (customerId ? q.where('people.customer_id', '=', customerId) : q.where('people.customer_id', 'is', null)).execute();
};

/** One person with their account state, as `listPeopleRows` shows them. */
export const findPersonWithAccount = (db: Executor, id: string) =>
	peopleWithAccounts(db).where('people.id', '=', id).executeTakeFirst();

/** Role assignments within one customer's relation, for people of both sides. */
export const listAssignmentRows = (db: Executor, customerId: string) =>
	db
		.selectFrom('role_assignments')
		.innerJoin('roles', 'roles.id', 'role_assignments.role_id')
		.innerJoin('people', 'people.id', 'role_assignments.person_id')
		.select([
			'role_assignments.id',
			'role_assignments.person_id',
			'role_assignments.role_id',
			'roles.key as role_key',
			'roles.party',
			'roles.name_sv',
			'roles.name_en',
			'roles.sort_order',
			'people.name as person_name',
			'people.email as person_email',
			'people.customer_id as person_customer_id'
		])
		.where('role_assignments.customer_id', '=', customerId)
		.orderBy('roles.party', 'desc')
		.orderBy('roles.sort_order')
		.orderBy('people.name')
		.execute();

export const countByCustomer = async (db: Executor, table: 'people' | 'forums' | 'meetings', customerId: string) => {
	const row = await db
		.selectFrom(table)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('customer_id', '=', customerId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
};

/** Ids of a customer's people and the supplier's (customer_id null). */
export const listPersonIdsOfCustomerOrSupplier = (db: Executor, customerId: string) =>
	db
		.selectFrom('people')
		.select('id')
		.where((eb) => eb.or([eb('customer_id', '=', customerId), eb('customer_id', 'is', null)]))
		.execute();

/** Every person's id and name. */
export const listAllPersonNames = (db: Executor) => db.selectFrom('people').select(['id', 'name']).execute();
