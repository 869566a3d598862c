/**
 * The decision material tables: the material of a meeting, its versions and
 * (for the default store) the bytes by SHA-256. No access checks: the service
 * asks policy.ts first.
 */
import type { Executor } from '$lib/server/db';
import type { MaterialTable, MaterialVersionsTable } from '$lib/server/db/material-schema';

export type MaterialRow = MaterialTable;
export type MaterialVersionRow = MaterialVersionsTable & { uploaded_by_name: string | null };

export const findMaterialRow = (db: Executor, meetingId: string, materialId: string): Promise<MaterialRow | undefined> =>
	db.selectFrom('material').selectAll().where('id', '=', materialId).where('meeting_id', '=', meetingId).executeTakeFirst();

export const listMaterialRows = (db: Executor, meetingId: string): Promise<MaterialRow[]> =>
	db.selectFrom('material').selectAll().where('meeting_id', '=', meetingId).orderBy('created_at').orderBy('id').execute();

/** The material of these meetings that is handed out (not supplier-internal). */
export const listHandedOutRows = (db: Executor, meetingIds: string[]): Promise<MaterialRow[]> =>
	meetingIds.length === 0
		? Promise.resolve([])
		: db.selectFrom('material').selectAll().where('meeting_id', 'in', meetingIds).where('internal', '=', 0).orderBy('created_at').orderBy('id').execute();

/** Every version of these materials with the uploader's name, newest first per material. */
export const listVersionRows = (db: Executor, materialIds: string[]): Promise<MaterialVersionRow[]> =>
	materialIds.length === 0
		? Promise.resolve([])
		: db
				.selectFrom('material_versions as v')
				.leftJoin('people as p', 'p.id', 'v.uploaded_by')
				.selectAll('v')
				.select('p.name as uploaded_by_name')
				.where('v.material_id', 'in', materialIds)
				.orderBy('v.material_id')
				.orderBy('v.version', 'desc')
				.execute();

export async function insertMaterial(db: Executor, row: MaterialRow): Promise<void> {
	await db.insertInto('material').values(row).execute();
}

export async function insertMaterialVersion(db: Executor, row: MaterialVersionsTable): Promise<void> {
	await db.insertInto('material_versions').values(row).execute();
}

/** The next version number of a material (1 for a new one). */
export async function nextVersionNumber(db: Executor, materialId: string): Promise<number> {
	const row = await db.selectFrom('material_versions').select((eb) => eb.fn.max('version').as('n')).where('material_id', '=', materialId).executeTakeFirst();
	return Number(row?.n ?? 0) + 1;
}

/** Whether the meeting's agenda (as projected from its document) has this item. */
export async function agendaItemExists(db: Executor, meetingId: string, itemId: string): Promise<boolean> {
	const row = await db.selectFrom('agenda_items').select('item_id').where('meeting_id', '=', meetingId).where('item_id', '=', itemId).executeTakeFirst();
	return row !== undefined;
}

/** The titles of the meeting's agenda items, by item id. */
export const listAgendaItemTitles = (db: Executor, meetingId: string) =>
	db.selectFrom('agenda_items').select(['item_id', 'title', 'position']).where('meeting_id', '=', meetingId).orderBy('position').execute();

/** The forum's "material out N days before" rule. */
export async function forumLeadDays(db: Executor, forumId: string): Promise<number | null> {
	const row = await db.selectFrom('forums').select('material_lead_days').where('id', '=', forumId).executeTakeFirst();
	return row?.material_lead_days ?? null;
}

// ------------------------------------------------- the default store's bytes

export async function insertBlobIfAbsent(db: Executor, sha256: string, bytes: Uint8Array, at: string): Promise<void> {
	await db
		.insertInto('material_blobs')
		.values({ sha256, size: bytes.byteLength, bytes, created_at: at })
		.onConflict((oc) => oc.column('sha256').doNothing())
		.execute();
}

export async function readBlob(db: Executor, sha256: string): Promise<Uint8Array | undefined> {
	const row = await db.selectFrom('material_blobs').select('bytes').where('sha256', '=', sha256).executeTakeFirst();
	return row?.bytes;
}

/** Deletes the bytes unless a version still points at them; whether they were deleted. */
export async function deleteBlobIfUnused(db: Executor, sha256: string): Promise<boolean> {
	const used = await db.selectFrom('material_versions').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst();
	if (used) return false;
	const res = await db.deleteFrom('material_blobs').where('sha256', '=', sha256).executeTakeFirst();
	return Number(res.numDeletedRows) > 0;
}

export async function countMaterialRows(db: Executor): Promise<{ material: number; versions: number; blobs: number }> {
	const [m, v, b] = await Promise.all([
		db.selectFrom('material').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
		db.selectFrom('material_versions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
		db.selectFrom('material_blobs').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
	]);
	return { material: Number(m.n), versions: Number(v.n), blobs: Number(b.n) };
}
