import { describe, expect, it } from 'vitest';
import type { TicketDraft } from '../domain/itsm/ticket.types';
import { asOf, demoYearStart, spreadOverYear } from './demo-itsm';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-12-06T11:00:00Z');

/** An incident opened at `at`, resolved 5 hours and closed 5 days later (as the UCI log closes them). */
function incident(n: number, at: number): TicketDraft {
	return {
		source: 'servicenow', sourceId: null, number: `INC${n}`, kind: 'incident', title: null,
		statusRaw: 'Closed', status: 'closed', priorityRaw: '3', priority: 3, impact: null, urgency: null, category: null, service: null,
		channel: null, assignmentGroup: null, openedAt: at, firstResponseAt: at + HOUR, resolvedAt: at + 5 * HOUR, closedAt: at + 5 * DAY + 5 * HOUR,
		reopenCount: 0, reassignmentCount: 0, majorIncident: false, sourceSlaMet: true, satisfaction: null, changeType: null, changeRisk: null,
		cabRequired: null, plannedStart: null, plannedEnd: null, actualStart: null, actualEnd: null, changeOutcome: null,
		history: [
			{ at, status: 'new', statusRaw: 'New', priority: 3 },
			{ at: at + 5 * HOUR, status: 'resolved', statusRaw: 'Resolved', priority: 3 },
			{ at: at + 5 * DAY + 5 * HOUR, status: 'closed', statusRaw: 'Closed', priority: 3 }
		]
	} as TicketDraft;
}

describe('demo tickets over the year', () => {
	// a log of three weeks from 2016, an incident every 32 minutes
	const log = Array.from({ length: 900 }, (_, i) => incident(i, Date.parse('2016-03-01T08:00:00Z') + i * 32 * 60_000));
	const spread = spreadOverYear(log, NOW);

	it('keeps every incident, each in the twelve months up to now, with its weekday, time of day and durations', () => {
		expect(spread).toHaveLength(900);
		const start = demoYearStart(NOW);
		expect(new Date(start).toISOString()).toBe('2025-12-31T23:00:00.000Z'); // 1 January, Stockholm
		for (const d of spread) {
			expect(d.openedAt).toBeGreaterThanOrEqual(start);
			expect(d.openedAt).toBeLessThanOrEqual(NOW);
			const original = log.find((o) => o.number === d.number)!;
			expect((d.openedAt - original.openedAt) % (7 * DAY)).toBe(0);
			if (d.resolvedAt !== null) expect(d.resolvedAt - d.openedAt).toBe(5 * HOUR);
		}
	});

	it('fills every month, the last ten weeks most, and the month in progress', () => {
		const perMonth = new Map<string, number>();
		for (const d of spread) {
			const m = new Date(d.openedAt + HOUR).toISOString().slice(0, 7);
			perMonth.set(m, (perMonth.get(m) ?? 0) + 1);
		}
		expect([...perMonth.keys()].sort()).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
		for (const [m, n] of perMonth) if (m !== '2026-12') expect(n, m).toBeGreaterThanOrEqual(50);
		expect(perMonth.get('2026-12')).toBeGreaterThan(0);
		const lastTwoWeeks = spread.filter((d) => d.openedAt > NOW - 14 * DAY).length;
		expect(lastTwoWeeks).toBeGreaterThanOrEqual(50);
	});

	it('cuts off what would lie after now: a ticket stands as it stood today', () => {
		const open = asOf(incident(1, NOW - 2 * HOUR), NOW);
		expect([open.status, open.resolvedAt, open.closedAt, open.sourceSlaMet, open.history.length]).toEqual(['new', null, null, null, 1]);
		const resolved = asOf(incident(2, NOW - 2 * DAY), NOW);
		expect([resolved.status, resolved.closedAt, resolved.history.length]).toEqual(['resolved', null, 2]);
		const done = incident(3, NOW - 10 * DAY);
		expect(asOf(done, NOW)).toBe(done);
	});
});
