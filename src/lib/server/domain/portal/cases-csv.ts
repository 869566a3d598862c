/** The case-handling report as one CSV: one row per table, key and value, so every table of the page is in it. Every word is in the reader's language. */
import { kpiName } from '$lib/components/itsm/kpi-names';
import { changeOutcomeLabel, ticketKindLabel } from '$lib/enum-labels';
import type { ExportLocale } from '../exports/labels';
import { toCsv, type CsvCell } from './csv';
import type { CasesReport } from './cases-report.service';

const L = {
	sv: {
		head: ['Period', 'Tabell', 'Nyckel', 'Mått', 'Värde'],
		kind: 'Ärendetyp',
		category: 'Kategori',
		channel: 'Kanal',
		priority: 'Prioritet',
		changes: 'Ändringar per utfall',
		kpi: 'Nyckeltal',
		mttr: 'MTTR',
		trend: 'Trend',
		count: 'antal',
		unknown: 'Okänt',
		measure: { opened: 'nya', resolved: 'lösta', backlog: 'öppna vid periodens slut', mttrP1: 'MTTR P1 (timmar)', mttrP2: 'MTTR P2 (timmar)', reopenRate: 'återöppnade (andel)' },
		meanHours: 'medel (timmar)',
		unit: { share: 'andel', hours: 'timmar', count: 'antal', score: 'betyg' } as Record<string, string>
	},
	en: {
		head: ['Period', 'Table', 'Key', 'Measure', 'Value'],
		kind: 'Kind',
		category: 'Category',
		channel: 'Channel',
		priority: 'Priority',
		changes: 'Changes by outcome',
		kpi: 'KPI',
		mttr: 'MTTR',
		trend: 'Trend',
		count: 'count',
		unknown: 'Unknown',
		measure: { opened: 'new', resolved: 'resolved', backlog: 'open at period end', mttrP1: 'MTTR P1 (hours)', mttrP2: 'MTTR P2 (hours)', reopenRate: 'reopen rate (share)' },
		meanHours: 'mean (hours)',
		unit: { share: 'share', hours: 'hours', count: 'count', score: 'score' } as Record<string, string>
	}
} as const;

export function casesCsv(r: CasesReport, locale: ExportLocale): string {
	const l = L[locale];
	const p = r.period.key;
	const rows: CsvCell[][] = [];
	for (const v of r.kpi.volumes) for (const m of ['opened', 'resolved', 'backlog'] as const) rows.push([p, l.kind, ticketKindLabel(v.kind, locale), l.measure[m], v[m]]);
	const tables = [
		[l.category, r.byCategory, (k: string | null) => k ?? l.unknown],
		[l.channel, r.byChannel, (k: string | null) => k ?? l.unknown],
		[l.priority, r.byPriority, (k: string | null) => (k ? `P${k}` : l.unknown)],
		[l.changes, r.changesByOutcome, (k: string | null) => changeOutcomeLabel(k, locale)]
	] as const;
	for (const [table, list, key] of tables) for (const c of list) rows.push([p, table, key(c.key), l.count, c.count]);
	for (const m of r.kpi.mttr) rows.push([p, l.mttr, `P${m.priority}`, l.meanHours, m.meanHours]);
	for (const k of r.kpi.kpis) rows.push([p, l.kpi, k.name ?? kpiName(k.kpi, locale) ?? k.kpi, l.unit[k.unit] ?? k.unit, k.value]);
	for (const t of r.trend) for (const m of ['opened', 'resolved', 'backlog', 'mttrP1', 'mttrP2', 'reopenRate'] as const) rows.push([t.key, l.trend, t.key, l.measure[m], t[m]]);
	return toCsv([...l.head], rows);
}
