import { sql, type Insertable } from 'kysely';
import type { Executor } from '$lib/server/db';
import type { Duty, Party } from '$lib/domain-types';
import type { ForumDutiesTable, ForumLevel, ForumMembersTable, ForumsTable } from '$lib/server/db/schema';

export const findForumRow = (db: Executor, id: string) =>
	db.selectFrom('forums').selectAll().where('id', '=', id).executeTakeFirst();

export const listForumRows = (db: Executor, customerId: string) =>
	db.selectFrom('forums').selectAll().where('customer_id', '=', customerId).orderBy('sort_order').execute();

export const listMemberRows = (db: Executor, forumIds: string[]) =>
	forumIds.length === 0
		? Promise.resolve([])
		: db
				.selectFrom('forum_members')
				.innerJoin('people', 'people.id', 'forum_members.person_id')
				.leftJoin('roles', 'roles.id', 'forum_members.role_id')
				.select([
					'forum_members.forum_id',
					'forum_members.person_id',
					'forum_members.role_id',
					'people.name',
					'people.email',
					'people.customer_id',
					'roles.name_sv as role_name_sv',
					'roles.name_en as role_name_en'
				])
				.where('forum_members.forum_id', 'in', forumIds)
				.orderBy('people.name')
				.execute();

export const listDutyRows = (db: Executor, forumIds: string[]) =>
	forumIds.length === 0
		? Promise.resolve([])
		: db
				.selectFrom('forum_duties')
				.leftJoin('people', 'people.id', 'forum_duties.person_id')
				.select(['forum_duties.forum_id', 'forum_duties.duty', 'forum_duties.party', 'forum_duties.person_id', 'people.name as person_name'])
				.where('forum_duties.forum_id', 'in', forumIds)
				.execute();

/** Forum ids where a person is a member: "my forums". */
export const forumIdsOfMember = async (db: Executor, personId: string) =>
	(await db.selectFrom('forum_members').select('forum_id').where('person_id', '=', personId).execute()).map((r) => r.forum_id);

/** The key of the template a forum was made from ('cab', 'operational', …), if any. */
export const findTemplateKeyOfForum = async (db: Executor, forumId: string): Promise<string | undefined> =>
	(
		await db
			.selectFrom('forums')
			.innerJoin('forum_templates', 'forum_templates.id', 'forums.template_id')
			.select('forum_templates.key')
			.where('forums.id', '=', forumId)
			.executeTakeFirst()
	)?.key;

/** The supplier's staff and one customer's people: who may serve in that customer's forums. */
export const listEligiblePeopleRows = (db: Executor, customerId: string) =>
	db
		.selectFrom('people')
		.select(['id', 'name', 'customer_id'])
		.where((eb) => eb.or([eb('customer_id', 'is', null), eb('customer_id', '=', customerId)]))
		.orderBy('name')
		.execute();

/** The roles people hold in one customer's relation, in catalogue order. */
export const listRelationRoleRows = (db: Executor, customerId: string) =>
	db
		.selectFrom('role_assignments')
		.innerJoin('roles', 'roles.id', 'role_assignments.role_id')
		.select(['role_assignments.person_id', 'roles.id as role_id', 'roles.name_sv', 'roles.name_en'])
		.where('role_assignments.customer_id', '=', customerId)
		.orderBy('roles.sort_order')
		.execute();

/** Start times of the meetings of some forums (for their cadence); a cancelled meeting does not count. */
export const listMeetingStartsOfForums = (db: Executor, forumIds: string[]) =>
	forumIds.length
		? db.selectFrom('meetings').select(['forum_id', 'starts_at']).where('forum_id', 'in', forumIds).where('status', '!=', 'cancelled').execute()
		: Promise.resolve([]);

/** Meetings of some forums that have not ended by `now` and are not cancelled, earliest first. */
export const listUnendedMeetingsOfForums = (db: Executor, forumIds: string[], now: string) =>
	db
		.selectFrom('meetings')
		.select(['id', 'forum_id', 'title', 'starts_at', 'ends_at', 'location'])
		.where('forum_id', 'in', forumIds)
		.where('ends_at', '>=', now)
		.where('status', '!=', 'cancelled')
		.orderBy('starts_at')
		.execute();

export const findForumIdOfTemplate = (db: Executor, customerId: string, templateId: string) =>
	db.selectFrom('forums').select('id').where('customer_id', '=', customerId).where('template_id', '=', templateId).executeTakeFirst();

export const insertForum = (db: Executor, row: Insertable<ForumsTable>) => db.insertInto('forums').values(row).execute();

export const updateForumRow = (
	db: Executor,
	id: string,
	changes: Pick<ForumsTable, 'name_sv' | 'name_en' | 'content' | 'cadence_min_per_year' | 'cadence_max_per_year' | 'updated_at'>
) => db.updateTable('forums').set(changes).where('id', '=', id).execute();

export const insertForumDuties = (db: Executor, rows: ForumDutiesTable[]) => db.insertInto('forum_duties').values(rows).execute();

