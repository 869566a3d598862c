/**
 * Hand-computed SLA cases. Default settings: Mon–Fri 08:00–17:00 Europe/Stockholm,
 * Swedish holidays, P1 24×7 4 h, P2 9 h, P3 27 h of office time; responses
 * P1 15 min, P2 30 min. Every expected moment below is worked out by hand in
 * the comment next to it.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry, Priority, StatusCategory, TicketDraft } from '../ticket.types';
import { computeSla, reopenTime } from './sla-engine';
import { DEFAULT_SETTINGS, slaPolicy } from './sla-settings';
import { holidayDates, workCalendar } from './working-time';

const policy = slaPolicy(DEFAULT_SETTINGS);
/** Stockholm wall-clock time → epoch ms */
const t = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Stockholm' }).toMillis();
const local = (ms: number | null) => (ms === null ? null : DateTime.fromMillis(ms, { zone: 'Europe/Stockholm' }).toFormat("yyyy-MM-dd'T'HH:mm"));

const h = (at: string, status: StatusCategory, statusRaw: string | null = null, priority: Priority | null = null): HistoryEntry => ({
	at: t(at),
	status,
	statusRaw: statusRaw ?? status,
	priority
});

function ticket(p: Priority, history: HistoryEntry[], extra: Partial<TicketDraft> = {}): TicketDraft {
	const last = history[history.length - 1];
	return {
		source: 'test', sourceId: null, number: 'INC1', kind: 'incident', title: null,
		statusRaw: last.statusRaw, status: last.status, priorityRaw: String(p), priority: p,
		impact: null, urgency: null, category: null, service: null, channel: null, assignmentGroup: null,
		openedAt: history[0].at, firstResponseAt: null, resolvedAt: null, closedAt: null,
		reopenCount: 0, reassignmentCount: 0, majorIncident: false, sourceSlaMet: null, satisfaction: null,
		changeType: null, changeRisk: null, cabRequired: null, plannedStart: null, plannedEnd: null,
		actualStart: null, actualEnd: null, changeOutcome: null,
		history: history.map((e, i) => (i === 0 && e.priority === null ? { ...e, priority: p } : e)),
		...extra
	};
}

const resolution = (tk: TicketDraft) => {
	const r = computeSla(tk, policy).resolution;
	return { met: local(r.metAt), breach: local(r.breachAt) };
};

describe('calendar', () => {
	it('closes Swedish red days and midsommarafton, julafton, nyårsafton', () => {
		const d = holidayDates('SE', 2026);
		for (const day of ['2026-06-19', '2026-12-24', '2026-12-25', '2026-12-31', '2026-01-06', '2026-06-06']) expect(d.has(day), day).toBe(true);
		// trettondagsafton is only a half "optional" day: open
		expect(d.has('2026-01-05')).toBe(false);
	});

	it('counts office time across a weekend', () => {
		const cal = workCalendar({ zone: 'Europe/Stockholm', hours: DEFAULT_SETTINGS.businessHours, holidays: 'SE' });
		// Fri 15:00–17:00 = 2 h, Mon 08:00–10:00 = 2 h
		expect(cal.worked(t('2026-11-27T15:00'), t('2026-11-30T10:00'))).toBe(4 * 3600_000);
	});
});

