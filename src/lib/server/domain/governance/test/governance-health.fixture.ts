/**
 * A small hand-made world for the unit tests of attendance, governance health
 * and the calendar feed: two customers, supplier staff, one forum each, with
 * roles. Rows are inserted directly, so each test states exactly what exists.
 */
import { createDb, type Db } from '$lib/server/db';
import { bundledMigrations } from '$lib/server/db/migrations';
import { migrateToLatest } from '$lib/server/db/migrator';
import type { Access } from '$lib/domain-types';
import type { ForumLevel } from '$lib/server/db/schema';
import type { Actor } from '../../actor';
import { newId } from '../../ids';

const T0 = '2026-01-01T00:00:00.000Z';

export interface World {
	db: Db;
	customerA: string;
	customerB: string;
	forumA: string;
	forumB: string;
	roles: Record<string, string>;
	people: Record<'chair' | 'staff' | 'adminA' | 'memberA' | 'otherA' | 'adminB', Actor>;
}

export async function person(db: Db, name: string, access: Access, customerId: string | null): Promise<Actor> {
	const id = newId();
	const email = `${name.toLowerCase().replace(/\W+/g, '.')}@example.se`;
	await db.insertInto('people').values({ id, customer_id: customerId, name, email, access, created_at: T0, updated_at: T0 }).execute();
	await db.insertInto('accounts').values({ person_id: id, password_hash: 'x', created_at: T0, updated_at: T0 }).execute();
	return { personId: id, name, email, access, customerId };
}

export async function forum(db: Db, customerId: string, opts: { level?: ForumLevel; participants?: { supplier: string[]; customer: string[] }; min?: number | null; max?: number | null } = {}) {
	const id = newId();
	const content = {
		purpose: { sv: '', en: '' },
		cadenceText: { sv: '', en: '' },
		tasks: [],
		agenda: [{ kind: 'standard', title: { sv: 'Uppföljning', en: 'Follow-up' }, minutes: 20 }],
		participants: opts.participants ?? { supplier: ['bam'], customer: ['contract_owner', 'it_manager'] },
		preparation: null
	};
	await db
		.insertInto('forums')
		.values({
			id,
			customer_id: customerId,
			template_id: null,
			level: opts.level ?? 'tactical',
			sort_order: 0,
			name_sv: 'Taktiskt forum',
			name_en: 'Tactical forum',
			content: JSON.stringify(content),
			cadence_min_per_year: opts.min === undefined ? 3 : opts.min,
			cadence_max_per_year: opts.max === undefined ? 4 : opts.max,
			created_at: T0,
			updated_at: T0
		})
		.execute();
	return id;
}

export async function meeting(db: Db, forumId: string, customerId: string, startsAt: string, endsAt: string, extra: { approved_at?: string | null; status?: 'planned' | 'minutes_approved' } = {}) {
	const id = newId();
	await db
		.insertInto('meetings')
		.values({
			id,
			forum_id: forumId,
			customer_id: customerId,
			title: `Möte ${startsAt.slice(0, 10)}`,
			starts_at: startsAt,
			ends_at: endsAt,
			location: 'Stadshuset',
			video_url: null,
			status: extra.status ?? 'planned',
			approved_at: extra.approved_at ?? null,
			created_by: null,
			created_at: T0,
			updated_at: T0
		})
		.execute();
	return id;
}

export async function member(db: Db, forumId: string, personId: string, roleId: string | null, createdAt = T0) {
	await db.insertInto('forum_members').values({ forum_id: forumId, person_id: personId, role_id: roleId, created_at: createdAt }).execute();
}

export async function world(): Promise<World> {
	const db = createDb({ dialect: 'sqlite', filename: ':memory:' });
	await migrateToLatest(db, bundledMigrations);
	const customerA = newId();
	const customerB = newId();
	for (const [id, name] of [
		[customerA, 'Norrby kommun'],
		[customerB, 'Vattenbolaget Syd AB']
	])
		await db.insertInto('customers').values({ id, name, org_number: null, created_at: T0, updated_at: T0 }).execute();
	const roles: Record<string, string> = {};
	for (const [key, party, sv, en] of [
		['bam', 'supplier', 'Kundansvarig', 'Business Account Manager'],
		['contract_owner', 'customer', 'Avtalsansvarig', 'Contract owner'],
		['it_manager', 'customer', 'IT-ansvarig', 'IT manager']
	] as const) {
		roles[key] = newId();
		await db.insertInto('roles').values({ id: roles[key], key, party, name_sv: sv, name_en: en, description_sv: '', description_en: '', sort_order: 0, created_at: T0, updated_at: T0 }).execute();
	}
	const people = {
		chair: await person(db, 'Åsa Öberg', 'supplier_staff', null),
		staff: await person(db, 'Sven Stab', 'supplier_staff', null),
		adminA: await person(db, 'Karin Lund', 'customer_admin', customerA),
		memberA: await person(db, 'Jörgen Ärlig', 'customer_member', customerA),
		otherA: await person(db, 'Olle Utanför', 'customer_member', customerA),
		adminB: await person(db, 'Vera Vatten', 'customer_admin', customerB)
	};
	const forumA = await forum(db, customerA);
	const forumB = await forum(db, customerB);
	await member(db, forumA, people.chair.personId, roles.bam);
	await member(db, forumA, people.adminA.personId, roles.contract_owner);
	await member(db, forumA, people.memberA.personId, roles.it_manager);
	await member(db, forumB, people.adminB.personId, roles.contract_owner);
	// the chair of forum A, by name
	await db.insertInto('forum_duties').values({ forum_id: forumA, duty: 'chair', party: 'supplier', person_id: people.chair.personId, updated_at: T0 }).execute();
	return { db, customerA, customerB, forumA, forumB, roles, people };
}
