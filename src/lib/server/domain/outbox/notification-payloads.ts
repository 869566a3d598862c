/**
 * What each kind of notification carries, fixed when the event happened: the
 * mail and the bell are written from it later, so they tell what was true
 * then (the agenda as published, the changes made) even if it changed since.
 */
import type { Duty } from '$lib/domain-types';

export interface BilingualName {
	sv: string;
	en: string;
}

/** The meeting a notification is about. */
export interface MeetingSubject {
	meetingId: string;
	title: string;
	forumName: BilingualName;
	customerName: string;
	startsAt: string;
	endsAt: string;
}

export interface AgendaChangeList {
	added: string[];
	removed: string[];
	changed: string[];
	moved: boolean;
}

/** meeting.invitation, meeting.updated, meeting.cancelled */
export interface InvitationPayload extends MeetingSubject {
	location: string | null;
	videoUrl: string | null;
	agenda: string[];
	/** the meeting row's times: its calendar entry's revision (SEQUENCE) follows them */
	createdAt: string;
	updatedAt: string;
	/** meeting.updated: what changed since the last invitation */
	changes?: AgendaChangeList;
	/** meeting.cancelled: why, when the canceller said */
	reason?: string;
}

/** minutes.approval_requested, minutes.approval_reminder, minutes.approved */
export interface MinutesPayload extends MeetingSubject {
	/** approval requests: why this person is asked */
	role?: 'chair' | 'adjuster';
}

/** duty.changed */
export interface DutyPayload extends MeetingSubject {
	duty: Duty;
	change: 'given' | 'taken';
	byName: string;
}

/** action.* */
export interface ActionPayload {
	actionId: string;
	title: string;
	forumId: string;
	forumName: BilingualName;
	customerName: string;
	dueDate: string | null;
	/** action.escalated: the forum it was escalated to */
	toForumName?: BilingualName;
}

/** material.published */
export interface MaterialPayload extends MeetingSubject {
	materials: { name: string; version: number }[];
}
