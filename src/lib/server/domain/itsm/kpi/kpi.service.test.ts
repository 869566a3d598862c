/** KPIs over a handful of stored tickets whose figures are worked out by hand. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db';
import { storeTickets } from '../store';
import type { TicketDraft } from '../ticket.types';
import { actor, CUSTOMER, itsmDb, OTHER } from '../test/itsm-db';
import { DEFAULT_SETTINGS, slaPolicy } from '../sla/sla-settings';
import { enterManualKpi, kpiReport } from './kpi.service';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);

function ticket(number: string, o: Partial<TicketDraft> & { openedAt: number }): TicketDraft {
	const status = o.status ?? 'resolved';
	return {
		source: 'test', sourceId: null, number, kind: 'incident', title: null, statusRaw: status, status, priorityRaw: '2', priority: 2,
		impact: null, urgency: null, category: null, service: null, channel: null, assignmentGroup: null, firstResponseAt: null,
		resolvedAt: null, closedAt: null, reopenCount: 0, reassignmentCount: 0, majorIncident: false, sourceSlaMet: null, satisfaction: null,
		changeType: null, changeRisk: null, cabRequired: null, plannedStart: null, plannedEnd: null, actualStart: null, actualEnd: null,
		changeOutcome: null, history: [{ at: o.openedAt, status: 'in_progress', statusRaw: null, priority: o.priority ?? 2 }], ...o
	};
}

const kpi = (r: Awaited<ReturnType<typeof kpiReport>>, key: string) => r.kpis.find((k) => k.kpi === key)!;
const NOVEMBER = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' };

let db: Db;
beforeEach(async () => {
	db = await itsmDb();
	const open = at('2026-11-02T08:00:00Z');
	await storeTickets(
		db,
		CUSTOMER,
		[
			// P2 incidents resolved after 2, 4 and 12 hours (closed a week later: MTTR ignores closing)
			ticket('A', { openedAt: open, resolvedAt: open + 2 * H, closedAt: open + 170 * H, status: 'closed', satisfaction: 5 }),
			ticket('B', { openedAt: open, resolvedAt: open + 4 * H, reopenCount: 1, reassignmentCount: 1, satisfaction: 3 }),
			ticket('C', { openedAt: open, resolvedAt: open + 12 * H, majorIncident: true }),
			// still open, and one opened in October still open: backlog 2 at the end of November
			ticket('D', { openedAt: open, status: 'in_progress' }),
			ticket('E', { openedAt: at('2026-10-20T08:00:00Z'), status: 'on_hold' }),
			// changes done in November: 3 successful, 1 failed; one emergency
			...['successful', 'successful', 'successful', 'failed'].map((outcome, i) =>
				ticket(`CHG${i}`, {
					kind: 'change', openedAt: open, status: 'closed', closedAt: open + 30 * H, actualEnd: open + 24 * H,
					changeOutcome: outcome as TicketDraft['changeOutcome'], changeType: i === 3 ? 'emergency' : 'normal'
				})
			)
		],
		slaPolicy(DEFAULT_SETTINGS),
		null,
		new Date().toISOString()
	);
});
afterEach(async () => {
	await db.destroy();
});

describe('KPI report', () => {
	it('MTTR is open → resolved: mean 6 h, median 4 h for P2', async () => {
		const r = await kpiReport(db, actor, CUSTOMER, NOVEMBER);
		expect(r.mttr[1]).toEqual({ priority: 2, resolved: 3, meanHours: 6, medianHours: 4 });
		expect(kpi(r, 'mttr_p2_hours')).toMatchObject({ value: 6, target: 24, light: 'green' });
		// only P2 incidents were resolved: overall is the same figure
		expect(r.mttrOverall).toEqual({ resolved: 3, meanHours: 6, medianHours: 4 });
	});

	it('volumes, backlog at period end, reopen rate, first contact, major incidents, satisfaction', async () => {
		const r = await kpiReport(db, actor, CUSTOMER, NOVEMBER);
		expect(r.volumes.find((v) => v.kind === 'incident')).toEqual({ kind: 'incident', opened: 4, resolved: 3, backlog: 2 });
		// 1 reopened (B: the source counts one reopen, and says nothing of when: its resolution time) of the
		// 7 tickets resolved in November (the changes have no resolved time: their closing is their resolution)
		expect(r.reopen).toEqual({ reopened: 1, resolved: 7, rate: 1 / 7 });
		expect(kpi(r, 'reopened')).toMatchObject({ value: 1, unit: 'count' });
		expect(kpi(r, 'reopen_rate')).toMatchObject({ value: 1 / 7, light: 'red' });
		// incidents without reassignment or reopen: A and C of 3
		expect(kpi(r, 'first_contact_resolution').value).toBeCloseTo(2 / 3);
		expect(kpi(r, 'major_incidents').value).toBe(1);
		expect(kpi(r, 'satisfaction')).toMatchObject({ value: 4, light: 'green' });
	});

	it('change success 75 % (red against 95 %), failed 25 %, emergency 25 %', async () => {
		const r = await kpiReport(db, actor, CUSTOMER, NOVEMBER);
		expect(kpi(r, 'change_success_rate')).toMatchObject({ value: 0.75, light: 'red' });
		expect(kpi(r, 'change_failed_share').value).toBe(0.25);
		expect(kpi(r, 'change_emergency_share')).toMatchObject({ value: 0.25, light: 'red' });
	});

	it('backlog at the end of October is the one October ticket', async () => {
		const r = await kpiReport(db, actor, CUSTOMER, { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' });
		expect(r.volumes).toEqual([{ kind: 'incident', opened: 1, resolved: 0, backlog: 1 }]);
	});

	it('manual KPIs entered for the period are shown with it', async () => {
		await enterManualKpi(db, actor, CUSTOMER, { kpi: 'user_survey', name: 'Användarenkät', periodFrom: '2026-11-01', periodTo: '2026-12-01', value: 4.2 });
		await enterManualKpi(db, actor, CUSTOMER, { kpi: 'user_survey', name: 'Användarenkät', periodFrom: '2026-11-01', periodTo: '2026-12-01', value: 4.4 });
		const r = await kpiReport(db, actor, CUSTOMER, { from: '2026-10-31T23:00:00.000Z', to: '2026-11-30T23:00:00.000Z' });
		expect(r.kpis.filter((k) => k.manual)).toEqual([expect.objectContaining({ kpi: 'user_survey', value: 4.4, manual: true })]);
	});
});

describe('KPI definitions (issue 14, point 5)', () => {
	const open = at('2026-11-02T08:00:00Z');
	const store = (drafts: TicketDraft[]) => storeTickets(db, OTHER, drafts, slaPolicy(DEFAULT_SETTINGS), null, new Date().toISOString());
	const step = (h: number, status: TicketDraft['status'], priority: TicketDraft['priority'] = 2) => ({ at: open + h * H, status, statusRaw: status, priority });

	it('overall MTTR is the mean and median of every resolved incident across priorities, beside the per-priority rows', async () => {
		await store([
			ticket('P1a', { openedAt: open, resolvedAt: open + 1 * H, priority: 1 }),
			ticket('P2a', { openedAt: open, resolvedAt: open + 3 * H, priority: 2 }),
			ticket('P2b', { openedAt: open, resolvedAt: open + 5 * H, priority: 2 }),
			ticket('P4a', { openedAt: open, resolvedAt: open + 10 * H, priority: 4 }),
			// no priority: in no row, so not in overall either (overall is the sum of the rows)
			ticket('X', { openedAt: open, resolvedAt: open + 100 * H, priority: null })
		]);
		const r = await kpiReport(db, actor, OTHER, NOVEMBER);
		expect(r.mttr.map((m) => [m.priority, m.resolved, m.meanHours, m.medianHours])).toEqual([
			[1, 1, 1, 1],
			[2, 2, 4, 4],
			[3, 0, null, null],
			[4, 1, 10, 10],
			[5, 0, null, null]
		]);
		// 1, 3, 5, 10: mean 19/4, median (3 + 5) / 2
		expect(r.mttrOverall).toEqual({ resolved: 4, meanHours: 19 / 4, medianHours: 4 });
		expect(kpi(r, 'mttr_hours').value).toBe(19 / 4);
		expect(kpi(r, 'mttr_median_hours').value).toBe(4);
		await store([ticket('P5a', { openedAt: open, resolvedAt: open + 7 * H, priority: 5 })]);
		// odd count: the middle one of 1, 3, 5, 7, 10
		expect((await kpiReport(db, actor, OTHER, NOVEMBER)).mttrOverall).toEqual({ resolved: 5, meanHours: 26 / 5, medianHours: 5 });
	});

	it('without a resolved-at time (event logs) MTTR takes the resolution from the status history', async () => {
		await store([
			ticket('LOG1', { openedAt: open, status: 'closed', history: [step(0, 'new'), step(1, 'in_progress'), step(6, 'resolved'), step(30, 'closed')] }),
			ticket('LOG2', { openedAt: open, status: 'resolved', history: [step(0, 'in_progress'), step(2, 'resolved'), step(3, 'in_progress'), step(8, 'resolved')] })
		]);
		const r = await kpiReport(db, actor, OTHER, NOVEMBER);
		// LOG1 resolved after 6 h (not closed after 30), LOG2 resolved for good after 8 h
		expect(r.mttr[1]).toEqual({ priority: 2, resolved: 2, meanHours: 7, medianHours: 7 });
	});

	it('reopened counts the tickets reopened in the period, resolved again or not, as a count and a rate over the resolved', async () => {
		await store([
			// reopened in November and still open
			ticket('R1', { openedAt: open, status: 'in_progress', history: [step(0, 'in_progress'), step(2, 'resolved'), step(5, 'in_progress')] }),
			// reopened in November and resolved again
			ticket('R2', { openedAt: open, status: 'resolved', history: [step(0, 'in_progress'), step(2, 'resolved'), step(5, 'in_progress'), step(9, 'resolved')] }),
			// resolved in November, never reopened
			ticket('N1', { openedAt: open, resolvedAt: open + 4 * H }),
			// reopened in October (resolved again in November): not reopened in November
			ticket('R3', {
				openedAt: at('2026-10-10T08:00:00Z'),
				status: 'resolved',
				history: [
					{ at: at('2026-10-10T08:00:00Z'), status: 'in_progress', statusRaw: null, priority: 2 },
					{ at: at('2026-10-11T08:00:00Z'), status: 'resolved', statusRaw: null, priority: 2 },
					{ at: at('2026-10-12T08:00:00Z'), status: 'in_progress', statusRaw: null, priority: 2 },
					{ at: at('2026-11-03T08:00:00Z'), status: 'resolved', statusRaw: null, priority: 2 }
				]
			})
		]);
		const r = await kpiReport(db, actor, OTHER, NOVEMBER);
		// R1 and R2 reopened in November; resolved in November: R2, N1, R3
		expect(r.reopen).toEqual({ reopened: 2, resolved: 3, rate: 2 / 3 });
		expect(kpi(r, 'reopened').value).toBe(2);
		expect(kpi(r, 'reopen_rate').value).toBe(2 / 3);
		const october = await kpiReport(db, actor, OTHER, { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' });
		expect(october.reopen).toEqual({ reopened: 1, resolved: 0, rate: null });
	});
});
