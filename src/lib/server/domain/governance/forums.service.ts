import { z } from 'zod';
import type { Db, Executor } from '$lib/server/db';
import { DUTIES, PARTIES, type Duty, type Party } from '$lib/domain-types';
import type { ForumLevel, ForumRow } from '$lib/server/db/schema';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { conflict, invalid, notFound } from '../errors';
import { newId, nowIso } from '../ids';
import { cadenceStatus, type CadenceStatus } from './cadence';
import { authorize } from '../policy';
import { findCustomer, findRole } from '../tenancy/tenancy.repository';
import { DEFAULT_TIME_ZONE, yearIn } from '../time';
import { id, multilineText, parseInput, text } from '../validation';
import { type ForumContent, type ForumKey, type Localized } from './catalogue.types';
import { listTemplates } from './catalogue.service';
import { listTemplateIdKeys } from './catalogue.repository';
import {
	clearDutiesOfPerson,
	deleteForumMember,
	findDutyWithHolder,
	findForumIdOfTemplate,
	findForumRow,
	findMemberName,
	findMembership,
	insertForum,
	insertForumDuties,
	insertForumMember,
	listDutyRows,
	listForumRows,
	listMeetingStartsOfForums,
	listMemberRows,
	listRoleHolderRows,
	updateForumRow,
	upsertDuty
} from './forums.repository';
import { accessChanged } from '../tenancy/access-events';
import { personOfRelation } from './relation-person';

export interface ForumMemberView {
	personId: string;
	name: string;
	email: string;
	party: Party;
	roleId: string | null;
	roleName: Localized | null;
}

export interface DutyView {
	duty: Duty;
	party: Party;
	personId: string | null;
	personName: string | null;
}

export interface ForumView {
	id: string;
	customerId: string;
	templateKey: ForumKey | null;
	level: ForumLevel;
	name: Localized;
	content: ForumContent;
	members: ForumMemberView[];
	duties: DutyView[];
	cadence: CadenceStatus;
	/** days after a meeting before the chair and adjuster who have not approved are reminded, and again every as many */
	approvalReminderDays: number;
	/** decision material out this many days before a meeting; null: no rule */
	materialLeadDays: number | null;
}

/** Assembles full forum views; the caller has already checked access. */
async function toViews(db: Executor, rows: ForumRow[], now = new Date()): Promise<ForumView[]> {
	const ids = rows.map((r) => r.id);
	const [members, duties, templates, meetings] = await Promise.all([
		listMemberRows(db, ids),
		listDutyRows(db, ids),
		listTemplateIdKeys(db),
		listMeetingStartsOfForums(db, ids)
	]);
	const templateKey = new Map(templates.map((t) => [t.id, t.key as ForumKey]));
	return rows.map((r) => ({
		id: r.id,
		customerId: r.customer_id,
		templateKey: r.template_id ? (templateKey.get(r.template_id) ?? null) : null,
		level: r.level,
		name: { sv: r.name_sv, en: r.name_en },
		content: JSON.parse(r.content) as ForumContent,
		members: members
			.filter((m) => m.forum_id === r.id)
			.map((m) => ({
				personId: m.person_id,
				name: m.name,
				email: m.email,
				party: m.customer_id ? 'customer' : 'supplier',
				roleId: m.role_id,
				roleName: m.role_name_sv && m.role_name_en ? { sv: m.role_name_sv, en: m.role_name_en } : null
			})),
		duties: DUTIES.map((duty) => {
			const d = duties.find((x) => x.forum_id === r.id && x.duty === duty);
			return { duty, party: d?.party ?? 'supplier', personId: d?.person_id ?? null, personName: d?.person_name ?? null };
		}),
		cadence: cadenceStatus(
			meetings.filter((m) => m.forum_id === r.id),
			r.cadence_min_per_year,
			r.cadence_max_per_year,
			now,
			yearIn(DEFAULT_TIME_ZONE)
		),
		approvalReminderDays: r.approval_reminder_days,
		materialLeadDays: r.material_lead_days
	}));
}

export async function listForums(db: Db, actor: Actor, customerId: string): Promise<ForumView[]> {
	authorize(actor, 'forum.read', { customerId, kind: 'Customer' });
	if (!(await findCustomer(db, customerId))) throw notFound('Customer');
	return toViews(db, await listForumRows(db, customerId));
}

/** Loads a forum and checks the actor may do `action` to it. */
export async function loadForum(db: Executor, actor: Actor, forumId: string, action: 'forum.read' | 'forum.update' | 'duty.assign' | 'meeting.schedule' | 'meeting.read' = 'forum.read') {
	const row = await findForumRow(db, forumId);
	if (!row) throw notFound('Forum');
	authorize(actor, action, { customerId: row.customer_id, kind: 'Forum' });
	return row;
}

export async function getForum(db: Db, actor: Actor, forumId: string): Promise<ForumView> {
	const row = await loadForum(db, actor, forumId);
	return (await toViews(db, [row]))[0];
}

