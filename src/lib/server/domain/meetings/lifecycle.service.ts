/**
 * The life of a meeting: planned → agenda published → in progress → minutes
 * draft → minutes approved (justerat) → confirmed at the next meeting's
 * "previous minutes" item. Each step records who and when, is audited, and is
 * allowed by the duties the actor holds in that meeting (policy.ts).
 *
 * Approval (justering) needs the chair and the named adjuster (justerare) from
 * the customer side, two different people. Once both have approved, the
 * minutes and the agenda are locked for everyone, and the minutes as they
 * stand are frozen into `minutes_versions` (the Yjs state and the rendered
 * model every export uses). Corrections are dated addenda by the minute-taker.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import type { Db, Executor } from '$lib/server/db';
import { isUniqueViolation } from '$lib/server/db/dialect';
import type { ApprovalRole } from '$lib/server/db/lifecycle-schema';
import type { MeetingStatus } from '$lib/domain-types';
import type { Meeting } from '$lib/server/db/schema';
import { EARLY_START_REFUSAL, earlyStartMinutes } from '$lib/governance/early-start';
import { readAgenda } from '$lib/realtime/agenda-doc';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { forumDocument, meetingDocument } from '../collab/collab.policy';
import { listAgendaItemRows } from '../collab/collab.repository';
import type { DocumentStore } from '../collab/document-store';
import type { CodedMessage } from '$lib/errors/error-codes';
import { conflict, fieldValue, invalid } from '../errors';
import { findForumRow } from '../governance/forums.repository';
import { newId, nowIso } from '../ids';
import { authorize, can } from '../policy';
import { findPerson } from '../tenancy/tenancy.repository';
import { id, multilineText, parseInput } from '../validation';
import { meetingContext, requireMeeting } from '../meeting-core/meeting-context';
import { updateMeeting, updateMeetingIfStatus } from '../meeting-core/meetings.repository';
import { readFrozenFigures } from '../meeting-core/frozen-figures';
import { agendaHasData, meetingFigures } from './meeting-figures';
import type { FrozenFigure, MinutesModel } from '../meeting-core/minutes-model';
import { buildMinutesModel } from './minutes-model.builder';
import { materialForRecord } from '../material/material.service';
import { findApprovedVersion, insertApproval, insertMinutesVersion, listAddendumRows, listApprovalRows, listApprovalsWithNames } from './minutes.repository';
import { previousMeetingOf, type PreviousMeeting } from '../meeting-core/previous-meeting';
import { queueApprovalRequests, queueCancellation, queueInvitation, queueMinutesApproved } from './meeting-notifications';
import { queueCarriedOver } from '../meeting-core/action-notices';
import type { Locale } from '$lib/i18n';

export { previousMeetingOf, type PreviousMeeting };

/** What the meeting page shows: live figures until approval, afterwards the ones frozen with the minutes. */
export async function meetingFiguresView(
	db: Db,
	actor: Actor,
	meetingId: string,
	status: MeetingStatus,
	lang: Locale = 'sv'
): Promise<{ figures: FrozenFigure[]; frozenAt: string | null }> {
	if (status === 'minutes_approved' || status === 'confirmed') {
		const v = await findApprovedVersion(db, meetingId);
		return { figures: v ? readFrozenFigures((JSON.parse(v.content) as MinutesModel).figures) : [], frozenAt: v?.created_at ?? null };
	}
	return { figures: await frozenFigures(db, actor, meetingId, lang), frozenAt: null };
}

/**
 * The delivery figures of a meeting whose agenda deals with them, as they
 * stand now, in `lang`. `of`: the meeting's id, or its row when just read.
 */
export async function frozenFigures(db: Db, actor: Actor, of: string | Meeting, lang: Locale = 'sv'): Promise<FrozenFigure[]> {
	const meeting = typeof of === 'string' ? await requireMeeting(db, of) : of;
	let kinds = (await listAgendaItemRows(db, meeting.id)).map((k) => k.kind);
	if (kinds.length === 0) {
		// agenda not made yet (nobody has opened it): the forum's standing agenda says what it will hold
		const forum = await findForumRow(db, meeting.forum_id);
		kinds = forum ? ((JSON.parse(forum.content) as { agenda?: { kind: string }[] }).agenda ?? []).map((a) => a.kind) : [];
	}
	return agendaHasData(kinds) ? meetingFigures(db, actor, meeting, lang, kinds) : [];
}

