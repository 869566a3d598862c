/** KPIs over a handful of stored tickets whose figures are worked out by hand. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db';
import { storeTickets } from '../store';
import type { TicketDraft } from '../ticket.types';
import { actor, CUSTOMER, itsmDb } from '../test/itsm-db';
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
	});

	it('volumes, backlog at period end, reopen rate, first contact, major incidents, satisfaction', async () => {
		const r = await kpiReport(db, actor, CUSTOMER, NOVEMBER);
		expect(r.volumes.find((v) => v.kind === 'incident')).toEqual({ kind: 'incident', opened: 4, resolved: 3, backlog: 2 });
		// 1 reopened of the 3 tickets resolved in November (the changes carry no resolved time)
		expect(kpi(r, 'reopen_rate')).toMatchObject({ value: 1 / 3, light: 'red' });
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
