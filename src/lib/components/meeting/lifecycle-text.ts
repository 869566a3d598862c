/** Words of the meeting lifecycle in the user's language (states, next steps, refusals). */
import { formatDateTime } from '$lib/format';
import { earlyParts } from '$lib/governance/early-start';
import { m } from '$lib/paraglide/messages';

export type MeetingState = 'planned' | 'agenda_published' | 'in_progress' | 'minutes_draft' | 'minutes_approved' | 'confirmed';

export function meetingStateLabel(state: MeetingState): string {
	switch (state) {
		case 'planned':
			return m.meeting_state_planned();
		case 'agenda_published':
			return m.meeting_state_agenda_published();
		case 'in_progress':
			return m.meeting_state_in_progress();
		case 'minutes_draft':
			return m.meeting_state_minutes_draft();
		case 'minutes_approved':
			return m.meeting_state_minutes_approved();
		case 'confirmed':
			return m.meeting_state_confirmed();
	}
}

const NEXT: Record<string, () => string> = {
	publish_agenda: m.lifecycle_next_publish,
	start: m.lifecycle_next_start,
	end: m.lifecycle_next_end,
	name_adjuster: m.lifecycle_next_name_adjuster,
	approve: m.lifecycle_next_approve,
	chair_approves: m.lifecycle_next_chair_approves,
	adjuster_approves: m.lifecycle_next_adjuster_approves,
	confirm_next_meeting: m.lifecycle_next_confirm,
	done: m.lifecycle_next_done
};

export const nextStepText = (step: string): string => (NEXT[step] ?? m.lifecycle_next_done)();

/** The domain's refusals (English, stable) in the user's language. */
const REFUSALS: Record<string, () => string> = {
	'The minutes are already approved': m.lifecycle_err_already_approved,
	'You have already approved these minutes': m.lifecycle_err_already_approved_you,
	'The chair and the adjuster must be two different people': m.lifecycle_err_same_person,
	'Name an adjuster (justerare) from the customer side first': m.lifecycle_err_no_adjuster,
	'The minutes can be approved once the meeting has ended': m.lifecycle_err_not_ended,
	'The meeting is already in progress': m.lifecycle_err_in_progress,
	'The meeting has already been held': m.lifecycle_err_held,
	'Only a meeting in progress can be ended': m.lifecycle_err_not_in_progress,
	'The meeting has started; its agenda can no longer be published': m.lifecycle_err_started,
	'The previous minutes are not approved yet': m.lifecycle_err_previous_not_approved,
	'The previous minutes are already confirmed': m.lifecycle_err_previous_confirmed,
	'The adjuster must be a person of the customer': m.lifecycle_err_adjuster_customer
};

export function lifecycleErrorText(message: string, status: number): string {
	const known = REFUSALS[message];
	if (known) return known();
	if (status === 403) return m.error_forbidden();
	return m.lifecycle_err_generic();
}

/** The question asked before starting a meeting more than an hour early: when it begins, and how far ahead that is. */
export function startEarlyQuestion(startsAt: string, earlyMinutes: number): string {
	const p = earlyParts(earlyMinutes);
	const early = p.days > 0 ? m.lifecycle_early_days({ days: p.days, hours: p.hours }) : m.lifecycle_early_hours({ hours: p.hours, minutes: p.minutes });
	return m.lifecycle_start_early_question({ when: formatDateTime(startsAt), early });
}
