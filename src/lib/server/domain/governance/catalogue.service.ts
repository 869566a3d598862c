/**
 * Installs the governance model's role catalogue and forum templates into a
 * new installation. Idempotent: rows that exist (and may have been edited) are
 * left alone, so restarting never overwrites an installation's own wording.
 */
import type { Executor } from '$lib/server/db';
import { newId, nowIso } from '../ids';
import { FORUM_TEMPLATES, ROLE_CATALOGUE } from './catalogue';
import type { ForumTemplateDefinition } from './catalogue.types';

export async function installCatalogue(db: Executor): Promise<void> {
	const now = nowIso();
	const roles = await db.selectFrom('roles').select(['party', 'key']).execute();
	const haveRole = new Set(roles.map((r) => `${r.party}:${r.key}`));
	let order = 0;
	for (const role of ROLE_CATALOGUE) {
		order += 10;
		if (haveRole.has(`${role.party}:${role.key}`)) continue;
		await db
			.insertInto('roles')
			.values({
				id: newId(),
				key: role.key,
				party: role.party,
				name_sv: role.name.sv,
				name_en: role.name.en,
				description_sv: role.description.sv,
				description_en: role.description.en,
				sort_order: order,
				created_at: now,
				updated_at: now
			})
			.execute();
	}
	const templates = await db.selectFrom('forum_templates').select('key').execute();
	const haveTemplate = new Set(templates.map((t) => t.key));
	for (const [i, t] of FORUM_TEMPLATES.entries()) {
		if (haveTemplate.has(t.key)) continue;
		await db
			.insertInto('forum_templates')
			.values({ id: newId(), key: t.key, level: t.level, sort_order: i * 10, definition: JSON.stringify(t), created_at: now, updated_at: now })
			.execute();
	}
}

export interface TemplateView extends ForumTemplateDefinition {
	id: string;
}

export async function listTemplates(db: Executor): Promise<TemplateView[]> {
	const rows = await db.selectFrom('forum_templates').selectAll().orderBy('sort_order').execute();
	return rows.map((r) => ({ ...(JSON.parse(r.definition) as ForumTemplateDefinition), id: r.id }));
}