describe('resolution SLA', () => {
	it('weekend: P2 opened Friday 15:00 is due Monday 15:00', () => {
		// Fri 15–17 = 2 h; Mon 08:00 + 7 h = 15:00
		const open = h('2026-11-27T15:00', 'in_progress');
		expect(resolution(ticket(2, [open, h('2026-11-30T14:59', 'resolved')]))).toEqual({ met: '2026-11-30T14:59', breach: null });
		expect(resolution(ticket(2, [open, h('2026-11-30T15:01', 'resolved')]))).toEqual({ met: null, breach: '2026-11-30T15:00' });
	});

	it('midsommarafton: P2 opened Thursday 18 June 16:00 is due Monday 22 June 16:00', () => {
		// Thu 16–17 = 1 h; Fri 19 June midsommarafton closed; weekend; Mon 08:00 + 8 h
		const tk = ticket(2, [h('2026-06-18T16:00', 'new')]);
		expect(resolution(tk)).toEqual({ met: null, breach: '2026-06-22T16:00' });
	});

	it('julafton: P3 opened 23 December 12:00 is due 30 December 12:00', () => {
		// Wed 23: 12–17 = 5 h; 24, 25 closed, 26–27 weekend; Mon 28 9 h (14), Tue 29 9 h (23), Wed 30 08 + 4 h
		const tk = ticket(3, [h('2026-12-23T12:00', 'in_progress')]);
		expect(resolution(tk)).toEqual({ met: null, breach: '2026-12-30T12:00' });
	});

	it('DST spring: a 24×7 P1 opened 23:30 before the switch is due 04:30 (4 real hours, 5 on the wall clock)', () => {
		// 23:30 CET = 22:30 UTC; + 4 h = 02:30 UTC = 04:30 CEST
		expect(resolution(ticket(1, [h('2026-03-28T23:30', 'new')]))).toEqual({ met: null, breach: '2026-03-29T04:30' });
	});

	it('DST autumn: a 24×7 P1 opened 23:30 before the switch is due 02:30 (3 hours on the wall clock)', () => {
		// 23:30 CEST = 21:30 UTC; + 4 h = 01:30 UTC = 02:30 CET (after 03:00 CEST became 02:00 CET)
		const r = computeSla(ticket(1, [h('2026-10-24T23:30', 'new')]), policy).resolution;
		expect(new Date(r.breachAt!).toISOString()).toBe('2026-10-25T01:30:00.000Z');
	});

	it('DST in office hours: Friday 16:00 CET + 9 h is Monday 16:00 CEST', () => {
		expect(resolution(ticket(2, [h('2026-03-27T16:00', 'new')]))).toEqual({ met: null, breach: '2026-03-30T16:00' });
	});

	it('pause: On Hold stops the clock, so breach moves from Mon 17:00 to Tue 15:00', () => {
		// Mon 08–10 = 2 h, on hold until Tue 08:00, then 7 h more → Tue 15:00
		const tk = ticket(2, [
			h('2026-11-23T08:00', 'in_progress'),
			h('2026-11-23T10:00', 'on_hold', 'Awaiting User Info'),
			h('2026-11-24T08:00', 'in_progress'),
			h('2026-11-24T16:00', 'resolved')
		]);
		expect(resolution(tk)).toEqual({ met: null, breach: '2026-11-24T15:00' });
		// the same ticket resolved 14:59 on Tuesday is met
		tk.history[3] = h('2026-11-24T14:59', 'resolved');
		expect(resolution(tk)).toEqual({ met: '2026-11-24T14:59', breach: null });
	});

	it('pause statuses are configurable: a status not in the list does not pause', () => {
		const strict = slaPolicy({ ...DEFAULT_SETTINGS, pauseStatuses: ['On Hold'] });
		const tk = ticket(2, [h('2026-11-23T08:00', 'in_progress'), h('2026-11-23T10:00', 'on_hold', 'Awaiting User Info')]);
		expect(local(computeSla(tk, strict).resolution.breachAt)).toBe('2026-11-23T17:00');
	});

	it('in flight while paused: no breach yet', () => {
		const tk = ticket(2, [h('2026-11-23T08:00', 'in_progress'), h('2026-11-23T10:00', 'on_hold', 'On Hold')]);
		expect(resolution(tk)).toEqual({ met: null, breach: null });
	});

	it('in-flight breach: an open P2 from Mon 08:00 breaches Mon 17:00', () => {
		expect(resolution(ticket(2, [h('2026-11-23T08:00', 'in_progress')]))).toEqual({ met: null, breach: '2026-11-23T17:00' });
	});

	it('reopen: time after the reopen counts, the final resolution decides', () => {
		// Mon 08–12 = 4 h, resolved until Wed 08:00, then 5 h more → breach Wed 13:00
		const base = [h('2026-11-23T08:00', 'in_progress'), h('2026-11-23T12:00', 'resolved'), h('2026-11-25T08:00', 'in_progress')];
		expect(resolution(ticket(2, [...base, h('2026-11-25T14:00', 'resolved')]))).toEqual({ met: null, breach: '2026-11-25T13:00' });
		expect(resolution(ticket(2, [...base, h('2026-11-25T12:30', 'resolved')]))).toEqual({ met: '2026-11-25T12:30', breach: null });
	});

	it('priority change: P3 raised to P2 after 6 h breaches 3 h later', () => {
		const tk = ticket(3, [h('2026-11-23T08:00', 'in_progress', null, 3), h('2026-11-23T14:00', 'in_progress', null, 2)], { priority: 2 });
		expect(resolution(tk)).toEqual({ met: null, breach: '2026-11-23T17:00' });
	});

	it('priority change: raised to P1 after 6 h breaches at once, and lowering again does not undo it (sticky)', () => {
		const tk = ticket(3, [
			h('2026-11-23T08:00', 'in_progress', null, 3),
			h('2026-11-23T14:00', 'in_progress', null, 1),
			h('2026-11-23T15:00', 'in_progress', null, 3),
			h('2026-11-23T16:00', 'resolved')
		]);
		expect(resolution(tk)).toEqual({ met: null, breach: '2026-11-23T14:00' });
	});

	it('resolved_at wins over later history (auto-close 5 days later does not count)', () => {
		const tk = ticket(2, [h('2026-11-23T08:00', 'in_progress'), h('2026-11-23T20:00', 'resolved'), h('2026-11-30T08:00', 'closed')], {
			resolvedAt: t('2026-11-23T12:00')
		});
		expect(resolution(tk)).toEqual({ met: '2026-11-23T12:00', breach: null });
	});

	it('cancelled tickets have no outcome', () => {
		const r = computeSla(ticket(2, [h('2026-11-23T08:00', 'new'), h('2026-11-30T08:00', 'cancelled')]), policy);
		expect(r).toEqual({ response: { metAt: null, breachAt: null }, resolution: { metAt: null, breachAt: null } });
	});
});

