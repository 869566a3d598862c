/**
 * When a decision exists. A decision block typed into a meeting's minutes is
 * a proposal (förslag till beslut) until the minutes that hold it are
 * approved (justerat); from then on it is decided (beslutat). This is the one
 * definition: the decision register, the portal, the API and the CSV export
 * ask this module, in TypeScript or in SQL, never the meeting status itself.
 */
import { z } from 'zod';
import type { MeetingStatus } from '$lib/domain-types';

export const DECISION_STATUSES = ['proposed', 'decided'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** Meeting states in which the minutes are approved (justerat), confirmed or not. */
export const APPROVED_MINUTES_STATES: readonly MeetingStatus[] = ['minutes_approved', 'confirmed'];

export const minutesApproved = (meetingStatus: MeetingStatus): boolean => APPROVED_MINUTES_STATES.includes(meetingStatus);

/** The status of a decision written in the minutes of a meeting in this state. */
export const decisionStatus = (meetingStatus: MeetingStatus): DecisionStatus => (minutesApproved(meetingStatus) ? 'decided' : 'proposed');

/** Which decisions a list asks for; lists default to decided ones only (proposals are not counted). */
export const DecisionStatusFilter = z.enum(['decided', 'proposed', 'all']).default('decided');
export type DecisionStatusFilter = z.output<typeof DecisionStatusFilter>;

/**
 * The SQL condition on the meeting's status for a filter: `in` the approved
 * states for decided, `not in` them for proposals, null for all.
 */
export function meetingStatesFor(filter: DecisionStatusFilter): { op: 'in' | 'not in'; states: MeetingStatus[] } | null {
	if (filter === 'all') return null;
	return { op: filter === 'decided' ? 'in' : 'not in', states: [...APPROVED_MINUTES_STATES] };
}
