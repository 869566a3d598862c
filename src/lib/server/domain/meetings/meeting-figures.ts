/**
 * The ITSM figures a meeting deals with, as plain tables: SLA compliance per
 * priority, the KPI table, the P1/P2 incidents opened in the period, the
 * escalated tickets (itsm/escalations.ts) and, for a CAB, the changes coming
 * up. Computed live for the meeting page from the same figures as the room's
 * slides (the meeting's period, meeting-period.ts, with its one label), and
 * frozen into the minutes at approval: the evidence of what was presented,
 * which later imports can no longer change. A share of fewer tickets than the
 * minimum says "för få ärenden" (itsm/sample-size.ts).
 *
 * Only agendas that deal with delivery get figures (statistics and SLA,
 * incident follow-up, escalations, changes for CAB).
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '../actor';
import { slideDeck, type TicketList } from '../room/slides.service';
import type { FrozenFigure } from './minutes-model';

const DATA_KINDS = ['statistics_sla', 'incident_follow_up', 'escalations', 'cab_changes'];

const pct = (v: number | null) => (v === null ? null : `${(v * 100).toFixed(1).replace('.', ',')} %`);
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);
const hours = (minutes: number | null) => (minutes === null ? null : minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`);

const KPI_NAMES: Record<string, string> = {
	sla_response: 'SLA svarstid',
	sla_resolution: 'SLA lösningstid',
	opened: 'Nya ärenden',
	resolved: 'Lösta ärenden',
	backlog: 'Ärendestock vid periodens slut',
	mttr_hours: 'Medelledtid alla prioriteter (h)',
	mttr_median_hours: 'Medianledtid alla prioriteter (h)',
	reopened: 'Återöppnade ärenden',
	reopen_rate: 'Återöppningsgrad',
	first_contact_resolution: 'Löst vid första kontakt',
	major_incidents: 'Större incidenter',
	change_success_rate: 'Lyckade ändringar',
	change_failed_share: 'Misslyckade ändringar',
	change_emergency_share: 'Akuta ändringar',
	satisfaction: 'Nöjdhet (snitt)'
};
function kpiName(k: { kpi: string; name?: string }): string {
	const mttr = /^mttr_p(\d)_hours$/.exec(k.kpi);
	return k.name ?? KPI_NAMES[k.kpi] ?? (mttr ? `Medelledtid P${mttr[1]} (h)` : k.kpi);
}

const LIGHTS: Record<string, string> = { green: 'Grön', amber: 'Gul', red: 'Röd' };

function kpiValue(value: number | null, unit: string): string | number | null {
	if (value === null) return null;
	if (unit === 'share') return pct(value);
	if (unit === 'hours') return Math.round(value * 10) / 10;
	return value;
}

const ticketRows = (list: TicketList) => list.tickets.map((t) => [t.number, t.title ?? '', t.priority ? `P${t.priority}` : '', day(t.openedAt), day(t.resolvedAt), t.breached ? 'Brutet' : '']);
const TICKET_COLUMNS = ['Ärende', 'Rubrik', 'Prioritet', 'Öppnat', 'Löst', 'SLA'];

/** What a share of too few tickets says instead of a percentage. */
export const TOO_FEW_TICKETS = 'för få ärenden';

/** The titles of the two ticket tables say what each counts, and how many there are in all. */
const shown = (list: TicketList) => (list.total > list.tickets.length ? ` (de ${list.tickets.length} första visas)` : '');
export const incidentsTitle = (list: TicketList) => `P1/P2-incidenter öppnade i perioden: ${list.total}${shown(list)}`;
export const escalationsTitle = (list: TicketList) =>
	`Eskalerade ärenden (brutet lösningstids-SLA eller större incident i perioden): ${list.total}${shown(list)}`;

/** Whether this agenda deals with delivery figures at all. */
export const agendaHasData = (kinds: string[]) => kinds.some((k) => DATA_KINDS.includes(k));

export async function meetingFigures(db: Db, actor: Actor, meetingId: string): Promise<FrozenFigure[]> {
	const deck = await slideDeck(db, actor, meetingId);
	const period = { from: deck.period.firstDay, to: deck.period.lastDay, periodLabel: deck.period.label };
	const figures: FrozenFigure[] = [];
	const slaTable = (id: string, title: string, rows: typeof deck.sla.resolution) =>
		figures.push({
			id,
			title,
			...period,
			columns: ['Prioritet', 'Mål', 'Uppfyllt', 'Brutet', 'Ärenden', 'Uppfyllnad'],
			rows: rows
				.filter((r) => r.priority > 0 && r.tickets > 0)
				.map((r) => [`P${r.priority}`, hours(r.targetMinutes), r.met, r.breached, r.tickets, r.tooFewTickets ? TOO_FEW_TICKETS : pct(r.compliance)])
		});
	slaTable('sla-resolution', 'SLA lösningstid per prioritet', deck.sla.resolution);
	slaTable('sla-response', 'SLA svarstid per prioritet', deck.sla.response);
	figures.push({
		id: 'kpis',
		title: 'Nyckeltal',
		...period,
		columns: ['Nyckeltal', 'Värde', 'Mål', 'Status'],
		rows: deck.kpis.map((k) => [kpiName(k), k.tooFewTickets ? `${TOO_FEW_TICKETS} (${k.tickets})` : kpiValue(k.value, k.unit), kpiValue(k.target, k.unit), k.light ? LIGHTS[k.light] : null])
	});
	figures.push({ id: 'incidents', title: incidentsTitle(deck.incidents), ...period, columns: TICKET_COLUMNS, rows: ticketRows(deck.incidents), total: deck.incidents.total });
	figures.push({ id: 'escalations', title: escalationsTitle(deck.escalations), ...period, columns: TICKET_COLUMNS, rows: ticketRows(deck.escalations), total: deck.escalations.total });
	if (deck.cab) {
		figures.push({
			id: 'cab-changes',
			title: 'Ändringar för CAB',
			...period,
			columns: ['Ändring', 'Rubrik', 'Typ', 'Risk', 'Planerad start'],
			rows: deck.changes.upcoming.map((c) => [c.number, c.title ?? '', c.changeType, c.risk, day(c.plannedStart)])
		});
	}
	return figures;
}
