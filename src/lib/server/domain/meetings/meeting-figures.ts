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
import type { Meeting } from '$lib/server/db/schema';
import type { Actor } from '../actor';
import { slideDeck, type SlideDeck, type TicketList } from '../room/slides.service';
import type { FrozenFigure } from '../meeting-core/minutes-model';
import { kpiName } from '$lib/components/itsm/kpi-names';
import { changeTypeLabel, lightLabel } from '$lib/enum-labels';
import type { Locale } from '$lib/i18n';
import { formatMoney, formatPercent } from '$lib/number-format';
import { reasonLabels } from '$lib/components/agreement/reason-label';
import { lastDayOf } from '../agreement/months';
import { m } from '$lib/paraglide/messages';

const DATA_KINDS = ['statistics_sla', 'incident_follow_up', 'escalations', 'cab_changes', 'invoicing'];

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);
const hours = (minutes: number | null) => (minutes === null ? null : minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`);
const opt = (lang: Locale) => ({ locale: lang });

function kpiValue(value: number | null, unit: string, lang: Locale): string | number | null {
	if (value === null) return null;
	if (unit === 'share') return formatPercent(value, lang);
	if (unit === 'hours') return Math.round(value * 10) / 10;
	return value;
}

const ticketRows = (list: TicketList, lang: Locale) =>
	list.tickets.map((t) => [t.number, t.title ?? '', t.priority ? `P${t.priority}` : '', day(t.openedAt), day(t.resolvedAt), t.breached ? m.figures_breached({}, opt(lang)) : '']);
const ticketColumns = (lang: Locale) =>
	[m.figures_col_ticket, m.figures_col_title, m.figures_col_priority, m.figures_col_opened, m.figures_col_resolved, m.figures_col_sla].map((c) => c({}, opt(lang)));

/** What a share of too few tickets says instead of a percentage (itsm/sample-size.ts decides). */
const tooFew = (tickets: number, lang: Locale) => m.figures_too_few({ tickets }, opt(lang));

/** The titles of the two ticket tables say what each counts, and how many there are in all (the table shows the first few). */
const ticketTitle = (title: typeof m.figures_incidents, list: TicketList, lang: Locale) =>
	title({ total: list.total }, opt(lang)) + (list.total > list.tickets.length ? ' ' + m.figures_first_shown({ shown: list.tickets.length }, opt(lang)) : '');

/**
 * The previous period's invoicing against the agreement (an agenda with an
 * invoicing item, the tactical forum's "Fakturering och avtal"): per service
 * agreed, invoiced and the difference, the totals with VAT, and the
 * deviations beyond the tolerance.
 */
function invoicingFigures(deck: SlideDeck, lang: Locale): FrozenFigure[] {
	const inv = deck.invoicing;
	if (!inv) return [];
	const o = opt(lang);
	const money = (ore: number) => formatMoney(ore, lang);
	const period = { from: `${inv.from}-01`, to: lastDayOf(inv.to), periodLabel: inv.label, lang };
	const t = inv.totals;
	return [
		{
			id: 'invoicing',
			title: m.figures_invoicing({}, o),
			...period,
			columns: [m.figures_col_service, m.figures_col_agreed, m.figures_col_invoiced, m.figures_col_difference, m.figures_col_reason].map((c) => c({}, o)),
			rows: [
				...inv.services.map((s) => [s.serviceName, money(s.agreedOre), money(s.invoicedOre), money(s.amountDifferenceOre), reasonLabels(s.reasons, lang) || null]),
				[m.figures_total_net({}, o), money(t.agreedOre), money(t.invoicedOre), money(t.differenceOre), null],
				[m.figures_vat({}, o), null, money(t.vatOre), null, null],
				[m.figures_total_with_vat({}, o), null, money(t.invoicedWithVatOre), null, null]
			]
		},
		{
			id: 'invoicing-deviations',
			title: m.figures_invoicing_deviations({ count: inv.deviations.length }, o),
			...period,
			columns: [m.figures_col_month, m.figures_col_service, m.figures_col_agreed_volume, m.figures_col_invoiced_volume, m.figures_col_difference, m.figures_col_reason].map((c) => c({}, o)),
			rows: inv.deviations.map((d) => [d.period, d.serviceName, d.agreedVolume, d.invoicedQuantity, money(d.amountDifferenceOre), reasonLabels(d.reasons, lang)]),
			total: inv.deviations.length
		}
	];
}

/** Whether this agenda deals with delivery figures at all. */
export const agendaHasData = (kinds: string[]) => kinds.some((k) => DATA_KINDS.includes(k));

/**
 * The tables in `lang` (the interface language while live; the approver's when
 * frozen). `of`: the meeting's id, or its row when the caller has just read it.
 */
export async function meetingFigures(db: Db, actor: Actor, of: string | Meeting, lang: Locale = 'sv', kinds: readonly string[] = []): Promise<FrozenFigure[]> {
	const deck = await slideDeck(db, actor, of);
	const period = { from: deck.period.firstDay, to: deck.period.lastDay, periodLabel: deck.period.label };
	const figures: FrozenFigure[] = [];
	const slaTable = (id: string, title: string, rows: typeof deck.sla.resolution) =>
		figures.push({
			id,
			title,
			...period,
			lang,
			columns: [m.figures_col_priority, m.figures_col_target, m.figures_col_met, m.figures_col_breached, m.figures_col_tickets, m.figures_col_compliance].map((c) => c({}, opt(lang))),
			rows: rows
				.filter((r) => r.priority > 0 && r.tickets > 0)
				.map((r) => [`P${r.priority}`, hours(r.targetMinutes), r.met, r.breached, r.tickets, r.tooFewTickets ? tooFew(r.tickets, lang) : r.compliance === null ? null : formatPercent(r.compliance, lang)])
		});
	slaTable('sla-resolution', m.figures_sla_resolution({}, opt(lang)), deck.sla.resolution);
	slaTable('sla-response', m.figures_sla_response({}, opt(lang)), deck.sla.response);
	figures.push({
		id: 'kpis',
		title: m.figures_kpis({}, opt(lang)),
		...period,
		lang,
		columns: [m.figures_col_kpi, m.figures_col_value, m.figures_col_target, m.figures_col_status].map((c) => c({}, opt(lang))),
		rows: deck.kpis.map((k) => [
			k.name ?? kpiName(k.kpi, lang) ?? k.kpi,
			k.tooFewTickets ? tooFew(k.tickets ?? 0, lang) : kpiValue(k.value, k.unit, lang),
			kpiValue(k.target, k.unit, lang),
			k.light ? lightLabel(k.light, lang) : null
		])
	});
	figures.push({ id: 'incidents', title: ticketTitle(m.figures_incidents, deck.incidents, lang), ...period, lang, columns: ticketColumns(lang), rows: ticketRows(deck.incidents, lang), total: deck.incidents.total });
	figures.push({ id: 'escalations', title: ticketTitle(m.figures_escalations, deck.escalations, lang), ...period, lang, columns: ticketColumns(lang), rows: ticketRows(deck.escalations, lang), total: deck.escalations.total });
	if (deck.cab) {
		figures.push({
			id: 'cab-changes',
			title: m.figures_cab_changes({}, opt(lang)),
			...period,
			lang,
			columns: [m.figures_col_change, m.figures_col_title, m.figures_col_type, m.figures_col_risk, m.figures_col_planned_start].map((c) => c({}, opt(lang))),
			rows: deck.changes.upcoming.map((c) => [c.number, c.title ?? '', c.changeType ? changeTypeLabel(c.changeType, lang) : null, c.risk, day(c.plannedStart)])
		});
	}
	if (kinds.includes('invoicing')) figures.push(...invoicingFigures(deck, lang));
	return figures;
}
