/** The SLA report and its drill-down as CSV (see csv.ts for the format), headings in the reader's language. */
import { lightLabel, slaCalendarLabel, slaStateLabel, ticketKindLabel, ticketStatusLabel } from '$lib/enum-labels';
import type { ExportLocale } from '../exports/labels';
import { toCsv, type CsvCell } from './csv';
import type { PortalSlaReport, slaDrillDown } from './sla-portal.service';

const L = {
	sv: {
		report: ['Period', 'Mått', 'Prioritet', 'Mål (minuter)', 'Kalender', 'I tid', 'Överskridna', 'Uppfyllnad', 'Uppfyllnadsmål', 'Status'],
		drill: ['Nummer', 'Typ', 'Rubrik', 'Prioritet', 'Status', 'Tjänst', 'Öppnat', 'Löst', 'Svarstid', 'Lösningstid'],
		response: 'Svarstid',
		resolution: 'Lösningstid',
		total: 'Totalt'
	},
	en: {
		report: ['Period', 'Metric', 'Priority', 'Target (minutes)', 'Calendar', 'Met', 'Breached', 'Compliance', 'Compliance target', 'Status'],
		drill: ['Number', 'Kind', 'Title', 'Priority', 'Status', 'Service', 'Opened', 'Resolved', 'Response', 'Resolution'],
		response: 'Response',
		resolution: 'Resolution',
		total: 'Total'
	}
} as const;

export function slaReportCsv(r: PortalSlaReport, locale: ExportLocale): string {
	const l = L[locale];
	const rows: CsvCell[][] = [];
	for (const metric of ['response', 'resolution'] as const) {
		const target = r.targets[metric]?.target ?? null;
		r.sla[metric].forEach((row, i) => {
			const light = r.lights[metric][i];
			rows.push([r.period.key, l[metric], `P${row.priority}`, row.targetMinutes, slaCalendarLabel(row.calendar, locale), row.met, row.breached, row.compliance, target, light ? lightLabel(light, locale) : null]);
		});
		const t = r.sla.total[metric];
		const light = r.lights.total[metric];
		rows.push([r.period.key, l[metric], l.total, null, null, t.met, t.breached, t.compliance, target, light ? lightLabel(light, locale) : null]);
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
