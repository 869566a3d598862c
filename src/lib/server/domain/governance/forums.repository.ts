import { sql } from 'kysely';
import type { Executor } from '$lib/server/db';
import type { ForumLevel } from '$lib/server/db/schema';

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
