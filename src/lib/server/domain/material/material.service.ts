/**
 * Decision material (underlag) of a meeting (issue 16): files for the whole
 * meeting or one agenda item, versioned (a new version keeps the old ones),
 * checked by their bytes, stored through a MaterialStore.
 *
 * Access is the meeting's: whoever reads the meeting lists and downloads its
 * material; `meeting.material` uploads (policy.ts). Supplier-internal material
 * exists only for supplier staff: to a customer's person it answers exactly
 * like an unknown id. Another customer's meeting is "not found" as everywhere.
 * The material of a meeting whose minutes are approved no longer changes: the
 * record lists the versions current at approval (`materialForRecord`).
 */
import { z } from 'zod';
import type { Db, Executor } from '$lib/server/db';
import { config } from '$lib/server/config';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { conflict, invalid, notFound } from '../errors';
import { newId, nowIso } from '../ids';
import { LOCKED_STATES, meetingContext, type MeetingContext } from '../meeting-core/meeting-context';
import { findMeeting, holdMeetingUnlessStatus } from '../meeting-core/meetings.repository';
import { meetingSubject, participantsOf } from '../meeting-core/meeting-subject';
import type { MaterialPayload } from '../outbox/notification-payloads';
import { queueNotification } from '../outbox/queue-notification';
import type { RecordedMaterial } from '../meeting-core/minutes-model';
import { authorize, can } from '../policy';
import { reindexMaterial } from '../search/search.repository';
import { parseInput } from '../validation';
import type { ShownMaterial } from '$lib/realtime/room/events';
import { checkContent, checkFileName, MATERIAL_EXTENSIONS, PDF_CONTENT_TYPE } from './material-kinds';
import { databaseMaterialStore, type MaterialStore } from './material-store';
import { materialTiming, type MaterialTiming } from './material-timing';
import {
	agendaItemExists,
	findMaterialRow,
	forumLeadDays,
	insertMaterial,
	insertMaterialVersion,
	listAgendaItemTitles,
	listHandedOutRows,
	listMaterialRows,
	listVersionRows,
	nextVersionNumber,
	type MaterialRow,
	type MaterialVersionRow
} from './material.repository';

export interface MaterialVersionView {
	version: number;
	fileName: string;
	contentType: string;
	size: number;
	sha256: string;
	uploadedBy: { personId: string; name: string } | null;
	uploadedAt: string;
}

export interface MaterialView {
	id: string;
	meetingId: string;
	/** the agenda item it belongs to (its id in the agenda document); null: the whole meeting */
	agendaItemId: string | null;
	agendaItemTitle: string | null;
	/** supplier-internal: never shown to the customer's people */
	internal: boolean;
	current: MaterialVersionView;
	/** every version, newest first (the first is `current`) */
	versions: MaterialVersionView[];
}

export interface MaterialList {
	material: MaterialView[];
	timing: MaterialTiming;
	/** what the viewer may do, and the limits the upload form states */
	may: { upload: boolean; internal: boolean };
	/** the minutes are approved: the material no longer changes */
	locked: boolean;
	maxBytes: number;
	extensions: string[];
	/** the meeting's agenda items, which material can belong to */
	agendaItems: { id: string; title: string }[];
}

/** A file to send: the bytes of one version. */
export interface MaterialFile {
	bytes: Uint8Array;
	fileName: string;
	contentType: string;
	sha256: string;
}

/** Where the bytes go; the database by default (material-store.ts). */
export type StoreFor = (db: Executor) => MaterialStore;
const defaultStore: StoreFor = (db) => databaseMaterialStore(db);

const versionView = (v: MaterialVersionRow): MaterialVersionView => ({
	version: v.version,
	fileName: v.file_name,
	contentType: v.content_type,
	size: v.size,
	sha256: v.sha256,
	uploadedBy: v.uploaded_by ? { personId: v.uploaded_by, name: v.uploaded_by_name ?? '' } : null,
	uploadedAt: v.uploaded_at
});

/** The material this actor may see: supplier-internal only for supplier staff. */
const visibleTo = (actor: Actor) => (row: MaterialRow) => row.internal === 0 || can(actor, 'meeting.internal', { customerId: row.customer_id });

