/**
 * The SLA report over stored tickets: who counts as met, breached, or not at
 * all, the source flag beside it, and the daily aggregate giving the same
 * answer as counting the tickets directly for any period edges.
 */
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db';
import { storeTickets } from '../store';
import type { StatusCategory, TicketDraft } from '../ticket.types';
import { actor, CUSTOMER, itsmDb, OTHER } from '../test/itsm-db';
import { slaReport } from './sla-report.service';
import { DEFAULT_SETTINGS, slaPolicy } from './sla-settings';

const t = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Stockholm' }).toMillis();
const NOW = new Date(t('2026-11-27T12:00'));

function p2(number: string, opened: string, status: StatusCategory, resolved: string | null, sourceSlaMet: boolean | null = null): TicketDraft {
	const history: TicketDraft['history'] = [{ at: t(opened), status: 'in_progress', statusRaw: 'In Progress', priority: 2 }];
	if (resolved) history.push({ at: t(resolved), status, statusRaw: status, priority: 2 });
	return {
		source: 'test', sourceId: null, number, kind: 'incident', title: null, statusRaw: status, status, priorityRaw: '2', priority: 2,
		impact: null, urgency: null, category: null, service: null, channel: null, assignmentGroup: null,
		openedAt: t(opened), firstResponseAt: t(opened) + 60_000, resolvedAt: status === 'resolved' ? t(resolved!) : null, closedAt: null,
		reopenCount: 0, reassignmentCount: 0, majorIncident: false, sourceSlaMet, satisfaction: null, changeType: null, changeRisk: null,
		cabRequired: null, plannedStart: null, plannedEnd: null, actualStart: null, actualEnd: null, changeOutcome: null, history
	};
}

let db: Db;
beforeEach(async () => {
	db = await itsmDb();
	// P2: 9 office hours. Mon 2 Nov 08:00 + 9 h = Mon 17:00.
	await storeTickets(
		db,
		CUSTOMER,
		[
			p2('MET', '2026-11-02T08:00', 'resolved', '2026-11-02T16:00', true),
			p2('LATE', '2026-11-02T08:00', 'resolved', '2026-11-03T10:00', true), // breached Mon 17:00; the source says met
			p2('INFLIGHT', '2026-11-09T08:00', 'in_progress', null, false), // breached Mon 9 Nov 17:00, still open
			p2('FRESH', '2026-11-27T11:00', 'in_progress', null), // due Mon 30 Nov: not decided yet
			p2('CANCELLED', '2026-11-02T08:00', 'cancelled', '2026-11-05T08:00', false)
		],
		slaPolicy(DEFAULT_SETTINGS),
		null,
		new Date().toISOString()
	);
	// another customer's tickets never count
	await storeTickets(db, OTHER, [p2('MET', '2026-11-02T08:00', 'resolved', '2026-11-02T16:00')], slaPolicy(DEFAULT_SETTINGS), null, new Date().toISOString());
});
afterEach(async () => {
	await db.destroy();
});

const novemberToDate = { from: '2026-10-31T23:00:00.000Z', to: '2026-11-30T23:00:00.000Z' };

describe('SLA report', () => {
	it('carries the tickets behind each share and flags fewer than the minimum (10) as too few', async () => {
		const r = await slaReport(db, actor, CUSTOMER, novemberToDate, NOW);
		// three decided P2 tickets make 33 %, which says nothing: too few
		expect(r.resolution[1]).toMatchObject({ met: 1, breached: 2, tickets: 3, tooFewTickets: true });
		expect(r.total.resolution).toMatchObject({ tickets: 3, tooFewTickets: true });
		expect(r.resolution[0]).toMatchObject({ tickets: 0, tooFewTickets: true, compliance: null });
	});

	it('counts met, breached and in-flight breached; pending and cancelled do not count', async () => {
		const r = await slaReport(db, actor, CUSTOMER, novemberToDate, NOW);
		expect(r.resolution[1]).toMatchObject({ priority: 2, met: 1, breached: 2, compliance: 1 / 3 });
		expect(r.total.resolution).toMatchObject({ met: 1, breached: 2 });
		// responses 1 minute after opening: met for all four that count (the cancelled one does not)
		expect(r.total.response).toMatchObject({ met: 4, breached: 0 });
	});

	it("shows the source's own flag beside ours, and where they disagree", async () => {
		const r = await slaReport(db, actor, CUSTOMER, novemberToDate, NOW);
		// MET: flag met; LATE: flag met (we say breached); INFLIGHT: flag breached
		expect(r.sourceFlag.rows[1]).toMatchObject({ met: 2, breached: 1, disagree: 1 });
	});

	it('a ticket counts in the period of its decision, wherever the period edges fall', async () => {
		// LATE breached Mon 2 Nov 17:00 (16:00 UTC); MET met 15:00 UTC
		const justBefore = await slaReport(db, actor, CUSTOMER, { from: '2026-11-02T15:30:00.000Z', to: '2026-11-02T16:00:00.000Z' }, NOW);
		expect(justBefore.total.resolution).toMatchObject({ met: 0, breached: 0 });
		const around = await slaReport(db, actor, CUSTOMER, { from: '2026-11-02T14:59:00.000Z', to: '2026-11-02T16:00:01.000Z' }, NOW);
		expect(around.total.resolution).toMatchObject({ met: 1, breached: 1 });
		// whole days from the aggregate plus partial edges: the same as one long range
		const edges = await slaReport(db, actor, CUSTOMER, { from: '2026-11-02T16:00:00.000Z', to: '2026-11-09T16:00:00.001Z' }, NOW);
		expect(edges.total.resolution).toMatchObject({ met: 0, breached: 2 });
	});

	it('an in-flight breach that lies in the future of "now" has not happened yet', async () => {
		const before = await slaReport(db, actor, CUSTOMER, novemberToDate, new Date(t('2026-11-09T16:59')));
		expect(before.total.resolution).toMatchObject({ met: 1, breached: 1 });
	});
});
