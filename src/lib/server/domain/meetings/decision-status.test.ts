import { describe, expect, it } from 'vitest';
import type { MeetingStatus } from '$lib/domain-types';
import { DecisionStatusFilter, decisionStatus, meetingStatesFor } from './decision-status';

const ALL: MeetingStatus[] = ['planned', 'agenda_published', 'in_progress', 'minutes_draft', 'minutes_approved', 'confirmed'];

describe('decisionStatus', () => {
	it('is a proposal until the minutes are approved (justerat), decided from then on', () => {
		expect(Object.fromEntries(ALL.map((s) => [s, decisionStatus(s)]))).toEqual({
			planned: 'proposed',
			agenda_published: 'proposed',
			in_progress: 'proposed',
			minutes_draft: 'proposed',
			minutes_approved: 'decided',
			confirmed: 'decided'
		});
	});

	it('lists decided decisions only unless asked otherwise, and refuses an unknown filter', () => {
		expect(DecisionStatusFilter.parse(undefined)).toBe('decided');
		expect(DecisionStatusFilter.safeParse('draft').success).toBe(false);
	});

	it('gives SQL the same split as decisionStatus, for every meeting state', () => {
		for (const filter of ['decided', 'proposed'] as const) {
			const { op, states } = meetingStatesFor(filter)!;
			const matches = ALL.filter((s) => (op === 'in' ? states.includes(s) : !states.includes(s)));
			expect(matches).toEqual(ALL.filter((s) => decisionStatus(s) === filter));
		}
		expect(meetingStatesFor('all')).toBeNull();
	});
});
