/**
 * The ITSM figures a meeting deals with, as plain tables: SLA compliance per
 * priority, the KPI table, P1/P2 and major incidents, escalations and, for a
 * CAB, the changes coming up. Computed live for the meeting page from the
 * same figures as the room's slides (the period since the forum's previous
 * meeting), and frozen into the minutes at approval: the evidence of what was
 * presented, which later imports can no longer change.
 *
 * Only agendas that deal with delivery get figures (statistics and SLA,
 * incident follow-up, escalations, changes for CAB).
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '../actor';
import { slideDeck, type TicketLine } from '../room/slides.service';
import type { FrozenFigure } from './minutes-model';
import { kpiName } from '$lib/components/itsm/kpi-names';
import { changeTypeLabel, lightLabel } from '$lib/enum-labels';
import type { Locale } from '$lib/i18n';
import { formatPercent } from '$lib/number-format';
import { m } from '$lib/paraglide/messages';

const DATA_KINDS = ['statistics_sla', 'incident_follow_up', 'escalations', 'cab_changes'];

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);
const hours = (minutes: number | null) => (minutes === null ? null : minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`);
const opt = (lang: Locale) => ({ locale: lang });

function kpiValue(value: number | null, unit: string, lang: Locale): string | number | null {
	if (value === null) return null;
	if (unit === 'share') return formatPercent(value, lang);
	if (unit === 'hours') return Math.round(value * 10) / 10;
	return value;
}

const ticketRows = (lines: TicketLine[], lang: Locale) =>
	lines.map((t) => [t.number, t.title ?? '', t.priority ? `P${t.priority}` : '', day(t.openedAt), day(t.resolvedAt), t.breached ? m.figures_breached({}, opt(lang)) : '']);
const ticketColumns = (lang: Locale) =>
	[m.figures_col_ticket, m.figures_col_title, m.figures_col_priority, m.figures_col_opened, m.figures_col_resolved, m.figures_col_sla].map((c) => c({}, opt(lang)));

/** Whether this agenda deals with delivery figures at all. */
export const agendaHasData = (kinds: string[]) => kinds.some((k) => DATA_KINDS.includes(k));

/** The tables in `lang` (the interface language while live; the approver's when frozen). */
export async function meetingFigures(db: Db, actor: Actor, meetingId: string, lang: Locale = 'sv'): Promise<FrozenFigure[]> {
	const deck = await slideDeck(db, actor, meetingId);
	const from = day(deck.period.from)!;
	const to = day(deck.period.to)!;
	const figures: FrozenFigure[] = [];
	const slaTable = (id: string, title: string, rows: typeof deck.sla.resolution) =>
		figures.push({
			id,
			title,
			from,
			to,
			lang,
			columns: [m.figures_col_priority, m.figures_col_target, m.figures_col_met, m.figures_col_breached, m.figures_col_compliance].map((c) => c({}, opt(lang))),
			rows: rows
				.filter((r) => r.priority > 0 && r.met + r.breached > 0)
				.map((r) => [`P${r.priority}`, hours(r.targetMinutes), r.met, r.breached, r.compliance === null ? null : formatPercent(r.compliance, lang)])
		});
	slaTable('sla-resolution', m.figures_sla_resolution({}, opt(lang)), deck.sla.resolution);
	slaTable('sla-response', m.figures_sla_response({}, opt(lang)), deck.sla.response);
	figures.push({
		id: 'kpis',
		title: m.figures_kpis({}, opt(lang)),
		from,
		to,
		lang,
		columns: [m.figures_col_kpi, m.figures_col_value, m.figures_col_target, m.figures_col_status].map((c) => c({}, opt(lang))),
		rows: deck.kpis.map((k) => [
			k.name ?? kpiName(k.kpi, lang) ?? k.kpi,
			kpiValue(k.value, k.unit, lang),
			kpiValue(k.target, k.unit, lang),
			k.light ? lightLabel(k.light, lang) : null
		])
	});
	figures.push({ id: 'incidents', title: m.figures_incidents({}, opt(lang)), from, to, lang, columns: ticketColumns(lang), rows: ticketRows(deck.incidents, lang) });
	figures.push({ id: 'escalations', title: m.figures_escalations({}, opt(lang)), from, to, lang, columns: ticketColumns(lang), rows: ticketRows(deck.escalations, lang) });
	if (deck.cab) {
		figures.push({
			id: 'cab-changes',
			title: m.figures_cab_changes({}, opt(lang)),
			from,
			to,
			lang,
			columns: [m.figures_col_change, m.figures_col_title, m.figures_col_type, m.figures_col_risk, m.figures_col_planned_start].map((c) => c({}, opt(lang))),
			rows: deck.changes.upcoming.map((c) => [c.number, c.title ?? '', c.changeType ? changeTypeLabel(c.changeType, lang) : null, c.risk, day(c.plannedStart)])
		});
	}
	return figures;
}
