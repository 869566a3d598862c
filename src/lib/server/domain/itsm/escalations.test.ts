/**
 * The one definition of an escalated ticket of a period, and how it differs
 * from the P1/P2 table (issue 14, point 3): the rule for one ticket and the
 * SQL for many agree, and the counts are of all tickets, not the rows shown.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db';
import { dayPeriod } from './period';
import { escalatedTickets, isEscalated, priorityIncidents } from './escalations';
import { storeTickets } from './store';
import { DEFAULT_SETTINGS, slaPolicy } from './sla/sla-settings';
import type { TicketDraft } from './ticket.types';
import { CUSTOMER, itsmDb, OTHER } from './test/itsm-db';

const JANUARY = dayPeriod('2026-01-01', '2026-01-31');
const NOW = new Date('2026-01-20T12:00:00.000Z');
const at = (iso: string) => Date.parse(iso);

function incident(number: string, priority: NonNullable<TicketDraft['priority']>, opened: string): TicketDraft {
	return {
		source: 'test', sourceId: null, number, kind: 'incident', title: number, statusRaw: 'In Progress', status: 'in_progress', priorityRaw: String(priority), priority,
		impact: null, urgency: null, category: null, service: null, channel: null, assignmentGroup: null,
		openedAt: at(opened), firstResponseAt: null, resolvedAt: null, closedAt: null,
		reopenCount: 0, reassignmentCount: 0, majorIncident: false, sourceSlaMet: null, satisfaction: null, changeType: null, changeRisk: null,
		cabRequired: null, plannedStart: null, plannedEnd: null, actualStart: null, actualEnd: null, changeOutcome: null,
		history: [{ at: at(opened), status: 'in_progress', statusRaw: 'In Progress', priority }]
	};
}

/** number → [resolution breach moment, major incident] as the test sets them */
const FACTS: Record<string, [string | null, boolean]> = {
	BREACHED: ['2026-01-10T12:00:00.000Z', false], // P3 breached in January: escalated, not in the P1/P2 table
	P1_OK: [null, false], // P1 opened in January, within SLA: in the P1/P2 table, not escalated
	MAJOR: [null, true], // major incident opened in January: escalated
	LATER: ['2026-01-25T12:00:00.000Z', false], // breach projected after now: not (yet) escalated
	BEFORE: ['2025-12-20T12:00:00.000Z', false] // breached in December
};

let db: Db;
beforeEach(async () => {
	db = await itsmDb();
	const drafts = [incident('BREACHED', 3, '2026-01-05T09:00:00Z'), incident('P1_OK', 1, '2026-01-06T09:00:00Z'), incident('MAJOR', 2, '2026-01-07T09:00:00Z'), incident('LATER', 4, '2026-01-08T09:00:00Z'), incident('BEFORE', 2, '2025-12-10T09:00:00Z')];
	await storeTickets(db, CUSTOMER, drafts, slaPolicy(DEFAULT_SETTINGS), null, NOW.toISOString());
	await storeTickets(db, OTHER, [incident('BREACHED', 3, '2026-01-05T09:00:00Z')], slaPolicy(DEFAULT_SETTINGS), null, NOW.toISOString());
	for (const [number, [breach, major]] of Object.entries(FACTS)) {
		await db.updateTable('tickets').set({ res_breach_at: breach, major_incident: major ? 1 : 0 }).where('number', '=', number).execute();
	}
});
afterEach(async () => {
	await db.destroy();
});

describe('escalated tickets of a period', () => {
	it('are the resolution SLA breaches that happened in the period and the major incidents opened in it', async () => {
		const r = await escalatedTickets(db, CUSTOMER, JANUARY, NOW);
		expect(r.rows.map((t) => t.number).sort()).toEqual(['BREACHED', 'MAJOR']);
		expect(r.total).toBe(2);
	});

	it('by the rule for one ticket are the same as by the SQL', async () => {
		const rows = await db.selectFrom('tickets').select(['number', 'res_breach_at', 'major_incident', 'opened_at']).where('customer_id', '=', CUSTOMER).execute();
		const byRule = rows.filter((t) => isEscalated({ resBreachAt: t.res_breach_at, majorIncident: t.major_incident === 1, openedAt: t.opened_at }, JANUARY, NOW)).map((t) => t.number);
		expect(byRule.sort()).toEqual(['BREACHED', 'MAJOR']);
		// once the projected breach has happened, it is an escalation too
		const later = new Date('2026-02-05T00:00:00.000Z');
		expect((await escalatedTickets(db, CUSTOMER, JANUARY, later)).total).toBe(3);
	});

	it('count all of them, not only the rows a table shows', async () => {
		const r = await escalatedTickets(db, CUSTOMER, JANUARY, NOW, 1);
		expect(r.rows).toHaveLength(1);
		expect(r.total).toBe(2);
	});

	it('are not the P1/P2 table, which counts the P1 and P2 incidents opened in the period', async () => {
		const r = await priorityIncidents(db, CUSTOMER, JANUARY);
		expect(r.rows.map((t) => t.number)).toEqual(['P1_OK', 'MAJOR']);
		expect(r.total).toBe(2);
	});
});