async function views(db: Executor, meetingId: string, rows: MaterialRow[], items?: { item_id: string; title: string }[]): Promise<MaterialView[]> {
	const [versions, titles] = await Promise.all([listVersionRows(db, rows.map((r) => r.id)), items ?? listAgendaItemTitles(db, meetingId)]);
	const title = new Map(titles.map((i) => [i.item_id, i.title]));
	return rows
		.map((r) => {
			const own = versions.filter((v) => v.material_id === r.id).map(versionView);
			return {
				id: r.id,
				meetingId: r.meeting_id,
				agendaItemId: r.agenda_item_id,
				agendaItemTitle: r.agenda_item_id ? (title.get(r.agenda_item_id) ?? null) : null,
				internal: r.internal === 1,
				current: own[0],
				versions: own
			};
		})
		.filter((v) => v.current !== undefined);
}

/** When the first version of each handed-out material came: internal material is not handed out, so the verdict is the same for both sides. */
const firstUploads = (list: MaterialView[]) => list.filter((v) => !v.internal).map((v) => v.versions[v.versions.length - 1].uploadedAt);

/** The meeting's material as this actor may see it, with the timing verdict and what the actor may do. */
export async function listMaterial(db: Db, actor: Actor, meetingId: string, now = new Date()): Promise<MaterialList> {
	const ctx = await meetingContext(db, actor, meetingId);
	const [rows, leadDays, items] = await Promise.all([listMaterialRows(db, meetingId), forumLeadDays(db, ctx.meeting.forum_id), listAgendaItemTitles(db, meetingId)]);
	const list = await views(db, meetingId, rows.filter(visibleTo(actor)), items);
	return {
		material: list,
		timing: materialTiming(ctx.meeting.starts_at, leadDays, firstUploads(list), now),
		may: { upload: mayUpload(actor, ctx), internal: can(actor, 'meeting.internal', ctx.resource) },
		locked: ctx.locked,
		maxBytes: config().MATERIAL_MAX_BYTES,
		extensions: MATERIAL_EXTENSIONS,
		agendaItems: items.map((i) => ({ id: i.item_id, title: i.title }))
	};
}

const mayUpload = (actor: Actor, ctx: MeetingContext) => can(actor, 'meeting.material', ctx.resource) && !ctx.locked;

/** The query of an upload: the file's name, and for new material its agenda item and whether it is supplier-internal. */
export const UploadInput = z.object({
	fileName: z.string().max(1000, 'field.too_long'),
	agendaItemId: z.string().trim().min(1).max(100, 'field.too_long').optional(),
	internal: z.enum(['true', 'false']).optional()
});
export const VersionInput = UploadInput.pick({ fileName: true });

/** Reads the request body, at most `limit` bytes (413 beyond). */
export type ReadBytes = (limit: number) => Promise<Uint8Array>;

async function writableContext(db: Db, actor: Actor, meetingId: string): Promise<MeetingContext> {
	const ctx = await meetingContext(db, actor, meetingId);
	authorize(actor, 'meeting.material', ctx.resource);
	if (ctx.locked) throw conflict({ code: 'material.locked' });
	return ctx;
}

/**
 * Reads the body (at most MATERIAL_MAX_BYTES: 413 beyond, whatever else is
 * wrong), then checks the name and the bytes; nothing is stored unless all pass.
 */
async function checkedFile(fileName: string, read: ReadBytes) {
	const max = config().MATERIAL_MAX_BYTES;
	const bytes = await read(max);
	if (bytes.byteLength > max) throw invalid({ code: 'material.too_large' }, { file: 'material.too_large' });
	const name = checkFileName(fileName);
	await checkContent(bytes, name);
	return { name, bytes };
}

/**
 * The one place where material becomes visible to the meeting's people (a
 * new material or a new version), inside the transaction that stores it.
 * Material published or changed: the audit entry, and the participants are
 * told (issue 16), in the transaction that stores the version.
 */
async function materialPublished(
	tx: Executor,
	actor: Actor,
	event: { meetingId: string; customerId: string; materialId: string; internal: boolean; version: number; fileName: string; sha256: string }
): Promise<void> {
	await recordAudit(tx, actor, {
		action: event.internal ? 'material.upload.internal' : 'material.upload',
		entity: 'meeting',
		entityId: event.meetingId,
		customerId: event.customerId,
		after: { material: event.materialId, fileName: event.fileName, version: event.version, sha256: event.sha256 }
	});
	// the participants hear of it (supplier-internal material: only the supplier's side), not the one who uploaded it
	const meeting = await findMeeting(tx, event.meetingId);
	if (!meeting) return;
	const recipients = (await participantsOf(tx, meeting)).filter((p) => (!event.internal || p.customerId === null) && p.personId !== actor.personId);
	const payload: MaterialPayload = { ...(await meetingSubject(tx, meeting)), materials: [{ name: event.fileName, version: event.version }] };
	await queueNotification(
		tx,
		{ kind: 'material.published', key: `material.published:${event.materialId}:${event.version}`, customerId: event.customerId, payload: { ...payload } },
		recipients.map((p) => p.personId)
	);
}