function requireState(meeting: Meeting, allowed: MeetingStatus[], message: string | CodedMessage): void {
	if (allowed.includes(meeting.status)) return;
	// a cancelled meeting refuses every step with the same answer
	throw conflict(meeting.status === 'cancelled' ? { code: 'meeting.cancelled' } : message, { status: fieldValue(meeting.status) });
}

/** Writes a step; returns the meeting as it now stands (for what is told of it), without reading it again. */
async function setSteps(db: Executor, meeting: Meeting | string, values: Partial<Meeting>): Promise<Meeting> {
	const changed = { ...values, updated_at: nowIso() };
	await updateMeeting(db, typeof meeting === 'string' ? meeting : meeting.id, changed);
	return { ...(typeof meeting === 'string' ? ({ id: meeting } as Meeting) : meeting), ...changed };
}

// ---------------------------------------------------------------- agenda

export interface PublishedItem {
	id: string;
	kind: string;
	title: string;
	plannedMinutes: number;
}

/**
 * Publishes the agenda: keeps the agenda as it is now as the published
 * snapshot (later edits show as "changed since published"), and the meeting's
 * invitation (.ics) becomes its calendar entry. Publishing again replaces the
 * snapshot, until the meeting starts.
 */
export async function publishAgenda(db: Db, docs: DocumentStore, actor: Actor, meetingId: string): Promise<void> {
	const { meeting, resource } = await meetingContext(db, actor, meetingId);
	authorize(actor, 'meeting.publish', resource);
	requireState(meeting, ['planned', 'agenda_published'], { code: 'meeting.agenda_after_start' });
	const agenda = await docs.read(meetingDocument(meeting, 'agenda'), (doc) => readAgenda(doc));
	const snapshot: PublishedItem[] = agenda.map((i) => ({ id: i.id, kind: i.kind, title: i.title, plannedMinutes: i.plannedMinutes }));
	const now = nowIso();
	await db.transaction().execute(async (tx) => {
		// what changed since the last publication, read before the snapshot is replaced
		const changes = meeting.status === 'planned' ? null : await agendaChangesSincePublished(tx, meeting);
		const published = await setSteps(tx, meeting, {
			status: 'agenda_published',
			agenda_published_at: now,
			agenda_published_by: actor.personId,
			agenda_snapshot: JSON.stringify(snapshot)
		});
		await recordAudit(tx, actor, {
			action: meeting.status === 'planned' ? 'meeting.agenda.publish' : 'meeting.agenda.republish',
			entity: 'meeting',
			entityId: meetingId,
			customerId: meeting.customer_id,
			after: { items: snapshot.map((i) => i.title) }
		});
		// the kallelse the first time; afterwards an update, when something changed
		if (meeting.status === 'planned' || hasChanges(changes)) await queueInvitation(tx, published, snapshot.map((i) => i.title), changes);
	});
}

export interface AgendaChanges {
	added: string[];
	removed: string[];
	changed: string[];
	moved: boolean;
}

/** What changed in the agenda since it was published (from the projected items); null if never published. */
async function agendaChangesSincePublished(db: Executor, meeting: Pick<Meeting, 'id' | 'agenda_snapshot'>): Promise<AgendaChanges | null> {
	if (!meeting.agenda_snapshot) return null;
	const published = JSON.parse(meeting.agenda_snapshot) as PublishedItem[];
	const current = await listAgendaItemRows(db, meeting.id);
	const before = new Map(published.map((p) => [p.id, p]));
	const after = new Map(current.map((c) => [c.item_id, c]));
	const kept = current.filter((c) => before.has(c.item_id)).map((c) => c.item_id);
	return {
		added: current.filter((c) => !before.has(c.item_id)).map((c) => c.title),
		removed: published.filter((p) => !after.has(p.id)).map((p) => p.title),
		changed: current
			.filter((c) => {
				const p = before.get(c.item_id);
				return p && (p.title !== c.title || p.kind !== c.kind || p.plannedMinutes !== c.planned_minutes);
			})
			.map((c) => c.title),
		moved: kept.join() !== published.filter((p) => after.has(p.id)).map((p) => p.id).join()
	};
}

