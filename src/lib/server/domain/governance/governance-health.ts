/**
 * Governance health of a customer and its forums, this calendar year
 * (Stockholm time):
 * - cadence: meetings held and planned against the forum's yearly target;
 * - attendance of the required roles: for every held meeting whose
 *   attendance was recorded, is each role the forum's content asks for (per
 *   side) covered by someone marked attended who holds it (as forum member or
 *   by role assignment in the customer)?
 * - approval lead time: days from the meeting's end to approved minutes
 *   (median and the latest meeting's), and meetings still waiting;
 * - actions: closure rate (done of all but cancelled) and overdue count
 *   (open or in progress past their due date), over the forum's whole list.
 */
import { DateTime } from 'luxon';
import type { Db, Executor } from '$lib/server/db';
import type { MeetingStatus, Party } from '$lib/domain-types';
import type { ForumLevel } from '$lib/server/db/schema';
import type { ActionStatus } from '$lib/server/db/lifecycle-schema';
import type { Actor } from '../actor';
import { notFound } from '../errors';
import type { ForumContent, Localized } from './catalogue.types';
import { authorize } from '../policy';
import { DEFAULT_TIME_ZONE, yearIn } from '../time';
import { cadenceStatus, type CadenceStatus } from './cadence';
import { findCustomer } from '../tenancy/tenancy.repository';
import { findForumRow } from './forums.repository';
import {
	listActionStatesOfForums,
	listAssignedRoleIds,
	listAttendanceMarksOfForums,
	listHealthForumRows,
	listMeetingsOfForums,
	listMemberRolesOfForums,
	listRoleNames
} from './health.repository';

export interface RoleCoverage {
	/** required roles of this side */
	required: number;
	/** covered (role, meeting) pairs of all (role, meeting) pairs; null without recorded meetings or required roles */
	rate: number | null;
	/** required roles not covered at some recorded meeting, with how often */
	missed: { roleKey: string; name: Localized; meetings: number }[];
}

export interface ForumHealth {
	forumId: string;
	name: Localized;
	level: ForumLevel;
	cadence: CadenceStatus;
	attendance: { meetingsRecorded: number; supplier: RoleCoverage; customer: RoleCoverage };
	approval: { approved: number; medianDays: number | null; latestDays: number | null; awaiting: number };
	actions: { total: number; done: number; open: number; closureRate: number | null; overdue: number };
}

export interface CustomerHealth {
	customerId: string;
	year: number;
	forums: ForumHealth[];
	totals: {
		meetingsHeld: number;
		forumsBehind: number;
		attendanceRate: number | null;
		medianApprovalDays: number | null;
		awaitingApproval: number;
		actions: number;
		closureRate: number | null;
		overdue: number;
	};
}

/** Everything the figures are computed from, so the arithmetic is testable without a database. */
export interface HealthInput {
	forum: { id: string; name: Localized; level: ForumLevel; content: ForumContent; minPerYear: number | null; maxPerYear: number | null };
	meetings: { id: string; startsAt: string; endsAt: string; status: MeetingStatus; approvedAt: string | null }[];
	/** attended marks only: who was there */
	attended: { meetingId: string; personId: string }[];
	/** meetings with any attendance recorded */
	recorded: Set<string>;
	/** role keys each person holds (forum membership role and role assignments in the customer) */
	rolesOf: Map<string, Set<string>>;
	roleNames: Map<string, Localized>;
	actions: { status: ActionStatus; dueDate: string | null }[];
}

const DAY_MS = 86_400_000;
const round1 = (n: number) => Math.round(n * 10) / 10;

export function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const s = [...values].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const stockholmYear = yearIn(DEFAULT_TIME_ZONE);
const stockholmDate = (d: Date) => DateTime.fromJSDate(d, { zone: DEFAULT_TIME_ZONE }).toISODate()!;

