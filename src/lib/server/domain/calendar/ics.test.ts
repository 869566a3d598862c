import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { meetingsCalendar, meetingUid, sequenceOf, type CalendarMeeting } from './ics';

const meeting = (over: Partial<CalendarMeeting> = {}): CalendarMeeting => ({
	id: '0b7c4c52-8a3e-4c8e-9a56-3f1f6e0d2a11',
	title: 'Tertialmöte; årets första, med "citat"',
	forumName: 'Taktiskt forum',
	customerName: 'Norrby kommun',
	// 09:00 Stockholm in winter (CET, UTC+1)
	startsAt: '2026-01-15T08:00:00Z',
	endsAt: '2026-01-15T09:30:00Z',
	location: 'Stadshuset, sal Älven',
	videoUrl: null,
	agendaTitles: ['Föregående protokoll', 'Leveransuppföljning'],
	createdAt: '2025-12-01T10:00:00Z',
	updatedAt: '2025-12-01T10:00:00Z',
	...over
});

function parse(ics: string) {
	const comp = new ICAL.Component(ICAL.parse(ics));
	const tz = comp.getFirstSubcomponent('vtimezone');
	if (tz) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
	return comp;
}

describe('meetingsCalendar', () => {
	const origin = 'https://samverkan.example.se';

	it('writes one VEVENT with Stockholm times, VTIMEZONE and METHOD:PUBLISH', () => {
		const ics = meetingsCalendar([meeting()], { origin, name: 'Samverkan', locale: 'sv' });
		expect(ics).toContain('METHOD:PUBLISH');
		expect(ics).toMatch(/DTSTART;TZID=Europe\/Stockholm:20260115T090000/);
		const cal = parse(ics);
		expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Stockholm');
		const events = cal.getAllSubcomponents('vevent');
		expect(events).toHaveLength(1);
		const ev = new ICAL.Event(events[0]);
		expect(ev.uid).toBe('0b7c4c52-8a3e-4c8e-9a56-3f1f6e0d2a11@samverkan.example.se');
		expect(ev.startDate.toJSDate().toISOString()).toBe('2026-01-15T08:00:00.000Z');
		expect(ev.endDate.toJSDate().toISOString()).toBe('2026-01-15T09:30:00.000Z');
		expect(ev.summary).toBe('Taktiskt forum: Tertialmöte; årets första, med "citat"');
		expect(ev.location).toBe('Stadshuset, sal Älven');
		expect(ev.description).toContain('1. Föregående protokoll\n2. Leveransuppföljning');
		expect(events[0].getFirstPropertyValue('url')).toBe(`${origin}/meetings/0b7c4c52-8a3e-4c8e-9a56-3f1f6e0d2a11`);
		expect(ev.sequence).toBe(0);
	});

	it('keeps 09:00 Stockholm in summer time (07:00Z)', () => {
		const ics = meetingsCalendar([meeting({ startsAt: '2026-06-10T07:00:00Z', endsAt: '2026-06-10T08:00:00Z' })], { origin, name: 'x', locale: 'sv' });
		expect(ics).toMatch(/DTSTART;TZID=Europe\/Stockholm:20260610T090000/);
		const ev = new ICAL.Event(parse(ics).getFirstSubcomponent('vevent')!);
		expect(ev.startDate.toJSDate().toISOString()).toBe('2026-06-10T07:00:00.000Z');
	});

	it('bumps SEQUENCE when the meeting changes, keeping the UID', () => {
		const later = meeting({ updatedAt: '2025-12-02T10:00:00Z' });
		expect(sequenceOf(later)).toBeGreaterThan(sequenceOf(meeting()));
		const ev = new ICAL.Event(parse(meetingsCalendar([later], { origin, name: 'x', locale: 'en' })).getFirstSubcomponent('vevent')!);
		expect(ev.sequence).toBe(86400);
		// a title that already names the forum is not prefixed twice
		const named = meetingsCalendar([meeting({ title: 'Taktiskt forum 15 januari' })], { origin, name: 'x', locale: 'sv' });
		expect(new ICAL.Event(parse(named).getFirstSubcomponent('vevent')!).summary).toBe('Taktiskt forum 15 januari');
		expect(ev.uid).toBe(meetingUid(later.id, origin));
		expect(ev.description).toContain('Agenda:');
	});
});