const hasChanges = (c: AgendaChanges | null) => c !== null && (c.added.length > 0 || c.removed.length > 0 || c.changed.length > 0 || c.moved);

// ---------------------------------------------------------------- cancelling

export const CancelInput = z.object({
	/** why, told to the members with the cancellation */
	reason: multilineText(1000).optional()
});

/**
 * Cancels (ställer in) a meeting that has not started: whoever may publish
 * its agenda may. If a kallelse went out, every member of the forum is told,
 * with a calendar cancellation of the same entry. A cancelled meeting takes
 * no further step.
 */
export async function cancelMeeting(db: Db, actor: Actor, meetingId: string, input: unknown = {}): Promise<void> {
	const { meeting, resource } = await meetingContext(db, actor, meetingId);
	authorize(actor, 'meeting.publish', resource);
	const { reason } = parseInput(CancelInput, input);
	requireState(meeting, ['planned', 'agenda_published'], { code: 'meeting.cancel_after_start' });
	const text = reason ? reason : null;
	await db.transaction().execute(async (tx) => {
		// only from the state read above: a start or cancel in between wins
		const at = nowIso();
		const changed = await updateMeetingIfStatus(tx, meeting.id, meeting.status, { status: 'cancelled', cancelled_at: at, cancelled_by: actor.personId, cancel_reason: text, updated_at: at });
		if (!changed) throw conflict({ code: 'meeting.cancel_after_start' });
		await recordAudit(tx, actor, { action: 'meeting.cancel', entity: 'meeting', entityId: meetingId, customerId: meeting.customer_id, ...(text ? { after: { reason: text } } : {}) });
		const cancelled: Meeting = { ...meeting, status: 'cancelled', cancelled_at: at, cancelled_by: actor.personId, cancel_reason: text, updated_at: at };
		if (meeting.status === 'agenda_published') await queueCancellation(tx, cancelled, text);
	});
}

// ---------------------------------------------------------------- running

export const StartInput = z.object({
	/** needed to start more than an hour before the meeting's time */
	confirmEarly: z.boolean().optional()
});

/**
 * Starts the meeting (the chair). More than an hour before its time only with
 * `confirmEarly`: a meeting started days ahead by mistake could otherwise be
 * ended and approved before anyone has met. The refusal names the start time.
 */
export async function startMeeting(db: Db, actor: Actor, meetingId: string, input: unknown = {}, now = new Date()): Promise<void> {
	const { meeting, resource } = await meetingContext(db, actor, meetingId);
	authorize(actor, 'meeting.run', resource);
	const { confirmEarly } = parseInput(StartInput, input ?? {});
	requireState(meeting, ['planned', 'agenda_published'], { code: meeting.status === 'in_progress' ? 'meeting.in_progress' : 'meeting.held' });
	const early = earlyStartMinutes(meeting.starts_at, now);
	if (early !== null && !confirmEarly) {
		throw conflict(EARLY_START_REFUSAL, { confirmEarly: 'meeting.confirm_early', startsAt: fieldValue(meeting.starts_at), earlyMinutes: fieldValue(String(early)) });
	}
	await db.transaction().execute(async (tx) => {
		await setSteps(tx, meetingId, { status: 'in_progress', started_at: nowIso(), started_by: actor.personId });
		await recordAudit(tx, actor, { action: 'meeting.start', entity: 'meeting', entityId: meetingId, customerId: meeting.customer_id, ...(early !== null ? { after: { earlyMinutes: early } } : {}) });
	});
}

export async function endMeeting(db: Db, actor: Actor, meetingId: string): Promise<void> {
	const { meeting, resource } = await meetingContext(db, actor, meetingId);
	authorize(actor, 'meeting.run', resource);
	requireState(meeting, ['in_progress'], { code: 'meeting.not_in_progress' });
	await db.transaction().execute(async (tx) => {
		const ended = await setSteps(tx, meeting, { status: 'minutes_draft', ended_at: nowIso(), ended_by: actor.personId, current_item_id: null, current_item_started_at: null });
		await recordAudit(tx, actor, { action: 'meeting.end', entity: 'meeting', entityId: meetingId, customerId: meeting.customer_id });
		await queueApprovalRequests(tx, ended);
		await queueCarriedOver(tx, meeting);
	});
}

// ---------------------------------------------------------------- approval

export const AdjusterInput = z.object({ personId: id() });

