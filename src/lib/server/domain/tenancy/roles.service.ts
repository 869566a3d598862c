import { z } from 'zod';
import type { Db } from '$lib/server/db';
import type { Party } from '$lib/domain-types';
import type { Role, RoleAssignmentsTable } from '$lib/server/db/schema';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { conflict, invalid, notFound } from '../errors';
import { newId, nowIso } from '../ids';
import { authorize } from '../policy';
import { id, multilineText, parseInput, text } from '../validation';
import {
	deleteAssignment,
	findAssignmentId,
	findAssignmentInRelation,
	findCustomer,
	findPerson,
	findRole,
	insertAssignment,
	listRoleRows,
	updateRoleTexts
} from './tenancy.repository';

export interface RoleView {
	id: string;
	key: string;
	party: Party;
	nameSv: string;
	nameEn: string;
	descriptionSv: string;
	descriptionEn: string;
}

const toRoleView = (r: Role): RoleView => ({
	id: r.id,
	key: r.key,
	party: r.party,
	nameSv: r.name_sv,
	nameEn: r.name_en,
	descriptionSv: r.description_sv,
	descriptionEn: r.description_en
});

/** The installation's role catalogue; every signed-in person may read it. */
// no actor: the role catalogue is reference data that every signed-in person reads (no customer data)
export async function listRoles(db: Db): Promise<RoleView[]> {
	const rows = await listRoleRows(db);
	return rows.map(toRoleView);
}

/** Texts of a catalogue role; what is left out stays as it is. */
export const RoleUpdate = z
	.object({
		nameSv: text(120),
		nameEn: text(120),
		descriptionSv: multilineText(2000),
		descriptionEn: multilineText(2000)
	})
	.partial();

export async function updateRole(db: Db, actor: Actor, roleId: string, input: unknown): Promise<RoleView> {
	authorize(actor, 'catalogue.manage');
	const data = parseInput(RoleUpdate, input);
	return db.transaction().execute(async (tx) => {
		const before = await findRole(tx, roleId);
		if (!before) throw notFound('Role');
		const after = {
			name_sv: data.nameSv ?? before.name_sv,
			name_en: data.nameEn ?? before.name_en,
			description_sv: data.descriptionSv ?? before.description_sv,
			description_en: data.descriptionEn ?? before.description_en
		};
		const updatedAt = nowIso();
		await updateRoleTexts(tx, roleId, { ...after, updated_at: updatedAt });
		await recordAudit(tx, actor, {
			action: 'role.update',
			entity: 'role',
			entityId: roleId,
			customerId: null,
			before: { name_sv: before.name_sv, name_en: before.name_en, description_sv: before.description_sv, description_en: before.description_en },
			after
		});
		return toRoleView({ ...before, ...after, updated_at: updatedAt });
	});
}

export interface RoleAssignmentView {
	id: string;
	customerId: string;
	personId: string;
	roleId: string;
	createdAt: string;
}

// no actor: pure mapping of a row a service has read after authorizing it
export const toAssignmentView = (r: RoleAssignmentsTable): RoleAssignmentView => ({
	id: r.id,
	customerId: r.customer_id,
	personId: r.person_id,
	roleId: r.role_id,
	createdAt: r.created_at
});

export const AssignInput = z.object({ personId: id(), roleId: id() });

/** Gives a person a role in one customer's relation (supplier staff hold roles per customer too). */
export async function assignRole(db: Db, actor: Actor, customerId: string, input: unknown): Promise<RoleAssignmentsTable> {
	// May the actor assign roles in this relation at all (to its own people, the widest case)?
	// Checked before the input, so another customer's relation is "not found" whatever is sent.
	authorize(actor, 'role.assign', { customerId, personCustomerId: customerId, kind: 'Customer' });
	if (!(await findCustomer(db, customerId))) throw notFound('Customer');
	const data = parseInput(AssignInput, input);
	const person = await findPerson(db, data.personId);
	// Another customer's person is as unknown here as one that does not exist.
	if (!person || (person.customer_id !== null && person.customer_id !== customerId)) {
		throw invalid('This person does not belong to the supplier or this customer', { personId: 'person.unknown' });
	}
	authorize(actor, 'role.assign', { customerId, personCustomerId: person.customer_id, kind: 'Customer' });
	const role = await findRole(db, data.roleId);
	if (!role) throw invalid('No such role', { roleId: 'role.unknown' });
	const personParty: Party = person.customer_id ? 'customer' : 'supplier';
	if (role.party !== personParty) {
		throw invalid('This role belongs to the other party', { roleId: 'role.other_party' });
	}
	return db.transaction().execute(async (tx) => {
		if (!(await findCustomer(tx, customerId))) throw notFound('Customer');
		const exists = await findAssignmentId(tx, customerId, person.id, role.id);
		if (exists) throw conflict('The person already holds this role', { roleId: 'role.already_held' });
		const row = { id: newId(), customer_id: customerId, person_id: person.id, role_id: role.id, created_at: nowIso() };
		await insertAssignment(tx, row);
		await recordAudit(tx, actor, {
			action: 'role.assign',
			entity: 'role_assignment',
			entityId: row.id,
			customerId,
			after: { person: person.name, role: role.name_sv }
		});
		return row;
	});
}

export async function unassignRole(db: Db, actor: Actor, customerId: string, assignmentId: string) {
	// As in assignRole: another customer's relation is "not found" before anything is looked up in it,
	// so an existing assignment there answers exactly like one that does not exist.
	authorize(actor, 'role.assign', { customerId, personCustomerId: customerId, kind: 'Customer' });
	const row = await findAssignmentInRelation(db, customerId, assignmentId);
	if (!row) throw notFound('Role assignment');
	authorize(actor, 'role.assign', { customerId, personCustomerId: row.person_customer_id, kind: 'Customer' });
	await db.transaction().execute(async (tx) => {
		await deleteAssignment(tx, assignmentId);
		await recordAudit(tx, actor, {
			action: 'role.unassign',
			entity: 'role_assignment',
			entityId: assignmentId,
			customerId,
			before: { person: row.name, role: row.name_sv }
		});
	});
}
