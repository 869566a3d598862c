/**
 * iCalendar files of meetings (RFC 5545), built with ical-generator. Times
 * are written as Stockholm wall-clock time with TZID=Europe/Stockholm and the
 * zone's VTIMEZONE (from @touch4it/ical-timezones), so calendar programs show
 * 09:00 as 09:00 on both sides of a daylight-saving change. DTSTAMP, CREATED
 * and LAST-MODIFIED are UTC (…Z), as RFC 5545 requires.
 *
 * Every text written is cleaned first, whatever the database holds: names,
 * titles and locations become one line, the description keeps its line breaks
 * but no other control characters. A value can therefore never end a property
 * and start another (a planted VEVENT), even from a row older than the input
 * rules.
 */
import ical, { escape, ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { DateTime } from 'luxon';
import { toPlainText, toSingleLine } from '$lib/text-rules';
import { DEFAULT_TIME_ZONE } from '../time';

export interface CalendarMeeting {
	id: string;
	title: string;
	forumName: string;
	customerName: string;
	startsAt: string;
	endsAt: string;
	location: string | null;
	videoUrl: string | null;
	agendaTitles: string[];
	createdAt: string;
	updatedAt: string;
}

export interface CalendarOptions {
	/** the site's origin, e.g. https://samverkan.example.se: page links and UIDs */
	origin: string;
	/** the calendar's name shown by calendar programs */
	name: string;
	locale: 'sv' | 'en';
}

/**
 * A meeting's revision number: seconds between its creation and its last
 * change. It only grows, needs no counter column, and moves whenever the
 * meeting changes, which is what SEQUENCE has to do.
 */
export const sequenceOf = (m: Pick<CalendarMeeting, 'createdAt' | 'updatedAt'>): number =>
	Math.max(0, Math.floor((Date.parse(m.updatedAt) - Date.parse(m.createdAt)) / 1000));

/** Stable across exports and feeds, so a calendar updates the event instead of adding a copy. */
export const meetingUid = (meetingId: string, origin: string): string => `${meetingId}@${new URL(origin).hostname}`;

function description(m: CalendarMeeting, url: string, locale: 'sv' | 'en'): string {
	const lines = [`${toSingleLine(m.customerName)} · ${toSingleLine(m.forumName)}`];
	if (m.agendaTitles.length) {
		lines.push('', locale === 'en' ? 'Agenda:' : 'Dagordning:');
		m.agendaTitles.forEach((t, i) => lines.push(`${i + 1}. ${toSingleLine(t)}`));
	}
	if (m.videoUrl) lines.push('', `${locale === 'en' ? 'Video meeting' : 'Videomöte'}: ${toSingleLine(m.videoUrl)}`);
	lines.push('', url);
	return toPlainText(lines.join('\n'));
}

/** Titles often already name the forum ("Taktiskt forum 3 mars"): then it is not prefixed twice. */
function summary(m: CalendarMeeting): string {
	const title = toSingleLine(m.title);
	const forum = toSingleLine(m.forumName);
	return title.toLowerCase().startsWith(forum.toLowerCase()) ? title : `${forum}: ${title}`;
}

function newCalendar(name: string, locale: 'sv' | 'en', method: ICalCalendarMethod): ICalCalendar {
	return ical({
		// ical-generator writes NAME and X-WR-CALNAME as given: one line, escaped here
		name: escape(toSingleLine(name), false) || 'Samverkan',
		prodId: { company: 'Samverkan', product: 'Samverkan', language: locale.toUpperCase() },
		method,
		// the zone only for its VTIMEZONE, not as the calendar's zone: that would write DTSTAMP,
		// CREATED and LAST-MODIFIED as floating local time instead of UTC. (So no X-WR-TIMEZONE
		// either: it only matters for floating times, and every time here names its zone.)
		timezone: { name: null, generator: getVtimezoneComponent }
	});
}

function addEvent(cal: ICalCalendar, m: CalendarMeeting, opts: CalendarOptions) {
	const url = `${opts.origin}/meetings/${m.id}`;
	return cal.createEvent({
		id: meetingUid(m.id, opts.origin),
		sequence: sequenceOf(m),
		start: DateTime.fromISO(m.startsAt, { zone: 'utc' }).setZone(DEFAULT_TIME_ZONE),
		end: DateTime.fromISO(m.endsAt, { zone: 'utc' }).setZone(DEFAULT_TIME_ZONE),
		timezone: DEFAULT_TIME_ZONE,
		stamp: new Date(m.updatedAt),
		created: new Date(m.createdAt),
		lastModified: new Date(m.updatedAt),
		summary: summary(m),
		location: toSingleLine(m.location ?? m.videoUrl ?? '') || null,
		url,
		description: description(m, url, opts.locale)
	});
}

export function meetingsCalendar(meetings: CalendarMeeting[], opts: CalendarOptions): string {
	const cal = newCalendar(opts.name, opts.locale, ICalCalendarMethod.PUBLISH);
	for (const m of meetings) addEvent(cal, m, opts);
	return cal.toString();
}

export interface Mailbox {
	name: string;
	email: string;
}

/**
 * The calendar part of an invitation mail (iTIP, RFC 5546): METHOD:REQUEST
 * with the organizer and the one attendee it is sent to, or METHOD:CANCEL.
 * The UID is the meeting's, SEQUENCE its revision, so a calendar program
 * replaces the entry it already has instead of adding a second one.
 */
export function meetingInvitation(m: CalendarMeeting, opts: CalendarOptions & { method: 'REQUEST' | 'CANCEL'; organizer: Mailbox; attendee: Mailbox }): string {
	const cal = newCalendar(opts.name, opts.locale, opts.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
	const event = addEvent(cal, m, opts);
	event.organizer({ name: toSingleLine(opts.organizer.name), email: opts.organizer.email });
	event.createAttendee({
		name: toSingleLine(opts.attendee.name),
		email: opts.attendee.email,
		role: ICalAttendeeRole.REQ,
		status: ICalAttendeeStatus.NEEDSACTION,
		rsvp: opts.method === 'REQUEST'
	});
	event.status(opts.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED);
	return cal.toString();
}
