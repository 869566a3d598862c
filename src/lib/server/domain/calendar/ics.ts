/**
 * iCalendar files of meetings (RFC 5545), built with ical-generator. Times
 * are written as Stockholm wall-clock time with TZID=Europe/Stockholm and the
 * zone's VTIMEZONE (from @touch4it/ical-timezones), so calendar programs show
 * 09:00 as 09:00 on both sides of a daylight-saving change.
 */
import ical, { ICalCalendarMethod } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { DateTime } from 'luxon';
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
	const lines = [`${m.customerName} · ${m.forumName}`];
	if (m.agendaTitles.length) {
		lines.push('', locale === 'en' ? 'Agenda:' : 'Dagordning:');
		m.agendaTitles.forEach((t, i) => lines.push(`${i + 1}. ${t}`));
	}
	if (m.videoUrl) lines.push('', `${locale === 'en' ? 'Video meeting' : 'Videomöte'}: ${m.videoUrl}`);
	lines.push('', url);
	return lines.join('\n');
}

export function meetingsCalendar(meetings: CalendarMeeting[], opts: CalendarOptions): string {
	const cal = ical({
		name: opts.name,
		prodId: { company: 'Samverkan', product: 'Samverkan', language: opts.locale.toUpperCase() },
		method: ICalCalendarMethod.PUBLISH,
		timezone: { name: DEFAULT_TIME_ZONE, generator: getVtimezoneComponent }
	});
	for (const m of meetings) {
		const url = `${opts.origin}/meetings/${m.id}`;
		cal.createEvent({
			id: meetingUid(m.id, opts.origin),
			sequence: sequenceOf(m),
			start: DateTime.fromISO(m.startsAt, { zone: 'utc' }).setZone(DEFAULT_TIME_ZONE),
			end: DateTime.fromISO(m.endsAt, { zone: 'utc' }).setZone(DEFAULT_TIME_ZONE),
			timezone: DEFAULT_TIME_ZONE,
			stamp: new Date(m.updatedAt),
			created: new Date(m.createdAt),
			lastModified: new Date(m.updatedAt),
			// titles often already name the forum ("Taktiskt forum 3 mars")
			summary: m.title.toLowerCase().startsWith(m.forumName.toLowerCase()) ? m.title : `${m.forumName}: ${m.title}`,
			location: m.location ?? (m.videoUrl ? m.videoUrl : null),
			url,
			description: description(m, url, opts.locale)
		});
	}
	return cal.toString();
}