export const CreateFromTemplate = z.object({ templateKey: z.enum(['cab', 'operational', 'tactical', 'security', 'strategic']) });

/**
 * Creates a customer's forum from a template: content copied (then editable),
 * duties at their default party, and as members everyone who holds one of the
 * template's participant roles in this customer's relation.
 */
export async function createForumFromTemplate(db: Db, actor: Actor, customerId: string, input: unknown): Promise<ForumView> {
	authorize(actor, 'forum.create', { customerId, kind: 'Customer' });
	const { templateKey } = parseInput(CreateFromTemplate, input);
	const template = (await listTemplates(db)).find((t) => t.key === templateKey);
	if (!template) throw notFound('Forum template');
	const forumId = await db.transaction().execute(async (tx) => {
		if (!(await findCustomer(tx, customerId))) throw notFound('Customer');
		const existing = await findForumIdOfTemplate(tx, customerId, template.id);
		if (existing) throw conflict('The customer already has this forum', { templateKey: 'field.exists' });
		const now = nowIso();
		const content: ForumContent = {
			purpose: template.purpose,
			cadenceText: template.cadence.text,
			tasks: template.tasks,
			agenda: template.agenda,
			participants: template.participants,
			preparation: template.preparation
		};
		const forum = {
			id: newId(),
			customer_id: customerId,
			template_id: template.id,
			level: template.level,
			sort_order: ['strategic', 'tactical', 'security', 'operational', 'cab'].indexOf(template.key),
			name_sv: template.name.sv,
			name_en: template.name.en,
			content: JSON.stringify(content),
			cadence_min_per_year: template.cadence.minPerYear,
			cadence_max_per_year: template.cadence.maxPerYear,
			material_lead_days: template.materialLeadDays ?? null,
			created_at: now,
			updated_at: now
		};
		await insertForum(tx, forum);
		await insertForumDuties(
			tx,
			DUTIES.map((duty) => ({ forum_id: forum.id, duty, party: template.duties[duty], person_id: null, updated_at: now }))
		);
		const holders = await listRoleHolderRows(tx, customerId);
		const seen = new Set<string>();
		for (const h of holders) {
			const wanted = template.participants[h.party];
			if (!wanted.includes(h.key) || seen.has(h.person_id)) continue;
			seen.add(h.person_id);
			await insertForumMember(tx, { forum_id: forum.id, person_id: h.person_id, role_id: h.role_id, created_at: now });
		}
		await recordAudit(tx, actor, {
			action: 'forum.create',
			entity: 'forum',
			entityId: forum.id,
			customerId,
			after: { template: template.key, name: template.name.sv, members: seen.size }
		});
		return forum.id;
	});
	return getForum(db, actor, forumId);
}

export const ForumUpdate = z
	.object({
		nameSv: text(120),
		nameEn: text(120),
		purposeSv: multilineText(4000),
		purposeEn: multilineText(4000),
		cadenceMinPerYear: z.coerce.number().int().min(0).max(365).nullable(),
		cadenceMaxPerYear: z.coerce.number().int().min(0).max(365).nullable(),
		approvalReminderDays: z.coerce.number().int().min(1).max(60),
		/** decision material out this many days before a meeting; null: no rule */
		materialLeadDays: z.coerce.number().int().min(0).max(60).nullable()
	})
	.partial()
	.refine((v) => v.cadenceMinPerYear == null || v.cadenceMaxPerYear == null || v.cadenceMinPerYear <= v.cadenceMaxPerYear, {
		message: 'forum.cadence_min_max',
		path: ['cadenceMinPerYear']
	});

export async function updateForum(db: Db, actor: Actor, forumId: string, input: unknown): Promise<ForumView> {
	const row = await loadForum(db, actor, forumId, 'forum.update');
	const data = parseInput(ForumUpdate, input);
	const content = JSON.parse(row.content) as ForumContent;
	if (data.purposeSv !== undefined) content.purpose = { ...content.purpose, sv: data.purposeSv };
	if (data.purposeEn !== undefined) content.purpose = { ...content.purpose, en: data.purposeEn };
	const after = {
		name_sv: data.nameSv ?? row.name_sv,
		name_en: data.nameEn ?? row.name_en,
		content: JSON.stringify(content),
		cadence_min_per_year: data.cadenceMinPerYear === undefined ? row.cadence_min_per_year : data.cadenceMinPerYear,
		cadence_max_per_year: data.cadenceMaxPerYear === undefined ? row.cadence_max_per_year : data.cadenceMaxPerYear,
		approval_reminder_days: data.approvalReminderDays ?? row.approval_reminder_days,
		material_lead_days: data.materialLeadDays === undefined ? row.material_lead_days : data.materialLeadDays
	};
	await db.transaction().execute(async (tx) => {
		await updateForumRow(tx, forumId, { ...after, updated_at: nowIso() });
		await recordAudit(tx, actor, {
			action: 'forum.update',
			entity: 'forum',
			entityId: forumId,
			customerId: row.customer_id,
			before: { name_sv: row.name_sv, name_en: row.name_en, purpose: JSON.parse(row.content).purpose, cadence: [row.cadence_min_per_year, row.cadence_max_per_year], approvalReminderDays: row.approval_reminder_days, materialLeadDays: row.material_lead_days },
			after: { name_sv: after.name_sv, name_en: after.name_en, purpose: content.purpose, cadence: [after.cadence_min_per_year, after.cadence_max_per_year], approvalReminderDays: after.approval_reminder_days, materialLeadDays: after.material_lead_days }
		});
	});
	return getForum(db, actor, forumId);
}