/**
 * A transaction that holds the meeting open: approval freezes the material
 * list in its own transaction, and the two cannot interleave, so a version
 * stored here is either in the record or refused (409).
 */
function inOpenMeeting<T>(db: Db, meetingId: string, run: (tx: Executor) => Promise<T>): Promise<T> {
	return db.transaction().execute(async (tx) => {
		if (!(await holdMeetingUnlessStatus(tx, meetingId, LOCKED_STATES))) throw conflict({ code: 'material.locked' });
		return run(tx);
	});
}

async function storeVersion(tx: Executor, actor: Actor, storeFor: StoreFor, material: MaterialRow, version: number, file: Awaited<ReturnType<typeof checkedFile>>) {
	const sha256 = await storeFor(tx).put(file.bytes);
	await insertMaterialVersion(tx, {
		id: newId(),
		material_id: material.id,
		version,
		file_name: file.name.fileName,
		content_type: file.name.kind.contentType,
		size: file.bytes.byteLength,
		sha256,
		uploaded_by: actor.personId === 'system' ? null : actor.personId,
		uploaded_at: nowIso()
	});
	await reindexMaterial(tx, material.meeting_id);
	await materialPublished(tx, actor, {
		meetingId: material.meeting_id,
		customerId: material.customer_id,
		materialId: material.id,
		internal: material.internal === 1,
		version,
		fileName: file.name.fileName,
		sha256
	});
}

async function viewOf(db: Db, actor: Actor, meetingId: string, materialId: string): Promise<MaterialView> {
	const row = await findMaterialRow(db, meetingId, materialId);
	if (!row || !visibleTo(actor)(row)) throw notFound('Material');
	return (await views(db, meetingId, [row]))[0];
}

/** New material for the meeting (or one of its agenda items): version 1. */
export async function uploadMaterial(db: Db, actor: Actor, meetingId: string, input: unknown, read: ReadBytes, storeFor: StoreFor = defaultStore): Promise<MaterialView> {
	const ctx = await writableContext(db, actor, meetingId);
	const q = parseInput(UploadInput, input);
	const internal = q.internal === 'true';
	if (internal) authorize(actor, 'meeting.internal', ctx.resource);
	const file = await checkedFile(q.fileName, read);
	if (q.agendaItemId !== undefined && !(await agendaItemExists(db, meetingId, q.agendaItemId))) {
		throw invalid({ code: 'meeting.unknown_item' }, { agendaItemId: 'meeting.unknown_item' });
	}
	const material: MaterialRow = {
		id: newId(),
		meeting_id: meetingId,
		customer_id: ctx.meeting.customer_id,
		agenda_item_id: q.agendaItemId ?? null,
		internal: internal ? 1 : 0,
		created_by: actor.personId === 'system' ? null : actor.personId,
		created_at: nowIso()
	};
	await inOpenMeeting(db, meetingId, async (tx) => {
		await insertMaterial(tx, material);
		await storeVersion(tx, actor, storeFor, material, 1, file);
	});
	return viewOf(db, actor, meetingId, material.id);
}

/** A new version of a material; the old ones stay and can still be downloaded. */
export async function uploadVersion(db: Db, actor: Actor, meetingId: string, materialId: string, input: unknown, read: ReadBytes, storeFor: StoreFor = defaultStore): Promise<MaterialView> {
	await writableContext(db, actor, meetingId);
	const q = parseInput(VersionInput, input);
	const file = await checkedFile(q.fileName, read);
	const material = await findMaterialRow(db, meetingId, materialId);
	if (!material || !visibleTo(actor)(material)) throw notFound('Material');
	await inOpenMeeting(db, meetingId, async (tx) => storeVersion(tx, actor, storeFor, material, await nextVersionNumber(tx, material.id), file)).catch((err: unknown) => {
			// two versions at the same instant: (material_id, version) is unique, the later one is told to retry
			if (/unique|duplicate/i.test(String((err as Error).message))) throw conflict('Another version was uploaded at the same moment: try again');
			throw err;
		});
	return viewOf(db, actor, meetingId, materialId);
}

