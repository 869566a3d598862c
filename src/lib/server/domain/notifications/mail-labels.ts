/**
 * The words of notification mails and of the bell, in both languages. A mail
 * is written in its recipient's language, independent of any request, so
 * these are plain data like the exports' labels (and reuse their duty names).
 */
import type { NotificationKind } from '../outbox/notification-kinds';
import { exportLabels } from '../exports/labels';

export type MailLocale = 'sv' | 'en';

const sv = {
	subject: {
		'meeting.invitation': (t: string) => `Kallelse: ${t}`,
		'meeting.updated': (t: string) => `Ändrad kallelse: ${t}`,
		'meeting.cancelled': (t: string) => `Inställt: ${t}`,
		'material.published': (t: string) => `Underlag till ${t}`,
		'minutes.approval_requested': (t: string) => `Protokoll att justera: ${t}`,
		'minutes.approval_reminder': (t: string) => `Påminnelse: protokollet från ${t} väntar på din justering`,
		'minutes.approved': (t: string) => `Justerat protokoll: ${t}`,
		'action.assigned': (t: string) => `Ny aktivitet till dig: ${t}`,
		'action.due_soon': (t: string) => `Aktivitet snart förfallen: ${t}`,
		'action.overdue': (t: string) => `Försenad aktivitet: ${t}`,
		'action.carried_over': (t: string) => `Aktivitet överförd till nästa möte: ${t}`,
		'action.escalated': (t: string) => `Eskalerad aktivitet: ${t}`,
		'duty.changed': (t: string) => `Ändrat uppdrag: ${t}`
	} satisfies Record<NotificationKind, (title: string) => string>,
	invitation: (forum: string, customer: string) => `Du är kallad till ${forum} med ${customer}.`,
	updated: 'Kallelsen har ändrats sedan den skickades.',
	cancelled: 'Mötet är inställt.',
	reason: 'Skäl',
	when: 'Tid',
	where: 'Plats',
	video: 'Videomöte',
	agenda: 'Dagordning',
	changes: 'Ändringar',
	added: 'Ny punkt',
	removed: 'Borttagen punkt',
	changedItem: 'Ändrad punkt',
	moved: 'Punkternas ordning har ändrats.',
	material: (n: number) => (n === 1 ? 'Nytt underlag har lagts ut inför mötet:' : `${n} underlag har lagts ut inför mötet:`),
	version: 'version',
	approvalRequested: { chair: 'Protokollet är klart för justering. Som ordförande justerar du det.', adjuster: 'Protokollet är klart för justering. Du är utsedd till justerare.' },
	approvalReminder: 'Protokollet väntar fortfarande på din justering.',
	approved: 'Protokollet är justerat. Det justerade protokollet är bifogat som PDF.',
	actionAssigned: 'Du har fått en aktivitet.',
	actionDueSoon: 'En av dina aktiviteter förfaller snart.',
	actionOverdue: 'En av dina aktiviteter är försenad.',
	actionCarriedOver: 'En av dina aktiviteter förs över till nästa möte.',
	actionEscalated: (to: string) => `En aktivitet har eskalerats till ${to}.`,
	due: 'Förfaller',
	dutyGiven: (duty: string, by: string) => `${by} har gett dig uppdraget ${duty.toLowerCase()} för mötet.`,
	dutyTaken: (duty: string, by: string) => `${by} har flyttat uppdraget ${duty.toLowerCase()} för mötet från dig.`,
	open: 'Öppna i Samverkan',
	openMeeting: 'Öppna mötet',
	digestSubject: (n: number) => `Samverkan: ${n} ${n === 1 ? 'händelse' : 'händelser'} sedan i går`,
	digestIntro: 'Det här har hänt i dina forum:',
	footer: 'Du får det här brevet från Samverkan. Välj själv hur du vill bli meddelad under Inställningar → Aviseringar.',
	duty: exportLabels('sv').duty
};

type Labels = typeof sv;

