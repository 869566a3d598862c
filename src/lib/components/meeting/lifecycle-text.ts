/** Words of the meeting lifecycle in the user's language (states, next steps, refusals). */
import { formatDateTime } from '$lib/format';
import { earlyParts } from '$lib/governance/early-start';
import { errorMessage, isSpecific, type CodedFailure } from '$lib/i18n/error-message';
import type { MeetingStatus } from '$lib/domain-types';
import { m } from '$lib/paraglide/messages';

export function meetingStateLabel(state: MeetingStatus): string {
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
		case 'cancelled':
			return m.meeting_state_cancelled();
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
	done: m.lifecycle_next_done,
	cancelled: m.lifecycle_next_cancelled
};

export const nextStepText = (step: string): string => (NEXT[step] ?? m.lifecycle_next_done)();

/** A refusal of a lifecycle step in the user's language: the domain's code when it names one, else no permission or "try again". */
export function lifecycleErrorText(failure: CodedFailure, status: number): string {
	if (isSpecific(failure?.messageCode)) return errorMessage(failure.messageCode);
	if (status === 403) return m.error_forbidden();
	return m.lifecycle_err_generic();
}

/** The question asked before starting a meeting more than an hour early: when it begins, and how far ahead that is. */
export function startEarlyQuestion(startsAt: string, earlyMinutes: number): string {
	const p = earlyParts(earlyMinutes);
	const early = p.days > 0 ? m.lifecycle_early_days({ days: p.days, hours: p.hours }) : m.lifecycle_early_hours({ hours: p.hours, minutes: p.minutes });
	return m.lifecycle_start_early_question({ when: formatDateTime(startsAt), early });
}