export function computeForumHealth(input: HealthInput, now: Date): ForumHealth {
	const year = stockholmYear(now);
	const thisYear = input.meetings.filter((m) => stockholmYear(new Date(m.startsAt)) === year);
	const cadence = cadenceStatus(
		thisYear.map((m) => ({ starts_at: m.startsAt })),
		input.forum.minPerYear,
		input.forum.maxPerYear,
		now,
		stockholmYear
	);

	const held = thisYear.filter((m) => Date.parse(m.startsAt) <= now.getTime());
	const recorded = held.filter((m) => input.recorded.has(m.id));
	const coverage = (side: Party): RoleCoverage => {
		const required = input.forum.content.participants[side] ?? [];
		const missed = new Map<string, number>();
		let covered = 0;
		for (const m of recorded) {
			const present = input.attended.filter((a) => a.meetingId === m.id).map((a) => input.rolesOf.get(a.personId) ?? new Set<string>());
			for (const role of required) {
				if (present.some((roles) => roles.has(role))) covered++;
				else missed.set(role, (missed.get(role) ?? 0) + 1);
			}
		}
		const pairs = required.length * recorded.length;
		return {
			required: required.length,
			rate: pairs ? covered / pairs : null,
			missed: [...missed].map(([roleKey, meetings]) => ({ roleKey, name: input.roleNames.get(roleKey) ?? { sv: roleKey, en: roleKey }, meetings }))
		};
	};

	const ended = held.filter((m) => Date.parse(m.endsAt) <= now.getTime());
	const approved = ended
		.filter((m) => m.approvedAt !== null)
		.map((m) => ({ endsAt: m.endsAt, days: round1(Math.max(0, Date.parse(m.approvedAt!) - Date.parse(m.endsAt)) / DAY_MS) }))
		.sort((a, b) => a.endsAt.localeCompare(b.endsAt));
	const awaiting = ended.filter((m) => m.approvedAt === null).length;

	const today = stockholmDate(now);
	const live = input.actions.filter((a) => a.status !== 'cancelled');
	const done = live.filter((a) => a.status === 'done').length;
	const overdue = live.filter((a) => a.status !== 'done' && a.dueDate !== null && a.dueDate < today).length;

	return {
		forumId: input.forum.id,
		name: input.forum.name,
		level: input.forum.level,
		cadence,
		attendance: { meetingsRecorded: recorded.length, supplier: coverage('supplier'), customer: coverage('customer') },
		approval: {
			approved: approved.length,
			medianDays: median(approved.map((a) => a.days)),
			latestDays: approved.length ? approved[approved.length - 1].days : null,
			awaiting
		},
		actions: { total: live.length, done, open: live.length - done, closureRate: live.length ? done / live.length : null, overdue }
	};
}

export function customerTotals(forums: ForumHealth[], approvalDays: number[]): CustomerHealth['totals'] {
	let covered = 0;
	let pairs = 0;
	for (const f of forums) {
		for (const side of [f.attendance.supplier, f.attendance.customer]) {
			const n = side.required * f.attendance.meetingsRecorded;
			pairs += n;
			covered += (side.rate ?? 0) * n;
		}
	}
	const actions = forums.reduce((n, f) => n + f.actions.total, 0);
	const done = forums.reduce((n, f) => n + f.actions.done, 0);
	return {
		meetingsHeld: forums.reduce((n, f) => n + f.cadence.held, 0),
		forumsBehind: forums.filter((f) => f.cadence.state === 'behind').length,
		attendanceRate: pairs ? Math.round((covered / pairs) * 1e6) / 1e6 : null,
		medianApprovalDays: median(approvalDays),
		awaitingApproval: forums.reduce((n, f) => n + f.approval.awaiting, 0),
		actions,
		closureRate: actions ? done / actions : null,
		overdue: forums.reduce((n, f) => n + f.actions.overdue, 0)
	};
}

