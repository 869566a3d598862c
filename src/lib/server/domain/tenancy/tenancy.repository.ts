/** Queries for customers, people and role assignments. No access checks here. */
import type { Executor } from '$lib/server/db';
import type { AccountsTable, CustomersTable, PeopleTable, RoleAssignmentsTable } from '$lib/server/db/schema';

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

export const findCustomerIdByName = (db: Executor, name: string) =>
	db.selectFrom('customers').select('id').where('name', '=', name).executeTakeFirst();

export const insertCustomer = (db: Executor, row: CustomersTable) => db.insertInto('customers').values(row).execute();

export const insertPerson = (db: Executor, row: PeopleTable) => db.insertInto('people').values(row).execute();

export const updatePersonRow = (
	db: Executor,
	id: string,
	changes: Pick<PeopleTable, 'name' | 'email' | 'phone' | 'title' | 'access' | 'updated_at'>
) => db.updateTable('people').set(changes).where('id', '=', id).execute();

/** Some supplier admin, if the installation has one. */
export const findAnySupplierAdmin = (db: Executor) =>
	db.selectFrom('people').select('id').where('access', '=', 'supplier_admin').executeTakeFirst();

export const insertAccount = (db: Executor, row: AccountsTable) => db.insertInto('accounts').values(row).execute();

/** Creates the person's login, or sets a new password on the one they have. */
export const upsertAccountPassword = (db: Executor, personId: string, passwordHash: string, now: string) =>
	db
		.insertInto('accounts')
		.values({ person_id: personId, password_hash: passwordHash, disabled_at: null, last_login_at: null, created_at: now, updated_at: now })
		.onConflict((oc) => oc.column('person_id').doUpdateSet({ password_hash: passwordHash, updated_at: now }))
		.execute();

export const setAccountDisabledAt = (db: Executor, personId: string, disabledAt: string | null, now: string) =>
	db.updateTable('accounts').set({ disabled_at: disabledAt, updated_at: now }).where('person_id', '=', personId).execute();

export const setAccountLastLogin = (db: Executor, personId: string, at: string) =>
	db.updateTable('accounts').set({ last_login_at: at }).where('person_id', '=', personId).execute();

/** A person with their login's password hash and state, by e-mail; only people who have a login. */
export const findLoginRow = (db: Executor, email: string) =>
	db
		.selectFrom('people')
		.innerJoin('accounts', 'accounts.person_id', 'people.id')
		.select(['people.id', 'people.name', 'people.email', 'people.access', 'people.customer_id', 'accounts.password_hash', 'accounts.disabled_at'])
		.where('people.email', '=', email)
		.executeTakeFirst();

export const findSupplierId = (db: Executor) => db.selectFrom('supplier').select('id').executeTakeFirst();

export const findSupplierName = (db: Executor) => db.selectFrom('supplier').select('name').executeTakeFirst();

export const insertSupplier = (db: Executor, row: { id: string; name: string; created_at: string }) =>
	db.insertInto('supplier').values(row).execute();

export const setSupplierName = (db: Executor, name: string) => db.updateTable('supplier').set({ name }).execute();

export const listRoleRows = (db: Executor) =>
	db.selectFrom('roles').selectAll().orderBy('party', 'desc').orderBy('sort_order').execute();

export const findRole = (db: Executor, id: string) => db.selectFrom('roles').selectAll().where('id', '=', id).executeTakeFirst();

export const updateRoleTexts = (
	db: Executor,
	id: string,
	texts: { name_sv: string; name_en: string; description_sv: string; description_en: string; updated_at: string }
) => db.updateTable('roles').set(texts).where('id', '=', id).execute();

export const findAssignmentId = (db: Executor, customerId: string, personId: string, roleId: string) =>
	db
		.selectFrom('role_assignments')
		.select('id')
		.where('customer_id', '=', customerId)
		.where('person_id', '=', personId)
		.where('role_id', '=', roleId)
		.executeTakeFirst();

export const insertAssignment = (db: Executor, row: RoleAssignmentsTable) => db.insertInto('role_assignments').values(row).execute();

/** One assignment in a customer's relation, with its person's and role's names. */
export const findAssignmentInRelation = (db: Executor, customerId: string, assignmentId: string) =>
	db
		.selectFrom('role_assignments')
		.innerJoin('people', 'people.id', 'role_assignments.person_id')
		.innerJoin('roles', 'roles.id', 'role_assignments.role_id')
		.select(['role_assignments.id', 'people.customer_id as person_customer_id', 'people.name', 'roles.name_sv'])
		.where('role_assignments.id', '=', assignmentId)
		.where('role_assignments.customer_id', '=', customerId)
		.executeTakeFirst();

export const deleteAssignment = (db: Executor, id: string) => db.deleteFrom('role_assignments').where('id', '=', id).execute();

/** Ids of a customer's people and the supplier's (customer_id null). */
export const listPersonIdsOfCustomerOrSupplier = (db: Executor, customerId: string) =>
	db
		.selectFrom('people')
		.select('id')
		.where((eb) => eb.or([eb('customer_id', '=', customerId), eb('customer_id', 'is', null)]))
		.execute();

/** Every person's id and name. */
export const listAllPersonNames = (db: Executor) => db.selectFrom('people').select(['id', 'name']).execute();
