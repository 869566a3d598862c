/**
 * The tactical forum's standard agenda item about invoicing becomes
 * "Fakturering och avtal" (issue 22): the previous period's invoicing is
 * followed up against the agreement there. Renames the item in the tactical
 * template and in the standing agenda of forums made from it, where it still
 * has the template's old title (a title someone changed stays as it is).
 *
 * Frozen once shipped; never import application code here.
 */
import type { Kysely } from 'kysely';

const OLD = { sv: 'Uppföljning av fakturering', en: 'Invoicing follow-up' };
const NEW = { sv: 'Fakturering och avtal', en: 'Invoicing and agreement' };

type Item = { kind?: string; title?: { sv?: string; en?: string } };

function renamed(json: string): string | null {
	const value = JSON.parse(json) as { agenda?: Item[] };
	let changed = false;
	for (const item of value.agenda ?? []) {
		if (item.kind === 'invoicing' && item.title?.sv === OLD.sv && item.title?.en === OLD.en) {
			item.title = { ...NEW };
			changed = true;
		}
	}
	return changed ? JSON.stringify(value) : null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const templates = await db.selectFrom('forum_templates').select(['id', 'definition']).where('key', '=', 'tactical').execute();
	for (const t of templates) {
		const definition = renamed(t.definition as string);
		if (definition) await db.updateTable('forum_templates').set({ definition }).where('id', '=', t.id).execute();
		const forums = await db.selectFrom('forums').select(['id', 'content']).where('template_id', '=', t.id).execute();
		for (const f of forums) {
			const content = renamed(f.content as string);
			if (content) await db.updateTable('forums').set({ content }).where('id', '=', f.id).execute();
		}
	}
}

export async function down(): Promise<void> {}