describe('response SLA', () => {
	it('P2 30 min: first response 08:20 is met, 08:45 breached at 08:30', () => {
		const open = [h('2026-11-23T08:00', 'new')];
		const met = computeSla(ticket(2, open, { firstResponseAt: t('2026-11-23T08:20') }), policy).response;
		expect(local(met.metAt)).toBe('2026-11-23T08:20');
		const late = computeSla(ticket(2, open, { firstResponseAt: t('2026-11-23T08:45') }), policy).response;
		expect([local(late.metAt), local(late.breachAt)]).toEqual([null, '2026-11-23T08:30']);
	});

	it('opened on a Saturday: the office clock starts Monday 08:00', () => {
		const r = computeSla(ticket(2, [h('2026-11-28T10:00', 'new')]), policy).response;
		expect(local(r.breachAt)).toBe('2026-11-30T08:30');
	});

	it('without a recorded response, leaving "new" is the response', () => {
		const r = computeSla(ticket(2, [h('2026-11-23T08:00', 'new'), h('2026-11-23T08:10', 'in_progress')]), policy).response;
		expect(local(r.metAt)).toBe('2026-11-23T08:10');
	});
});

describe('reopenTime: the last reopen', () => {
	it('is the last move from resolved/closed back to open in the history, resolved again or not', () => {
		const history = [h('2026-03-02T09:00', 'in_progress'), h('2026-03-02T10:00', 'resolved'), h('2026-03-03T09:00', 'in_progress'), h('2026-03-04T09:00', 'closed'), h('2026-03-05T09:00', 'in_progress')];
		expect(local(reopenTime(ticket(3, history, { status: 'in_progress' })))).toBe('2026-03-05T09:00');
		expect(local(reopenTime(ticket(3, history.slice(0, 4), { status: 'closed' })))).toBe('2026-03-03T09:00');
		// resolved → cancelled is no reopen
		expect(reopenTime(ticket(3, [h('2026-03-02T09:00', 'in_progress'), h('2026-03-02T10:00', 'resolved'), h('2026-03-03T09:00', 'cancelled')], { status: 'cancelled' }))).toBeNull();
	});

	it("without one in the history: the source's reopen time, else (reopen count only) the resolution, else the last update", () => {
		const flat = [h('2026-03-02T09:00', 'in_progress'), h('2026-03-02T12:00', 'resolved')];
		expect(reopenTime(ticket(3, flat, { status: 'resolved', reopenCount: 0 }))).toBeNull();
		expect(local(reopenTime(ticket(3, flat, { status: 'resolved', reopenCount: 1, reopenedAt: t('2026-03-02T11:00') })))).toBe('2026-03-02T11:00');
		expect(local(reopenTime(ticket(3, flat, { status: 'resolved', reopenCount: 1 })))).toBe('2026-03-02T12:00');
		expect(local(reopenTime(ticket(3, [h('2026-03-02T09:00', 'in_progress'), h('2026-03-06T09:00', 'on_hold')], { status: 'on_hold', reopenCount: 2 })))).toBe('2026-03-06T09:00');
	});
});
