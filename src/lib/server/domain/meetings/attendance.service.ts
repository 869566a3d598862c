/**
 * Attendance of a meeting. The invitees are the forum's members, plus anyone
 * already marked, so a member who has since left the forum stays in the
 * record. Memberships have no history (a member row is created when someone
 * joins and deleted when they leave), so "members at the time of the
 * meeting" is what the forum has until the minutes are approved; approval
 * freezes the attendees into the minutes. Each invitee is attended, absent or
 * excused, or not yet marked.
 *
 * Once the minutes are approved, attendance is part of what was approved and
 * no longer changes.
 */
import { z } from 'zod';
import type { Db, Executor } from '$lib/server/db';
import type { AttendanceStatus } from '$lib/server/db/attendance-schema';
import type { Duty, Party } from '$lib/domain-types';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { conflict, invalid, type FieldErrors } from '../errors';
import type { Localized } from '../governance/catalogue.types';
import { nowIso } from '../ids';
import { authorize, can } from '../policy';
import { id, parseInput } from '../validation';
import { meetingContext, type MeetingContext } from '../meeting-core/meeting-context';
import type { MeetingRef } from '../meeting-core/meeting-duties';
import { deleteAttendanceMark, listAttendanceMarks, listInviteeRows, upsertAttendanceMark } from './attendance.repository';

export const ATTENDANCE_STATUSES = ['attended', 'absent', 'excused'] as const satisfies readonly AttendanceStatus[];

export interface AttendeeView {
	personId: string;
	name: string;
	side: Party;
	role: Localized | null;
	/** duties this person holds by name in the meeting */
	duties: Duty[];
	status: AttendanceStatus | null;
	updatedAt: string | null;
	updatedByName: string | null;
}

export interface AttendanceView {
	meetingId: string;
	/** whether the viewer may mark attendance (chair, minute-taker, supplier staff) and the minutes are open */
	canMark: boolean;
	/** approved minutes freeze attendance */
	locked: boolean;
	attendees: AttendeeView[];
	counts: Record<AttendanceStatus | 'unmarked', number>;
}

async function invitees(db: Executor, meeting: MeetingRef) {
	const [memberRows, marks] = await Promise.all([listInviteeRows(db, meeting.forum_id), listAttendanceMarks(db, meeting.id)]);
	return { memberRows, marks };
}

async function buildView(db: Executor, actor: Actor, ctx: MeetingContext): Promise<AttendanceView> {
	const { meeting, holders: duties, locked } = ctx;
	const { memberRows, marks } = await invitees(db, meeting);
	const byPerson = new Map<string, AttendeeView>();
	for (const r of memberRows) {
		byPerson.set(r.id, {
			personId: r.id,
			name: r.name,
			side: r.customer_id ? 'customer' : 'supplier',
			role: r.name_sv && r.name_en ? { sv: r.name_sv, en: r.name_en } : null,
			duties: [],
			status: null,
			updatedAt: null,
			updatedByName: null
		});
	}
	for (const mark of marks) {
		const a =
			byPerson.get(mark.id) ??
			({ personId: mark.id, name: mark.name, side: mark.customer_id ? 'customer' : 'supplier', role: null, duties: [], status: null, updatedAt: null, updatedByName: null } satisfies AttendeeView);
		a.status = mark.status;
		a.updatedAt = mark.updated_at;
		a.updatedByName = mark.by_name;
		byPerson.set(mark.id, a);
	}
	for (const d of duties) if (d.personId) byPerson.get(d.personId)?.duties.push(d.duty);
	const attendees = [...byPerson.values()].sort((a, b) => (a.side === b.side ? a.name.localeCompare(b.name, 'sv') : a.side === 'supplier' ? -1 : 1));
	const counts = { attended: 0, absent: 0, excused: 0, unmarked: 0 };
	for (const a of attendees) counts[a.status ?? 'unmarked']++;
	return {
		meetingId: meeting.id,
		canMark: !locked && can(actor, 'meeting.attendance', ctx.resource),
		locked,
		attendees,
		counts
	};
}

/** Everyone invited to the meeting, by side, with their attendance. */
export async function listAttendance(db: Executor, actor: Actor, meetingId: string): Promise<AttendanceView> {
	return buildView(db, actor, await meetingContext(db, actor, meetingId));
}

export const AttendanceEntry = z.object({
	personId: id(),
	/** null clears a mark */
	status: z.enum(ATTENDANCE_STATUSES).nullable()
});

export const AttendanceInput = z.object({
	entries: z.array(AttendanceEntry).min(1, 'field.required').max(500)
});

/**
 * Marks attendance of one or more invitees in one step. The chair, the
 * minute-taker and the supplier's staff may; nobody once the minutes are
 * approved.
 */
export async function markAttendance(db: Db, actor: Actor, meetingId: string, input: unknown): Promise<AttendanceView> {
	const ctx = await meetingContext(db, actor, meetingId);
	const { meeting } = ctx;
	authorize(actor, 'meeting.attendance', ctx.resource);
	const data = parseInput(AttendanceInput, input);
	if (ctx.locked) throw conflict('The minutes are approved: attendance can no longer change');
	const view = await buildView(db, actor, ctx);
	const known = new Map(view.attendees.map((a) => [a.personId, a]));
	const fields: FieldErrors = {};
	data.entries.forEach((e, i) => {
		if (!known.has(e.personId)) fields[`entries.${i}.personId`] = 'meeting.not_invited';
	});
	if (Object.keys(fields).length) throw invalid('Only the meeting\'s invitees can be marked', fields);
	// the last entry for a person wins
	const entries = [...new Map(data.entries.map((e) => [e.personId, e])).values()].filter((e) => known.get(e.personId)!.status !== e.status);
	if (entries.length === 0) return view;
	await db.transaction().execute(async (tx) => {
		const now = nowIso();
		for (const e of entries) {
			if (e.status === null) {
				await deleteAttendanceMark(tx, meeting.id, e.personId);
				continue;
			}
			const row = { meeting_id: meeting.id, person_id: e.personId, status: e.status, updated_by: actor.personId, updated_at: now };
			await upsertAttendanceMark(tx, row);
		}
		await recordAudit(tx, actor, {
			action: 'meeting.attendance',
			entity: 'meeting',
			entityId: meeting.id,
			customerId: meeting.customer_id,
			before: Object.fromEntries(entries.map((e) => [known.get(e.personId)!.name, known.get(e.personId)!.status])),
			after: Object.fromEntries(entries.map((e) => [known.get(e.personId)!.name, e.status]))
		});
	});
	return buildView(db, actor, ctx);
}