/** Who holds which role in one customer's relation, with the role's key and party. */
export const listRoleHolderRows = (db: Executor, customerId: string) =>
	db
		.selectFrom('role_assignments')
		.innerJoin('roles', 'roles.id', 'role_assignments.role_id')
		.select(['role_assignments.person_id', 'role_assignments.role_id', 'roles.key', 'roles.party'])
		.where('role_assignments.customer_id', '=', customerId)
		.execute();

export const insertForumMember = (db: Executor, row: ForumMembersTable) => db.insertInto('forum_members').values(row).execute();

export const findMembership = (db: Executor, forumId: string, personId: string) =>
	db.selectFrom('forum_members').select('person_id').where('forum_id', '=', forumId).where('person_id', '=', personId).executeTakeFirst();

/** A member of a forum, with their name. */
export const findMemberName = (db: Executor, forumId: string, personId: string) =>
	db
		.selectFrom('forum_members')
		.innerJoin('people', 'people.id', 'forum_members.person_id')
		.select(['people.name'])
		.where('forum_id', '=', forumId)
		.where('person_id', '=', personId)
		.executeTakeFirst();

export const deleteForumMember = (db: Executor, forumId: string, personId: string) =>
	db.deleteFrom('forum_members').where('forum_id', '=', forumId).where('person_id', '=', personId).execute();

/** Leaves the forum's duties that a person holds without a holder. */
export const clearDutiesOfPerson = (db: Executor, forumId: string, personId: string, now: string) =>
	db.updateTable('forum_duties').set({ person_id: null, updated_at: now }).where('forum_id', '=', forumId).where('person_id', '=', personId).execute();

/** One duty of a forum, with its holder's name. */
export const findDutyWithHolder = (db: Executor, forumId: string, duty: Duty) =>
	db
		.selectFrom('forum_duties')
		.leftJoin('people', 'people.id', 'forum_duties.person_id')
		.select(['forum_duties.party', 'forum_duties.person_id', 'people.name'])
		.where('forum_id', '=', forumId)
		.where('duty', '=', duty)
		.executeTakeFirst();

export const upsertDuty = (db: Executor, forumId: string, duty: Duty, party: Party, personId: string | null, now: string) =>
	db
		.insertInto('forum_duties')
		.values({ forum_id: forumId, duty, party, person_id: personId, updated_at: now })
		.onConflict((oc) => oc.columns(['forum_id', 'duty']).doUpdateSet({ party, person_id: personId, updated_at: now }))
		.execute();

/** One forum's duties with the holder's name. */
export const listForumDutiesWithNames = (db: Executor, forumId: string) =>
	db
		.selectFrom('forum_duties')
		.leftJoin('people', 'people.id', 'forum_duties.person_id')
		.select(['forum_duties.duty', 'forum_duties.party', 'forum_duties.person_id', 'people.name'])
		.where('forum_duties.forum_id', '=', forumId)
		.execute();

export async function isForumMemberRow(db: Executor, forumId: string, personId: string): Promise<boolean> {
	const row = await db.selectFrom('forum_members').select('person_id').where('forum_id', '=', forumId).where('person_id', '=', personId).executeTakeFirst();
	return row !== undefined;
}

/** A customer's operational forum: the one made from the 'operational' template first, then by sort order. */
export const findOperationalForumOfCustomer = (db: Executor, customerId: string) =>
	db
		.selectFrom('forums as f')
		.leftJoin('forum_templates as t', 't.id', 'f.template_id')
		.select(['f.id', 'f.customer_id'])
		.where('f.customer_id', '=', customerId)
		.where('f.level', '=', 'operational')
		.orderBy(sql`t.key = 'operational'`, 'desc')
		.orderBy('f.sort_order')
		.executeTakeFirst();

export const findForumOwner = (db: Executor, id: string) => db.selectFrom('forums').select(['id', 'customer_id']).where('id', '=', id).executeTakeFirst();

export const findForumContent = (db: Executor, id: string) => db.selectFrom('forums').select('content').where('id', '=', id).executeTakeFirst();

/** A customer's first-made forum of this level. */
export const findFirstForumAtLevel = (db: Executor, customerId: string, level: ForumLevel) =>
	db.selectFrom('forums').select(['id', 'name_sv', 'name_en']).where('customer_id', '=', customerId).where('level', '=', level).orderBy('created_at').limit(1).executeTakeFirst();

/** A forum's members with their role's Swedish name, by name. */
export const listMembersWithRoleSv = (db: Executor, forumId: string) =>
	db
		.selectFrom('forum_members as fm')
		.innerJoin('people as p', 'p.id', 'fm.person_id')
		.leftJoin('roles as r', 'r.id', 'fm.role_id')
		.select(['p.id', 'p.name', 'p.customer_id', 'r.name_sv as role'])
		.where('fm.forum_id', '=', forumId)
		.orderBy('p.name')
		.execute();