const en: Labels = {
	subject: {
		'meeting.invitation': (t) => `Invitation: ${t}`,
		'meeting.updated': (t) => `Updated invitation: ${t}`,
		'meeting.cancelled': (t) => `Cancelled: ${t}`,
		'material.published': (t) => `Material for ${t}`,
		'minutes.approval_requested': (t) => `Minutes to approve: ${t}`,
		'minutes.approval_reminder': (t) => `Reminder: the minutes of ${t} await your approval`,
		'minutes.approved': (t) => `Approved minutes: ${t}`,
		'action.assigned': (t) => `New action for you: ${t}`,
		'action.due_soon': (t) => `Action due soon: ${t}`,
		'action.overdue': (t) => `Overdue action: ${t}`,
		'action.carried_over': (t) => `Action carried over to the next meeting: ${t}`,
		'action.escalated': (t) => `Escalated action: ${t}`,
		'duty.changed': (t) => `Duty changed: ${t}`
	},
	invitation: (forum, customer) => `You are invited to ${forum} with ${customer}.`,
	updated: 'The invitation has changed since it was sent.',
	cancelled: 'The meeting is cancelled.',
	reason: 'Reason',
	when: 'When',
	where: 'Where',
	video: 'Video meeting',
	agenda: 'Agenda',
	changes: 'Changes',
	added: 'New item',
	removed: 'Removed item',
	changedItem: 'Changed item',
	moved: 'The order of the items has changed.',
	material: (n) => (n === 1 ? 'New material is out for the meeting:' : `${n} materials are out for the meeting:`),
	version: 'version',
	approvalRequested: { chair: 'The minutes are ready for approval. As the chair, you approve them.', adjuster: 'The minutes are ready for approval. You are the appointed adjuster.' },
	approvalReminder: 'The minutes still await your approval.',
	approved: 'The minutes are approved. The approved minutes are attached as a PDF.',
	actionAssigned: 'An action has been assigned to you.',
	actionDueSoon: 'One of your actions is due soon.',
	actionOverdue: 'One of your actions is overdue.',
	actionCarriedOver: 'One of your actions is carried over to the next meeting.',
	actionEscalated: (to) => `An action has been escalated to ${to}.`,
	due: 'Due',
	dutyGiven: (duty, by) => `${by} has given you the duty of ${duty.toLowerCase()} for the meeting.`,
	dutyTaken: (duty, by) => `${by} has moved the duty of ${duty.toLowerCase()} for the meeting away from you.`,
	open: 'Open in Samverkan',
	openMeeting: 'Open the meeting',
	digestSubject: (n) => `Samverkan: ${n} ${n === 1 ? 'event' : 'events'} since yesterday`,
	digestIntro: 'This has happened in your forums:',
	footer: 'You receive this mail from Samverkan. Choose how you are notified under Settings → Notifications.',
	duty: exportLabels('en').duty
};

export const mailLabels = (locale: MailLocale): Labels => (locale === 'en' ? en : sv);

const ZONE = 'Europe/Stockholm';
const tag = (locale: MailLocale) => (locale === 'en' ? 'en-GB' : 'sv-SE');

/** "tisdag 10 februari 2026 09:00–10:30" in Stockholm time. */
export function meetingSpan(startIso: string, endIso: string, locale: MailLocale): string {
	const day = new Intl.DateTimeFormat(tag(locale), { timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(startIso));
	const time = (iso: string) => new Intl.DateTimeFormat(tag(locale), { timeZone: ZONE, timeStyle: 'short' }).format(new Date(iso));
	return `${day} ${time(startIso)}–${time(endIso)}`;
}

export const dayOf = (isoDate: string, locale: MailLocale): string =>
	new Intl.DateTimeFormat(tag(locale), { timeZone: ZONE, dateStyle: 'long' }).format(new Date(isoDate.length === 10 ? `${isoDate}T12:00:00Z` : isoDate));