/** Names the adjuster (justerare): a person of the customer. The chair or whoever may assign duties does it. */
export async function setAdjuster(db: Db, actor: Actor, meetingId: string, input: unknown): Promise<void> {
	const { meeting, resource } = await meetingContext(db, actor, meetingId);
	if (!can(actor, 'duty.assign', resource)) authorize(actor, 'meeting.run', resource);
	const { personId } = parseInput(AdjusterInput, input);
	requireState(meeting, ['planned', 'agenda_published', 'in_progress', 'minutes_draft'], 'The minutes are approved; the adjuster can no longer change');
	const person = await findPerson(db, personId);
	if (!person || person.customer_id !== meeting.customer_id) {
		throw invalid({ code: 'minutes.adjuster_not_customer' }, { personId: 'person.not_of_customer' });
	}
	const approvals = await listApprovalRows(db, meetingId);
	if (approvals.some((a) => a.role === 'adjuster')) throw conflict('The adjuster has already approved the minutes');
	await db.transaction().execute(async (tx) => {
		const named = await setSteps(tx, meeting, { adjuster_person_id: person.id });
		await recordAudit(tx, actor, { action: 'meeting.adjuster.set', entity: 'meeting', entityId: meetingId, customerId: meeting.customer_id, after: { adjuster: person.name } });
		// named after the meeting ended: the chair was asked then, the new adjuster is asked now
		if (meeting.status === 'minutes_draft') await queueApprovalRequests(tx, named, 'adjuster');
	});
}

export interface ApprovalView {
	role: ApprovalRole;
	personId: string;
	name: string;
	at: string;
}

async function listApprovals(db: Executor, meetingId: string): Promise<ApprovalView[]> {
	const rows = await listApprovalsWithNames(db, meetingId);
	return rows.map((r) => ({ role: r.role, personId: r.person_id, name: r.name, at: r.at }));
}

/**
 * One approval (justering) by the chair or the adjuster. The second one locks
 * the minutes and the agenda for everyone and freezes the approved version.
 * Returns whether the minutes are now approved.
 */
/** `lang`: the approver's language; the figures are frozen in the language of the approval that completes the minutes. */
export async function approveMinutes(db: Db, docs: DocumentStore, actor: Actor, meetingId: string, lang: Locale = 'sv'): Promise<{ approved: boolean; role: ApprovalRole }> {
	const { meeting, resource } = await meetingContext(db, actor, meetingId);
	if (meeting.status === 'minutes_approved' || meeting.status === 'confirmed') throw conflict({ code: 'minutes.already_approved' });
	authorize(actor, 'minutes.approve', resource);
	requireState(meeting, ['minutes_draft'], { code: 'minutes.not_ended' });
	if (!meeting.adjuster_person_id) throw conflict({ code: 'minutes.no_adjuster' });
	const done = await listApprovalRows(db, meetingId);
	const mine: ApprovalRole[] = [];
	if (resource.duties?.includes('chair')) mine.push('chair');
	if (resource.adjuster) mine.push('adjuster');
	const role = mine.find((r) => !done.some((d) => d.role === r));
	if (!role) throw conflict({ code: 'minutes.already_approved_by_you' });
	if (done.some((d) => d.person_id === actor.personId)) throw conflict({ code: 'minutes.same_person' });

	const now = nowIso();
	// (meeting_id, role) is the key: of two people approving as the same role at once, one gets a conflict
	await db
		.transaction()
		.execute(async (tx) => {
			await insertApproval(tx, { meeting_id: meetingId, role, person_id: actor.personId, at: now });
			await recordAudit(tx, actor, { action: 'minutes.approve', entity: 'meeting', entityId: meetingId, customerId: meeting.customer_id, after: { role } });
		})
		.catch((err: unknown) => {
			throw isUniqueViolation(err) ? conflict('These minutes were just approved in that role') : err;
		});
	// Counted after our own approval is stored, so that of two approvals made
	// at the same instant at least the later one sees both and freezes.
	const approvals = await listApprovalRows(db, meetingId);
	const approved = approvals.length === 2 && (await freezeApprovedMinutes(db, docs, actor, meeting, approvals, lang));
	return { approved, role };
}

