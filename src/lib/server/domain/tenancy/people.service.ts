import { z } from 'zod';
import { englishText, type ErrorCode } from '$lib/errors/error-codes';
import type { Db } from '$lib/server/db';
import { ACCESS_LEVELS, ACCESS_OF_PARTY, type Access } from '$lib/domain-types';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { conflict, invalid, notFound } from '../errors';
import { newId, nowIso } from '../ids';
import { authorize } from '../policy';
import { email, optionalText, parseInput, text } from '../validation';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password';
import { accessChanged } from './access-events';
import { deleteSessionsOf } from './sessions';
import {
	findCustomer,
	findPerson,
	findPersonByEmail,
	findPersonWithAccount,
	insertAccount,
	insertPerson,
	listAssignmentRows,
	listPeopleRows,
	setAccountDisabledAt,
	updatePersonRow,
	upsertAccountPassword
} from './tenancy.repository';

export interface PersonView {
	id: string;
	customerId: string | null;
	name: string;
	email: string;
	phone: string | null;
	title: string | null;
	access: Access;
	hasAccount: boolean;
	/** has a login that an admin disabled (hasAccount is then false) */
	accountDisabled: boolean;
	lastLoginAt: string | null;
	roles: { assignmentId: string; roleId: string; key: string; nameSv: string; nameEn: string }[];
}

const password = z
	.string()
	.max(1024)
	.optional()
	.transform((v) => (v ? v : undefined))
	.refine((v) => v === undefined || v.length >= MIN_PASSWORD_LENGTH, {
		message: 'field.too_short',
		params: { min: MIN_PASSWORD_LENGTH }
	});

export const PersonInput = z.object({
	name: text(120),
	email: email(),
	phone: optionalText(40),
	title: optionalText(120),
	access: z.enum(ACCESS_LEVELS),
	password
});

type PeopleRow = Awaited<ReturnType<typeof listPeopleRows>>[number];
type AssignmentRow = Awaited<ReturnType<typeof listAssignmentRows>>[number];

// no actor: pure mapping of rows a service has read after authorizing them
export const toPersonView = (r: PeopleRow, assignments: AssignmentRow[]): PersonView => ({
	id: r.id,
	customerId: r.customer_id,
	name: r.name,
	email: r.email,
	phone: r.phone,
	title: r.title,
	access: r.access,
	hasAccount: Boolean(r.has_account) && !r.disabled_at,
	accountDisabled: Boolean(r.has_account) && Boolean(r.disabled_at),
	lastLoginAt: r.last_login_at,
	roles: assignments
		.filter((a) => a.person_id === r.id)
		.map((a) => ({ assignmentId: a.id, roleId: a.role_id, key: a.role_key, nameSv: a.name_sv, nameEn: a.name_en }))
});

/**
 * People of a customer (customerId) or the supplier's staff (null), with the
 * roles they hold in that customer's relation.
 */
export async function listPeople(db: Db, actor: Actor, customerId: string | null): Promise<PersonView[]> {
	authorize(actor, 'person.read', { customerId, kind: 'Customer' });
	if (customerId && !(await findCustomer(db, customerId))) throw notFound('Customer');
	const [rows, assignments] = await Promise.all([
		listPeopleRows(db, customerId),
		customerId ? listAssignmentRows(db, customerId) : Promise.resolve([])
	]);
	return rows.map((r) => toPersonView(r, assignments));
}

/**
 * One person as `listPeople` shows them: a customer's person with the roles
 * they hold in their customer's relation; supplier staff (whose roles are per
 * customer relation) without roles.
 */
export async function getPerson(db: Db, actor: Actor, personId: string): Promise<PersonView> {
	const row = await findPersonWithAccount(db, personId);
	if (!row) throw notFound('Person');
	authorize(actor, 'person.read', { customerId: row.customer_id, kind: 'Person' });
	const assignments = row.customer_id ? await listAssignmentRows(db, row.customer_id) : [];
	return toPersonView(row, assignments);
}

