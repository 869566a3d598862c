/** The words of the notification kinds, groups and modes, in the reader's language (the mails' words are in mail-labels.ts). */
import { m } from '$lib/paraglide/messages';

export const KIND_LABELS: Record<string, () => string> = {
	'meeting.invitation': m.notif_kind_meeting_invitation,
	'meeting.updated': m.notif_kind_meeting_updated,
	'meeting.cancelled': m.notif_kind_meeting_cancelled,
	'material.published': m.notif_kind_material_published,
	'minutes.approval_requested': m.notif_kind_minutes_approval_requested,
	'minutes.approval_reminder': m.notif_kind_minutes_approval_reminder,
	'minutes.approved': m.notif_kind_minutes_approved,
	'action.assigned': m.notif_kind_action_assigned,
	'action.due_soon': m.notif_kind_action_due_soon,
	'action.overdue': m.notif_kind_action_overdue,
	'action.carried_over': m.notif_kind_action_carried_over,
	'action.escalated': m.notif_kind_action_escalated,
	'duty.changed': m.notif_kind_duty_changed
};

export const GROUP_LABELS: Record<string, () => string> = {
	meetings: m.notif_group_meetings,
	minutes: m.notif_group_minutes,
	actions: m.notif_group_actions,
	duties: m.notif_group_duties,
	material: m.notif_group_material
};

export const MODE_LABELS: Record<string, () => string> = {
	email: m.notif_mode_email,
	digest: m.notif_mode_digest,
	inapp: m.notif_mode_inapp
};

/** The bell's accessible name: how many are unread. */
export const bellLabel = (unread: number): string =>
	unread === 0 ? m.notif_bell() : unread === 1 ? m.notif_bell_unread_one() : m.notif_bell_unread_many({ count: unread });

/** "nyss", "för 5 minuter sedan" … within a day, otherwise the date and time. */
export function whenLabel(iso: string, locale: string, now = Date.now()): string {
	const seconds = Math.round((Date.parse(iso) - now) / 1000);
	if (seconds > -60) return m.notif_just_now();
	const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
	if (seconds > -3600) return rtf.format(Math.round(seconds / 60), 'minute');
	if (seconds > -86400) return rtf.format(Math.round(seconds / 3600), 'hour');
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(iso));
}