/** Reads what `computeForumHealth` needs for some forums of one customer. */
async function healthInputs(db: Executor, customerId: string, forumIds: string[] | null): Promise<HealthInput[]> {
	const forums = await listHealthForumRows(db, customerId, forumIds);
	if (forums.length === 0) return [];
	const ids = forums.map((f) => f.id);
	const [meetings, marks, members, assignments, roles, actions] = await Promise.all([
		listMeetingsOfForums(db, ids),
		listAttendanceMarksOfForums(db, ids),
		listMemberRolesOfForums(db, ids),
		listAssignedRoleIds(db, customerId),
		listRoleNames(db),
		listActionStatesOfForums(db, ids)
	]);
	const keyOf = new Map(roles.map((r) => [r.id, r.key]));
	const roleNames = new Map(roles.map((r) => [r.key, { sv: r.name_sv, en: r.name_en }]));
	const assigned = new Map<string, Set<string>>();
	for (const a of assignments) {
		const key = keyOf.get(a.role_id);
		if (key) (assigned.get(a.person_id) ?? assigned.set(a.person_id, new Set()).get(a.person_id)!).add(key);
	}
	return forums.map((f) => {
		const rolesOf = new Map<string, Set<string>>();
		for (const [person, keys] of assigned) rolesOf.set(person, new Set(keys));
		for (const m of members.filter((x) => x.forum_id === f.id && x.role_id)) {
			const key = keyOf.get(m.role_id!);
			if (key) (rolesOf.get(m.person_id) ?? rolesOf.set(m.person_id, new Set()).get(m.person_id)!).add(key);
		}
		const own = meetings.filter((m) => m.forum_id === f.id);
		const ownIds = new Set(own.map((m) => m.id));
		const ownMarks = marks.filter((m) => ownIds.has(m.meeting_id));
		return {
			forum: {
				id: f.id,
				name: { sv: f.name_sv, en: f.name_en },
				level: f.level,
				content: JSON.parse(f.content) as ForumContent,
				minPerYear: f.cadence_min_per_year,
				maxPerYear: f.cadence_max_per_year
			},
			meetings: own.map((m) => ({ id: m.id, startsAt: m.starts_at, endsAt: m.ends_at, status: m.status, approvedAt: m.approved_at })),
			attended: ownMarks.filter((m) => m.status === 'attended').map((m) => ({ meetingId: m.meeting_id, personId: m.person_id })),
			recorded: new Set(ownMarks.map((m) => m.meeting_id)),
			rolesOf,
			roleNames,
			actions: actions.filter((a) => a.forum_id === f.id).map((a) => ({ status: a.status, dueDate: a.due_date }))
		};
	});
}

const approvalDaysOf = (inputs: HealthInput[], now: Date) => {
	const year = stockholmYear(now);
	return inputs.flatMap((i) =>
		i.meetings
			.filter((m) => m.approvedAt && stockholmYear(new Date(m.startsAt)) === year && Date.parse(m.endsAt) <= now.getTime())
			.map((m) => round1(Math.max(0, Date.parse(m.approvedAt!) - Date.parse(m.endsAt)) / DAY_MS))
	);
};

export async function customerGovernanceHealth(db: Db, actor: Actor, customerId: string, now = new Date()): Promise<CustomerHealth> {
	authorize(actor, 'governance.read', { customerId, kind: 'Customer' });
	const customer = await findCustomer(db, customerId);
	if (!customer) throw notFound('Customer');
	const inputs = await healthInputs(db, customerId, null);
	const forums = inputs.map((i) => computeForumHealth(i, now));
	return { customerId, year: stockholmYear(now), forums, totals: customerTotals(forums, approvalDaysOf(inputs, now)) };
}

export async function forumGovernanceHealth(db: Db, actor: Actor, forumId: string, now = new Date()): Promise<ForumHealth> {
	const forum = await findForumRow(db, forumId);
	if (!forum) throw notFound('Forum');
	authorize(actor, 'forum.read', { customerId: forum.customer_id, kind: 'Forum' });
	authorize(actor, 'governance.read', { customerId: forum.customer_id, kind: 'Forum' });
	const [input] = await healthInputs(db, forum.customer_id, [forum.id]);
	return computeForumHealth(input, now);
}
