/** Queries for the role catalogue and forum templates. No access checks here. */
import type { Executor } from '$lib/server/db';
import type { ForumTemplatesTable, RolesTable } from '$lib/server/db/schema';

export const listRoleKeys = (db: Executor) => db.selectFrom('roles').select(['party', 'key']).execute();

export const insertRole = (db: Executor, row: RolesTable) => db.insertInto('roles').values(row).execute();

export const listTemplateKeys = (db: Executor) => db.selectFrom('forum_templates').select('key').execute();

export const insertTemplate = (db: Executor, row: ForumTemplatesTable) => db.insertInto('forum_templates').values(row).execute();

export const listTemplateRows = (db: Executor) => db.selectFrom('forum_templates').selectAll().orderBy('sort_order').execute();

export const listTemplateIdKeys = (db: Executor) => db.selectFrom('forum_templates').select(['id', 'key']).execute();
