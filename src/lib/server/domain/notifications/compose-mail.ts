/**
 * What a notification says, for a mail or the bell: a pure function of its
 * kind, its payload (fixed when the event happened) and the recipient's
 * language. The mail's text and HTML parts are laid out in mail-layout.ts.
 */
import { isAccountMailKind, type OutboxKind } from '../outbox/notification-kinds';
import type { AccountMailPayload } from '../outbox/account-mail-payload';
import { composeAccountMail } from './account-mail';
import type { ActionPayload, DutyPayload, InvitationPayload, MaterialPayload, MeetingSubject, MinutesPayload } from '../outbox/notification-payloads';
import { dayOf, mailLabels, meetingSpan, type MailLocale } from './mail-labels';

export interface MailContent {
	subject: string;
	/** short: the bell's line */
	headline: string;
	paragraphs: string[];
	facts: [label: string, value: string][];
	lists: { title: string; items: string[] }[];
	link: { label: string; href: string };
}

const forumName = (p: { forumName: { sv: string; en: string } }, locale: MailLocale) => (locale === 'en' ? p.forumName.en || p.forumName.sv : p.forumName.sv);

function meetingFacts(p: MeetingSubject & Partial<Pick<InvitationPayload, 'location' | 'videoUrl'>>, locale: MailLocale): [string, string][] {
	const l = mailLabels(locale);
	const facts: [string, string][] = [[l.when, meetingSpan(p.startsAt, p.endsAt, locale)]];
	if (p.location) facts.push([l.where, p.location]);
	if (p.videoUrl) facts.push([l.video, p.videoUrl]);
	return facts;
}

export function composeMail(kind: OutboxKind, payload: unknown, locale: MailLocale, origin: string): MailContent {
	if (isAccountMailKind(kind)) return composeAccountMail(kind, payload as AccountMailPayload, locale, origin);
	const l = mailLabels(locale);
	const meetingLink = (id: string) => ({ label: l.openMeeting, href: `${origin}/meetings/${id}` });
	switch (kind) {
		case 'meeting.invitation':
		case 'meeting.updated':
		case 'meeting.cancelled': {
			const p = payload as InvitationPayload;
			const lead = kind === 'meeting.cancelled' ? l.cancelled : kind === 'meeting.updated' ? l.updated : l.invitation(forumName(p, locale), p.customerName);
			const lists: MailContent['lists'] = [];
			if (kind === 'meeting.updated' && p.changes) {
				const c = p.changes;
				const items = [...c.added.map((t) => `${l.added}: ${t}`), ...c.removed.map((t) => `${l.removed}: ${t}`), ...c.changed.map((t) => `${l.changedItem}: ${t}`)];
				if (c.moved) items.push(l.moved);
				if (items.length) lists.push({ title: l.changes, items });
			}
			if (kind !== 'meeting.cancelled' && p.agenda.length) lists.push({ title: l.agenda, items: p.agenda });
			const paragraphs = kind === 'meeting.cancelled' && p.reason ? [lead, `${l.reason}: ${p.reason}`] : [lead];
			return { subject: l.subject[kind](p.title), headline: l.subject[kind](p.title), paragraphs, facts: meetingFacts(p, locale), lists, link: meetingLink(p.meetingId) };
		}
		case 'material.published': {
			const p = payload as MaterialPayload;
			return {
				subject: l.subject[kind](p.title),
				headline: l.subject[kind](p.title),
				paragraphs: [l.material(p.materials.length)],
				facts: meetingFacts(p, locale),
				lists: [{ title: '', items: p.materials.map((m) => `${m.name} (${l.version} ${m.version})`) }],
				link: meetingLink(p.meetingId)
			};
		}
		case 'minutes.approval_requested':
		case 'minutes.approval_reminder':
		case 'minutes.approved': {
			const p = payload as MinutesPayload;
			const lead = kind === 'minutes.approved' ? l.approved : kind === 'minutes.approval_reminder' ? l.approvalReminder : l.approvalRequested[p.role ?? 'chair'];
			return { subject: l.subject[kind](p.title), headline: l.subject[kind](p.title), paragraphs: [lead], facts: meetingFacts(p, locale), lists: [], link: meetingLink(p.meetingId) };
		}
		case 'duty.changed': {
			const p = payload as DutyPayload;
			const duty = l.duty[p.duty];
			return {
				subject: l.subject[kind](p.title),
				headline: `${duty}: ${p.title}`,
				paragraphs: [p.change === 'given' ? l.dutyGiven(duty, p.byName) : l.dutyTaken(duty, p.byName)],
				facts: meetingFacts(p, locale),
				lists: [],
				link: meetingLink(p.meetingId)
			};
		}
		case 'action.assigned':
		case 'action.due_soon':
		case 'action.overdue':
		case 'action.carried_over':
		case 'action.escalated': {
			const p = payload as ActionPayload;
			const lead = {
				'action.assigned': l.actionAssigned,
				'action.due_soon': l.actionDueSoon,
				'action.overdue': l.actionOverdue,
				'action.carried_over': l.actionCarriedOver,
				'action.escalated': l.actionEscalated(p.toForumName ? forumName({ forumName: p.toForumName }, locale) : '')
			}[kind];
			const facts: [string, string][] = [['Forum', `${forumName(p, locale)} · ${p.customerName}`]];
			if (p.dueDate) facts.push([l.due, dayOf(p.dueDate, locale)]);
			return { subject: l.subject[kind](p.title), headline: l.subject[kind](p.title), paragraphs: [lead], facts, lists: [], link: { label: l.open, href: `${origin}/forums/${p.forumId}` } };
		}
	}
}
