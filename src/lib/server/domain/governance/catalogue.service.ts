/**
 * Installs the governance model's role catalogue and forum templates into a
 * new installation. Idempotent: rows that exist (and may have been edited) are
 * left alone, so restarting never overwrites an installation's own wording.
 */
import type { Executor } from '$lib/server/db';
import { newId, nowIso } from '../ids';
import { FORUM_TEMPLATES, ROLE_CATALOGUE } from './catalogue';
import type { ForumTemplateDefinition } from './catalogue.types';
import { insertRole, insertTemplate, listRoleKeys, listTemplateKeys, listTemplateRows } from './catalogue.repository';

// no actor: runs at start-up (app.ts) before any request, installing the governance model
export async function installCatalogue(db: Executor): Promise<void> {
	const now = nowIso();
	const roles = await listRoleKeys(db);
	const haveRole = new Set(roles.map((r) => `${r.party}:${r.key}`));
	let order = 0;
	for (const role of ROLE_CATALOGUE) {
		order += 10;
		if (haveRole.has(`${role.party}:${role.key}`)) continue;
		await insertRole(db, {
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
		});
	}
	const templates = await listTemplateKeys(db);
	const haveTemplate = new Set(templates.map((t) => t.key));
	for (const [i, t] of FORUM_TEMPLATES.entries()) {
		if (haveTemplate.has(t.key)) continue;
		await insertTemplate(db, { id: newId(), key: t.key, level: t.level, sort_order: i * 10, definition: JSON.stringify(t), created_at: now, updated_at: now });
	}
}

export interface TemplateView extends ForumTemplateDefinition {
	id: string;
}

// no actor: the governance model's templates are reference data that every signed-in person reads; callers have authorized the page or forum
export async function listTemplates(db: Executor): Promise<TemplateView[]> {
	const rows = await listTemplateRows(db);
	return rows.map((r) => ({ ...(JSON.parse(r.definition) as ForumTemplateDefinition), id: r.id }));
}
