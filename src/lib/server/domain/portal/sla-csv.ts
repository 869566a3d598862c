/** The SLA report and its drill-down as CSV (see csv.ts for the format), headings in the reader's language. */
import { lightLabel, slaCalendarLabel, slaStateLabel, ticketKindLabel, ticketStatusLabel } from '$lib/enum-labels';
import type { ExportLocale } from '../exports/labels';
import { toCsv, type CsvCell } from './csv';
import type { PortalSlaReport, slaDrillDown } from './sla-portal.service';

const L = {
	sv: {
		report: ['Period', 'Mått', 'Prioritet', 'Mål (minuter)', 'Kalender', 'I tid', 'Överskridna', 'Uppfyllnad', 'Uppfyllnadsmål', 'Status', 'Ärenden', 'För få ärenden'],
		drill: ['Nummer', 'Typ', 'Rubrik', 'Prioritet', 'Status', 'Tjänst', 'Öppnat', 'Löst', 'Svarstid', 'Lösningstid'],
		response: 'Svarstid',
		resolution: 'Lösningstid',
		total: 'Totalt',
		yes: 'ja'
	},
	en: {
		report: ['Period', 'Metric', 'Priority', 'Target (minutes)', 'Calendar', 'Met', 'Breached', 'Compliance', 'Compliance target', 'Status', 'Tickets', 'Too few tickets'],
		drill: ['Number', 'Kind', 'Title', 'Priority', 'Status', 'Service', 'Opened', 'Resolved', 'Response', 'Resolution'],
		response: 'Response',
		resolution: 'Resolution',
		total: 'Total',
		yes: 'yes'
	}
} as const;

export function slaReportCsv(r: PortalSlaReport, locale: ExportLocale): string {
	const l = L[locale];
	const rows: CsvCell[][] = [];
	// a share of too few tickets is left empty and flagged, never a misleading 50 % or 100 % (itsm/sample-size.ts)
	const share = (s: { compliance: number | null; tooFewTickets: boolean }) => (s.tooFewTickets ? null : s.compliance);
	const counts = (s: { tickets: number; tooFewTickets: boolean }): CsvCell[] => [s.tickets, s.tooFewTickets ? l.yes : null];
	for (const metric of ['response', 'resolution'] as const) {
		const target = r.targets[metric]?.target ?? null;
		r.sla[metric].forEach((row, i) => {
			const light = r.lights[metric][i];
			rows.push([r.period.key, l[metric], `P${row.priority}`, row.targetMinutes, slaCalendarLabel(row.calendar, locale), row.met, row.breached, share(row), target, light ? lightLabel(light, locale) : null, ...counts(row)]);
		});
		const t = r.sla.total[metric];
		const light = r.lights.total[metric];
		rows.push([r.period.key, l[metric], l.total, null, null, t.met, t.breached, share(t), target, light ? lightLabel(light, locale) : null, ...counts(t)]);
	}
	return toCsv([...l.report], rows);
}

export function drillDownCsv(d: Awaited<ReturnType<typeof slaDrillDown>>, locale: ExportLocale): string {
	const l = L[locale];
	return toCsv(
		[...l.drill],
		d.tickets.map((t) => [
			t.number,
			ticketKindLabel(t.kind, locale),
			t.title,
			t.priority ? `P${t.priority}` : null,
			ticketStatusLabel(t.status, locale),
			t.service,
			t.openedAt,
			t.resolvedAt,
			t.sla.response ? slaStateLabel(t.sla.response, locale) : null,
			t.sla.resolution ? slaStateLabel(t.sla.resolution, locale) : null
		])
	);
}
