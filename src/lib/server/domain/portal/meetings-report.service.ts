/**
 * The portal's meetings report: the customer's forums' calendar by level,
 * approved minutes, open actions by side, the decision register and
 * governance health, all from the meetings services, behind the report grant.
 */
import type { Db } from '$lib/server/db';
import type { ForumLevel } from '$lib/server/db/schema';
import { DateTime } from 'luxon';
import type { Actor } from '../actor';
import { customerGovernanceHealth, type CustomerHealth } from '../governance/governance-health';
import { listCustomerActions, listCustomerDecisions, type ActionView, type DecisionView } from '../meetings/actions.service';
import { DEFAULT_TIME_ZONE } from '../time';
import { approvedMinutesOf, upcomingCustomerMeetings, type PortalMeeting } from './portal-meetings.repository';
import { authorizeReport } from '../tenancy/report-grants.service';
import { handedOutMaterial, type HandedOutMaterial } from '../material/material.service';

export const LEVELS: ForumLevel[] = ['strategic', 'tactical', 'operational'];

export interface MeetingsReport {
	calendar: { level: ForumLevel; meetings: PortalMeeting[] }[];
	/** with the decision material that was before each meeting (never supplier-internal) */
	approvedMinutes: (PortalMeeting & { material: HandedOutMaterial[] })[];
	openActions: { customer: ActionView[]; supplier: ActionView[]; unassigned: ActionView[] };
	decisions: DecisionView[];
	health: CustomerHealth;
}

export async function meetingsReport(db: Db, actor: Actor, customerId: string, input: { q?: string } = {}, now = new Date()): Promise<MeetingsReport> {
	await authorizeReport(db, actor, customerId, 'meetings');
	// the calendar: from a month back (recent meetings) to the coming six months
	const from = DateTime.fromJSDate(now, { zone: DEFAULT_TIME_ZONE }).minus({ months: 1 }).startOf('day').toUTC().toISO()!;
	const until = DateTime.fromJSDate(now).plus({ months: 6 }).toUTC().toISO()!;
	const [meetings, approvedMinutes, open, decisions, health] = await Promise.all([
		upcomingCustomerMeetings(db, customerId, from, 200),
		approvedMinutesOf(db, customerId, 20),
		listCustomerActions(db, actor, customerId, { status: 'open' }),
		listCustomerDecisions(db, actor, customerId, input.q ? { q: input.q.slice(0, 200) } : {}),
		customerGovernanceHealth(db, actor, customerId, now)
	]);
	const within = meetings.filter((m) => m.startsAt < until);
	const material = await handedOutMaterial(db, approvedMinutes.map((m) => m.id));
	return {
		calendar: LEVELS.map((level) => ({ level, meetings: within.filter((m) => m.level === level) })),
		approvedMinutes: approvedMinutes.map((m) => ({ ...m, material: material.get(m.id) ?? [] })),
		openActions: {
			customer: open.filter((a) => a.owner?.side === 'customer'),
			supplier: open.filter((a) => a.owner?.side === 'supplier'),
			unassigned: open.filter((a) => !a.owner)
		},
		decisions,
		health
	};
}
