import { describe, expect, it } from 'vitest';
import { ACTION_STATUSES } from '$lib/realtime/actions-doc';
import type { MeetingStatus } from '$lib/domain-types';
import { CHANGE_OUTCOMES, CHANGE_TYPES, STATUS_CATEGORIES, TICKET_KINDS } from '$lib/server/domain/itsm/ticket.types';
import { m } from '$lib/paraglide/messages';
import {
	actionStatusLabel,
	changeOutcomeLabel,
	changeTypeLabel,
	lightLabel,
	meetingStatusLabel,
	slaCalendarLabel,
	slaStateLabel,
	ticketKindLabel,
	ticketStatusLabel
} from './enum-labels';

const MEETING_STATUSES: MeetingStatus[] = ['planned', 'agenda_published', 'in_progress', 'minutes_draft', 'minutes_approved', 'confirmed'];

const cases: [string, readonly string[], (v: string, lang: 'sv' | 'en') => string][] = [
	['ticket kind', TICKET_KINDS, ticketKindLabel],
	['ticket status', STATUS_CATEGORIES, ticketStatusLabel],
	['change outcome', CHANGE_OUTCOMES, changeOutcomeLabel],
	['change type', CHANGE_TYPES, changeTypeLabel],
	['light', ['green', 'amber', 'red'], lightLabel],
	['meeting status', MEETING_STATUSES, meetingStatusLabel],
	['action status', ACTION_STATUSES, actionStatusLabel],
	['SLA state', ['met', 'breached', 'pending'], slaStateLabel],
	['SLA calendar', ['business', '24x7'], slaCalendarLabel]
];

describe('enum labels', () => {
	for (const [name, values, label] of cases) {
		it(`gives every ${name} a word in both languages, never the stored value`, () => {
			for (const lang of ['sv', 'en'] as const) {
				const unknown = [m.portal_unknown({}, { locale: lang }), m.live_change_unknown({}, { locale: lang })];
				for (const v of values) {
					const text = label(v, lang);
					expect(text, `${name} ${v} (${lang})`).not.toBe(v);
					expect(unknown, `${name} ${v} (${lang})`).not.toContain(text);
					expect(text).not.toMatch(/_/);
				}
			}
		});
	}

	it('names the outcomes of changes in Swedish, with_issues included', () => {
		expect(CHANGE_OUTCOMES.map((o) => changeOutcomeLabel(o, 'sv'))).toEqual(['Lyckade', 'Genomförda med problem', 'Misslyckade', 'Återställda', 'Avbrutna']);
		expect(meetingStatusLabel('confirmed', 'sv')).toBe('Bekräftat vid nästa möte');
	});

	it('shows an unknown value as "Okänt"/"Unknown", not as itself', () => {
		expect(ticketKindLabel('weird_kind', 'sv')).toBe('Okänt');
		expect(meetingStatusLabel('toString', 'en')).toBe('Unknown');
		expect(ticketStatusLabel(null, 'sv')).toBe('Okänt');
	});
});

describe('counts agree in number', () => {
	it('says "1 träff" and "2 träffar"', () => {
		expect(m.portal_kb_results({ count: 1, q: 'vpn' }, { locale: 'sv' })).toBe('1 träff för ”vpn”');
		expect(m.portal_kb_results({ count: 2, q: 'vpn' }, { locale: 'sv' })).toBe('2 träffar för ”vpn”');
		expect(m.portal_kb_results({ count: 1, q: 'vpn' }, { locale: 'en' })).toBe('1 result for “vpn”');
		expect(m.portal_kb_views({ count: 1 }, { locale: 'sv' })).toBe('1 visning');
		expect(m.forum_members_count({ count: 1 }, { locale: 'sv' })).toBe('1 person');
		expect(m.admin_roles_count({ count: 1 }, { locale: 'sv' })).toBe('1 roll');
	});
});