/**
 * With both approvals in: locks the agenda and minutes, freezes the Yjs state
 * and the MinutesModel (with the period's figures) as the approved version,
 * and marks the meeting approved. The status changes only from
 * minutes_draft (compare-and-set), so when both approvers get here at once
 * exactly one version is stored; the other finds it done and returns false.
 */
async function freezeApprovedMinutes(
	db: Db,
	docs: DocumentStore,
	actor: Actor,
	meeting: Meeting,
	approvals: { role: ApprovalRole; person_id: string; at: string }[],
	lang: Locale
): Promise<boolean> {
	// the documents as they are while the minutes are a draft: the targets come from the row read at the start
	const targets = [meetingDocument(meeting, 'minutes'), meetingDocument(meeting, 'agenda'), forumDocument({ id: meeting.forum_id, customer_id: meeting.customer_id })];
	const [minutes, agenda] = targets;
	// Lock first, so that nothing typed after this moment slips into the
	// frozen version; then bring the projected tables up to date and freeze.
	docs.lock(minutes.name);
	docs.lock(agenda.name);
	await Promise.all(targets.map((t) => docs.flushProjection(t)));
	const state = await docs.read(minutes, (doc) => Y.encodeStateAsUpdate(doc));
	const figures = await frozenFigures(db, actor, meeting, lang);
	const model = await buildMinutesModel(db, docs, meeting, { approvals, figures });
	const at = approvals[approvals.length - 1].at;
	const frozen = await db.transaction().execute(async (tx) => {
		const changed = await updateMeetingIfStatus(tx, meeting.id, 'minutes_draft', { status: 'minutes_approved', approved_at: at, updated_at: nowIso() });
		if (!changed) return false;
		// the material before the meeting, as it stands now that nothing can be uploaded any more (the meeting is approved in this transaction)
		const material = await materialForRecord(tx, meeting.id);
		await insertMinutesVersion(tx, {
			id: newId(),
			meeting_id: meeting.id,
			kind: 'approved',
			state,
			content: JSON.stringify({ ...model, material }),
			created_by: actor.personId,
			created_at: at
		});
		await queueMinutesApproved(tx, meeting);
		return true;
	});
	// Now that the database says "approved", re-checking the open connections
	// finds them read-only: writers are told at once (4001) and come back as readers.
	docs.lock(minutes.name);
	docs.lock(agenda.name);
	return frozen;
}

export const AddendumInput = z.object({ text: multilineText(20_000).min(1, 'field.required') });

/** A dated correction to approved minutes, by the minute-taker; the approved text itself never changes. */
export async function addAddendum(db: Db, actor: Actor, meetingId: string, input: unknown): Promise<void> {
	const { meeting, resource } = await meetingContext(db, actor, meetingId);
	authorize(actor, 'minutes.addendum', resource);
	const { text } = parseInput(AddendumInput, input);
	requireState(meeting, ['minutes_approved', 'confirmed'], 'Addenda are for approved minutes; edit the draft instead');
	await db.transaction().execute(async (tx) => {
		await insertMinutesVersion(tx, { id: newId(), meeting_id: meetingId, kind: 'addendum', state: null, content: JSON.stringify({ text }), created_by: actor.personId, created_at: nowIso() });
		await recordAudit(tx, actor, { action: 'minutes.addendum', entity: 'meeting', entityId: meetingId, customerId: meeting.customer_id, after: { text } });
	});
}

export interface AddendumView {
	id: string;
	text: string;
	by: string | null;
	at: string;
}

async function listAddenda(db: Executor, meetingId: string): Promise<AddendumView[]> {
	const rows = await listAddendumRows(db, meetingId);
	return rows.map((r) => ({ id: r.id, text: (JSON.parse(r.content) as { text: string }).text, by: r.name, at: r.created_at }));
}

// ---------------------------------------------------------------- across meetings

/** At this meeting's "previous minutes" item, its chair confirms the previous meeting's approved minutes. */
export async function confirmPreviousMinutes(db: Db, actor: Actor, meetingId: string): Promise<void> {
	const { meeting, resource } = await meetingContext(db, actor, meetingId);
	authorize(actor, 'meeting.run', resource);
	const previous = await previousMeetingOf(db, meeting);
	if (!previous) throw conflict('This is the forum’s first meeting; there are no previous minutes');
	if (previous.status === 'confirmed') throw conflict({ code: 'minutes.previous_confirmed' });
	if (previous.status !== 'minutes_approved') throw conflict({ code: 'minutes.previous_not_approved' });
	await db.transaction().execute(async (tx) => {
		await setSteps(tx, previous.id, { status: 'confirmed', confirmed_at: nowIso(), confirmed_by: actor.personId, confirmed_in_meeting_id: meetingId });
		await recordAudit(tx, actor, { action: 'minutes.confirm', entity: 'meeting', entityId: previous.id, customerId: meeting.customer_id, after: { confirmedIn: meetingId } });
	});
}