export const MemberInput = z.object({ personId: id(), roleId: id().nullish() });

export async function addMember(db: Db, actor: Actor, forumId: string, input: unknown): Promise<ForumMemberView> {
	const forum = await loadForum(db, actor, forumId, 'forum.update');
	const data = parseInput(MemberInput, input);
	const person = await personOfRelation(db, data.personId, forum.customer_id);
	const party: Party = person.customer_id ? 'customer' : 'supplier';
	let role: { id: string; name_sv: string; name_en: string } | null = null;
	if (data.roleId) {
		const row = await findRole(db, data.roleId);
		if (!row) throw invalid('No such role', { roleId: 'role.unknown' });
		if (row.party !== party) throw invalid('This role belongs to the other party', { roleId: 'role.other_party' });
		role = row;
	}
	await db.transaction().execute(async (tx) => {
		const exists = await findMembership(tx, forumId, person.id);
		if (exists) throw conflict('Already a member', { personId: 'forum.already_member' });
		await insertForumMember(tx, { forum_id: forumId, person_id: person.id, role_id: role?.id ?? null, created_at: nowIso() });
		await recordAudit(tx, actor, { action: 'forum.member.add', entity: 'forum', entityId: forumId, customerId: forum.customer_id, after: { person: person.name, role: role?.name_sv ?? null } });
	});
	// a new member may write the forum's documents and vote in its rooms from now on
	accessChanged({ kind: 'forum', forumId });
	return {
		personId: person.id,
		name: person.name,
		email: person.email,
		party,
		roleId: role?.id ?? null,
		roleName: role ? { sv: role.name_sv, en: role.name_en } : null
	};
}

export async function removeMember(db: Db, actor: Actor, forumId: string, personId: string) {
	const forum = await loadForum(db, actor, forumId, 'forum.update');
	await db.transaction().execute(async (tx) => {
		const member = await findMemberName(tx, forumId, personId);
		if (!member) throw notFound('Member');
		await deleteForumMember(tx, forumId, personId);
		// A person who leaves the forum leaves its duties too.
		await clearDutiesOfPerson(tx, forumId, personId, nowIso());
		await recordAudit(tx, actor, { action: 'forum.member.remove', entity: 'forum', entityId: forumId, customerId: forum.customer_id, before: { person: member.name } });
	});
	// open editors and rooms of the forum re-check now: the person's write access and duties are gone
	accessChanged({ kind: 'forum', forumId });
}

export const DutyInput = z.object({
	duty: z.enum(DUTIES),
	party: z.enum(PARTIES),
	personId: id().nullish()
});

/**
 * Hands a duty to a party and optionally a person ("the customer takes the
 * chair"). The person must be of that party and, for the customer side, of
 * this forum's customer.
 */
/** Called in the transaction of a duty change with who held it and who holds it now (for notices, meeting-core/duty-notices.ts). */
export type DutyChangeHook = (tx: Executor, change: { duty: Duty; fromPersonId: string | null; toPersonId: string | null }) => Promise<void>;

export async function assignDuty(db: Db, actor: Actor, forumId: string, input: unknown, onChanged?: DutyChangeHook): Promise<DutyView> {
	const forum = await loadForum(db, actor, forumId, 'duty.assign');
	const data = parseInput(DutyInput, input);
	let personName: string | null = null;
	if (data.personId) {
		const person = await personOfRelation(db, data.personId, forum.customer_id);
		const party: Party = person.customer_id ? 'customer' : 'supplier';
		if (party !== data.party) throw invalid('The person is not of the chosen party', { personId: 'person.not_of_party' });
		personName = person.name;
	}
	const assigned = await db.transaction().execute(async (tx) => {
		const before = await findDutyWithHolder(tx, forumId, data.duty);
		const now = nowIso();
		await upsertDuty(tx, forumId, data.duty, data.party, data.personId ?? null, now);
		await recordAudit(tx, actor, {
			action: 'duty.assign',
			entity: 'forum',
			entityId: forumId,
			customerId: forum.customer_id,
			before: before ? { duty: data.duty, party: before.party, person: before.name } : null,
			after: { duty: data.duty, party: data.party, person: personName }
		});
		await onChanged?.(tx, { duty: data.duty, fromPersonId: before?.person_id ?? null, toPersonId: data.personId ?? null });
		return { duty: data.duty, party: data.party, personId: data.personId ?? null, personName };
	});
	// every open room of the forum shows the new holder and moves the controls (on every instance)
	accessChanged({ kind: 'forum', forumId });
	return assigned;
}
