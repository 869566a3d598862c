import type { Executor } from '$lib/server/db';

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