/** Adds a person to a customer (or to the supplier when customerId is null), with a login if a password is given. */
export async function createPerson(db: Db, actor: Actor, customerId: string | null, input: unknown) {
	authorize(actor, 'person.manage', { customerId, personCustomerId: customerId, kind: 'Customer' });
	const data = parseInput(PersonInput, input);
	const allowed = ACCESS_OF_PARTY[customerId ? 'customer' : 'supplier'];
	if (!allowed.includes(data.access)) {
		throw invalid('This access level does not belong to this party', { access: 'person.access_not_for_party' });
	}
	if (actor.access === 'customer_admin' && data.access === 'customer_admin' && actor.customerId !== customerId) {
		throw invalid('Not allowed', { access: 'person.access_not_allowed' });
	}
	const passwordHash = data.password ? await hashPassword(data.password) : null;
	return db.transaction().execute(async (tx) => {
		if (customerId && !(await findCustomer(tx, customerId))) throw notFound('Customer');
		if (await findPersonByEmail(tx, data.email)) {
			throw conflict('Someone already has this e-mail address', { email: 'person.email_in_use' });
		}
		const now = nowIso();
		const person = {
			id: newId(),
			customer_id: customerId,
			name: data.name,
			email: data.email,
			phone: data.phone,
			title: data.title,
			access: data.access,
			created_at: now,
			updated_at: now
		};
		await insertPerson(tx, person);
		if (passwordHash) {
			await insertAccount(tx, { person_id: person.id, password_hash: passwordHash, disabled_at: null, last_login_at: null, created_at: now, updated_at: now });
		}
		const { created_at: _c, updated_at: _u, ...after } = person;
		await recordAudit(tx, actor, {
			action: 'person.create',
			entity: 'person',
			entityId: person.id,
			customerId,
			after: { ...after, account: Boolean(passwordHash) }
		});
		return person;
	});
}

export const PersonUpdate = PersonInput.partial().extend({ disabled: z.boolean().optional() });


/** Higher is more: an admin of either party outranks staff and members. */
const ACCESS_RANK: Record<Access, number> = { supplier_admin: 2, supplier_staff: 1, customer_admin: 2, customer_member: 1 };

/**
 * A person cannot disable their own account or lower their own access: an
 * installation (or a customer) must never be left without the admin who made
 * the change, and nobody locks themselves out by a slip of the hand.
 * Returns the field errors, empty when the change is allowed.
 */
export function selfChangeErrors(
	actor: Pick<Actor, 'personId'>,
	personId: string,
	currentAccess: Access,
	change: { access?: Access; disabled?: boolean }
): Record<string, ErrorCode> {
	if (actor.personId !== personId) return {};
	const errors: Record<string, ErrorCode> = {};
	if (change.disabled) errors.disabled = 'person.cannot_disable_self';
	if (change.access && ACCESS_RANK[change.access] < ACCESS_RANK[currentAccess]) errors.access = 'person.cannot_lower_own_access';
	return errors;
}

export async function updatePerson(db: Db, actor: Actor, personId: string, input: unknown) {
	const existing = await findPerson(db, personId);
	if (!existing) throw notFound('Person');
	authorize(actor, 'person.manage', {
		customerId: existing.customer_id,
		personCustomerId: existing.customer_id,
		kind: 'Person'
	});
	const data = parseInput(PersonUpdate, input);
	if (data.access) {
		const allowed = ACCESS_OF_PARTY[existing.customer_id ? 'customer' : 'supplier'];
		if (!allowed.includes(data.access)) throw invalid('Not allowed for this party', { access: 'person.access_not_for_party' });
	}
	const selfErrors = selfChangeErrors(actor, personId, existing.access, data);
	if (Object.keys(selfErrors).length) throw invalid(Object.values(selfErrors).map((code) => englishText({ code })).join('; '), selfErrors);
	const passwordHash = data.password ? await hashPassword(data.password) : null;
	const updated = await db.transaction().execute(async (tx) => {
		if (data.email && data.email !== existing.email && (await findPersonByEmail(tx, data.email))) {
			throw conflict('Someone already has this e-mail address', { email: 'person.email_in_use' });
		}
		const now = nowIso();
		const changes = {
			name: data.name ?? existing.name,
			email: data.email ?? existing.email,
			phone: data.phone === undefined ? existing.phone : data.phone,
			title: data.title === undefined ? existing.title : data.title,
			access: data.access ?? existing.access
		};
		await updatePersonRow(tx, personId, { ...changes, updated_at: now });
		if (passwordHash) {
			await upsertAccountPassword(tx, personId, passwordHash, now);
		}
		if (data.disabled !== undefined) {
			await setAccountDisabledAt(tx, personId, data.disabled ? now : null, now);
		}
		// A new password, a lost right or a disabled account ends every open session.
		if (passwordHash || data.disabled || (data.access && data.access !== existing.access)) {
			await deleteSessionsOf(tx, personId);
		}
		await recordAudit(tx, actor, {
			action: 'person.update',
			entity: 'person',
			entityId: personId,
			customerId: existing.customer_id,
			before: { name: existing.name, email: existing.email, phone: existing.phone, title: existing.title, access: existing.access },
			after: { ...changes, ...(passwordHash ? { password: 'changed' } : {}), ...(data.disabled !== undefined ? { disabled: data.disabled } : {}) }
		});
		return { ...existing, ...changes };
	});
	// Open sockets re-check at once: ended sessions close, a changed access level applies.
	accessChanged({ kind: 'person', personId });
	return updated;
}
