/** The case-handling report as one CSV: one row per table, key and value, so every table of the page is in it. */
import type { ExportLocale } from '../exports/labels';
import { toCsv, type CsvCell } from './csv';
import type { CasesReport } from './cases-report.service';

const L = {
	sv: { head: ['Period', 'Tabell', 'Nyckel', 'Mått', 'Värde'], kind: 'Ärendetyp', category: 'Kategori', channel: 'Kanal', priority: 'Prioritet', changes: 'Ändringar per utfall', kpi: 'Nyckeltal', mttr: 'MTTR', trend: 'Trend', count: 'antal' },
	en: { head: ['Period', 'Table', 'Key', 'Measure', 'Value'], kind: 'Kind', category: 'Category', channel: 'Channel', priority: 'Priority', changes: 'Changes by outcome', kpi: 'KPI', mttr: 'MTTR', trend: 'Trend', count: 'count' }
} as const;

export function casesCsv(r: CasesReport, locale: ExportLocale): string {
	const l = L[locale];
	const p = r.period.key;
	const rows: CsvCell[][] = [];
	for (const v of r.kpi.volumes) for (const m of ['opened', 'resolved', 'backlog'] as const) rows.push([p, l.kind, v.kind, m, v[m]]);
	for (const [table, list] of [[l.category, r.byCategory], [l.channel, r.byChannel], [l.priority, r.byPriority], [l.changes, r.changesByOutcome]] as const)
		for (const c of list) rows.push([p, table, c.key, l.count, c.count]);
	for (const m of r.kpi.mttr) rows.push([p, l.mttr, `P${m.priority}`, 'mean_hours', m.meanHours]);
	for (const k of r.kpi.kpis) rows.push([p, l.kpi, k.kpi, k.unit, k.value]);
	for (const t of r.trend) for (const m of ['opened', 'resolved', 'backlog', 'mttrP1', 'mttrP2', 'reopenRate'] as const) rows.push([t.key, l.trend, t.key, m, t[m]]);
	return toCsv([...l.head], rows);
}