/** One material as the actor may see it. */
export async function getMaterial(db: Db, actor: Actor, meetingId: string, materialId: string): Promise<MaterialView> {
	await meetingContext(db, actor, meetingId);
	return viewOf(db, actor, meetingId, materialId);
}

/**
 * Whether the room can show this material, and what it shows: the current
 * version of a PDF that every participant may read. Supplier-internal
 * material is refused (the customer's people in the room must not see it),
 * and so is anything a browser cannot page through as a PDF.
 */
export async function presentableMaterial(db: Db, actor: Actor, meetingId: string, materialId: string): Promise<ShownMaterial> {
	const view = await getMaterial(db, actor, meetingId, materialId);
	if (view.internal) throw conflict({ code: 'material.internal_not_shown' });
	if (!isPresentable(view)) throw invalid({ code: 'material.not_pdf' }, { materialId: 'material.not_pdf' });
	return { id: view.id, version: view.current.version, fileName: view.current.fileName };
}

const isPresentable = (view: MaterialView) => !view.internal && view.current.contentType === PDF_CONTENT_TYPE;

/** The material the room can show (see `presentableMaterial`), as the presenter picks from it. */
export async function presentableMaterialList(db: Db, actor: Actor, meetingId: string): Promise<ShownMaterial[]> {
	await meetingContext(db, actor, meetingId);
	const rows = (await listMaterialRows(db, meetingId)).filter(visibleTo(actor));
	return (await views(db, meetingId, rows)).filter(isPresentable).map((v) => ({ id: v.id, version: v.current.version, fileName: v.current.fileName }));
}

/** The bytes of a version (the current one without `version`). */
export async function downloadMaterial(db: Db, actor: Actor, meetingId: string, materialId: string, version?: string | null, storeFor: StoreFor = defaultStore): Promise<MaterialFile> {
	const view = await getMaterial(db, actor, meetingId, materialId);
	let wanted = view.current;
	if (version !== undefined && version !== null) {
		if (!/^[1-9]\d{0,8}$/.test(version)) throw invalid('Invalid input: version: a version number (1, 2, …)', { version: 'field.whole_number' });
		const found = view.versions.find((v) => v.version === Number(version));
		if (!found) throw notFound('Material version');
		wanted = found;
	}
	const bytes = await storeFor(db).get(wanted.sha256);
	if (!bytes) throw notFound('Material version');
	return { bytes, fileName: wanted.fileName, contentType: wanted.contentType, sha256: wanted.sha256 };
}

/**
 * What the record says the meeting decided on: the versions current now of
 * the material that is not supplier-internal (approval freezes this list into
 * the approved minutes, and so into every export). No access check: called
 * by the approval, which has checked its own.
 */
// no actor: internal read for the approval (lifecycle.service.ts), which has authorized minutes.approve
export async function materialForRecord(db: Executor, meetingId: string): Promise<RecordedMaterial[]> {
	const rows = (await listMaterialRows(db, meetingId)).filter((r) => r.internal === 0);
	const list = await views(db, meetingId, rows);
	return list.map((v) => ({ name: v.current.fileName, version: v.current.version, sha256: v.current.sha256, agendaItem: v.agendaItemTitle }));
}


/** A handed-out material as a list beside the minutes shows it: its current version. */
export interface HandedOutMaterial {
	id: string;
	meetingId: string;
	fileName: string;
	version: number;
	size: number;
}

/**
 * The handed-out (not supplier-internal) material of these meetings, current
 * versions, by meeting: what the customer's portal lists beside approved
 * minutes. No access check: the caller has authorized the customer's meetings.
 */
// no actor: internal read for the portal's meetings report, which has authorized the report
export async function handedOutMaterial(db: Executor, meetingIds: string[]): Promise<Map<string, HandedOutMaterial[]>> {
	const rows = await listHandedOutRows(db, meetingIds);
	const versions = await listVersionRows(db, rows.map((r) => r.id));
	const byMeeting = new Map<string, HandedOutMaterial[]>();
	for (const r of rows) {
		const current = versions.find((v) => v.material_id === r.id);
		if (!current) continue;
		const list = byMeeting.get(r.meeting_id) ?? [];
		list.push({ id: r.id, meetingId: r.meeting_id, fileName: current.file_name, version: current.version, size: current.size });
		byMeeting.set(r.meeting_id, list);
	}
	return byMeeting;
}