/** The next step of a meeting, for the page ("what happens now"). */
function nextStep(meeting: Pick<Meeting, 'status' | 'adjuster_person_id'>, approvals: { role: ApprovalRole }[]): string {
	switch (meeting.status) {
		case 'planned':
			return 'publish_agenda';
		case 'agenda_published':
			return 'start';
		case 'in_progress':
			return 'end';
		case 'minutes_draft':
			if (!meeting.adjuster_person_id) return 'name_adjuster';
			return approvals.some((a) => a.role === 'chair') ? 'adjuster_approves' : approvals.some((a) => a.role === 'adjuster') ? 'chair_approves' : 'approve';
		case 'minutes_approved':
			return 'confirm_next_meeting';
		case 'confirmed':
			return 'done';
		case 'cancelled':
			return 'cancelled';
	}
}

export interface LifecycleView {
	status: MeetingStatus;
	nextStep: string;
	steps: { agendaPublishedAt: string | null; startedAt: string | null; endedAt: string | null; approvedAt: string | null; confirmedAt: string | null };
	/** set once the meeting is cancelled (inställt) */
	cancellation: { at: string; reason: string | null } | null;
	adjuster: { personId: string; name: string } | null;
	approvals: ApprovalView[];
	addenda: AddendumView[];
	agendaChanges: AgendaChanges | null;
	agendaChangedSincePublished: boolean;
	previous: PreviousMeeting | null;
	/** what the viewer may do now */
	may: { publish: boolean; cancel: boolean; run: boolean; approve: boolean; addendum: boolean; setAdjuster: boolean; export: boolean };
}

/** Where the meeting stands, who did what, and what the viewer may do next. */
export async function lifecycleView(db: Db, actor: Actor, meetingId: string): Promise<LifecycleView> {
	const { meeting, resource } = await meetingContext(db, actor, meetingId);
	const [approvals, addenda, changes, previous, adjuster] = await Promise.all([
		listApprovals(db, meetingId),
		listAddenda(db, meetingId),
		agendaChangesSincePublished(db, meeting),
		previousMeetingOf(db, meeting),
		meeting.adjuster_person_id ? findPerson(db, meeting.adjuster_person_id) : Promise.resolve(undefined)
	]);
	const open = (states: MeetingStatus[]) => states.includes(meeting.status);
	return {
		status: meeting.status,
		nextStep: nextStep(meeting, approvals),
		steps: {
			agendaPublishedAt: meeting.agenda_published_at,
			startedAt: meeting.started_at,
			endedAt: meeting.ended_at,
			approvedAt: meeting.approved_at,
			confirmedAt: meeting.confirmed_at
		},
		cancellation: meeting.status === 'cancelled' && meeting.cancelled_at ? { at: meeting.cancelled_at, reason: meeting.cancel_reason } : null,
		adjuster: adjuster ? { personId: adjuster.id, name: adjuster.name } : null,
		approvals,
		addenda,
		agendaChanges: changes,
		agendaChangedSincePublished: hasChanges(changes),
		previous,
		may: {
			publish: can(actor, 'meeting.publish', resource) && open(['planned', 'agenda_published']),
			cancel: can(actor, 'meeting.publish', resource) && open(['planned', 'agenda_published']),
			run: can(actor, 'meeting.run', resource) && !open(['cancelled']),
			approve:
				can(actor, 'minutes.approve', resource) &&
				open(['minutes_draft']) &&
				!approvals.some((a) => a.personId === actor.personId),
			addendum: can(actor, 'minutes.addendum', resource) && open(['minutes_approved', 'confirmed']),
			setAdjuster: (can(actor, 'duty.assign', resource) || can(actor, 'meeting.run', resource)) && open(['planned', 'agenda_published', 'in_progress', 'minutes_draft']),
			export: open(['minutes_approved', 'confirmed'])
		}
	};
}
