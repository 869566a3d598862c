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

	/** A value that ends its property and plants a whole event, as an old row could hold. */
	const planted = 'Möte\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:planted@evil.example\r\nSUMMARY:Planted\r\nDTSTART:20260101T000000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nX-PLANTED:1\u0000\u0007\u2028ORGANIZER:x';

	it('keeps hostile names, titles and locations inside their own properties', () => {
		const hostile = meeting({ title: planted, location: planted, forumName: planted, customerName: planted, agendaTitles: [planted], videoUrl: `https://v.example/${planted}` });
		const ics = meetingsCalendar([hostile, meeting({ id: '5d1f2a63-0c1e-4f57-b7a4-8b0a4e1f9c22' })], { origin, name: `Samverkan: Eva\r\nX-PLANTED:1;x,y\\`, locale: 'sv' });
		// RFC 5545 TEXT holds no control characters but tab; lines are CRLF-terminated only
		expect(ics.split('\r\n').every((l) => !/[\p{Cc}\u2028\u2029]/u.test(l))).toBe(true);
		const cal = parse(ics);
		expect(cal.getAllSubcomponents('vevent')).toHaveLength(2);
		expect(cal.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'))).not.toContain('planted@evil.example');
		// NAME and X-WR-CALNAME are TEXT, escaped; ical.js does not know them and hands the raw value back
		expect(cal.getFirstPropertyValue('name')).toBe('Samverkan: Eva X-PLANTED:1\\;x\\,y\\\\');
		expect(cal.getFirstPropertyValue('x-wr-calname')).toBe(cal.getFirstPropertyValue('name'));
		const names = (c: ICAL.Component): string[] => [...c.getAllProperties().map((p) => p.name), ...c.getAllSubcomponents().flatMap(names)];
		expect(names(cal).filter((n) => n.startsWith('x-planted') || n === 'organizer')).toEqual([]);
		const ev = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
		expect(ev.summary).toBe('Möte END:VEVENT BEGIN:VEVENT UID:planted@evil.example SUMMARY:Planted DTSTART:20260101T000000Z END:VEVENT BEGIN:VEVENT X-PLANTED:1 ORGANIZER:x');
		expect(ev.location).toBe(ev.summary);
		expect(ev.description).not.toMatch(/[\r\u2028]|(?![\t\n])\p{Cc}/u);
	});

	it('writes DTSTAMP, CREATED and LAST-MODIFIED in UTC', () => {
		const ics = meetingsCalendar([meeting({ createdAt: '2025-12-01T10:00:00Z', updatedAt: '2026-06-02T11:30:00Z' })], { origin, name: 'x', locale: 'sv' });
		expect(ics).toContain('DTSTAMP:20260602T113000Z');
		expect(ics).toContain('CREATED:20251201T100000Z');
		expect(ics).toContain('LAST-MODIFIED:20260602T113000Z');
		const ev = parse(ics).getFirstSubcomponent('vevent')!;
		for (const [prop, iso] of [
			['dtstamp', '2026-06-02T11:30:00.000Z'],
			['created', '2025-12-01T10:00:00.000Z'],
			['last-modified', '2026-06-02T11:30:00.000Z']
		] as const) {
			const t = ev.getFirstPropertyValue(prop) as ICAL.Time;
			expect(t.zone, prop).toBe(ICAL.Timezone.utcTimezone);
			expect(t.toJSDate().toISOString(), prop).toBe(iso);
		}
		// the event times still name their zone, defined in the file
		expect(ics).toMatch(/DTSTART;TZID=Europe\/Stockholm:/);
		expect(parse(ics).getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Stockholm');
	});
});
