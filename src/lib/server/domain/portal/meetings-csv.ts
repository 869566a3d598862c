/** The meetings report's tables as CSV: the decision register or the open actions. */
import { actionStatusLabel } from '$lib/enum-labels';
import type { ExportLocale } from '../exports/labels';
import { invalid } from '../errors';
import { toCsv } from './csv';
import type { MeetingsReport } from './meetings-report.service';

const L = {
	sv: { decisions: ['Möte', 'Datum', 'Forum', 'Beslut'], actions: ['Aktivitet', 'Forum', 'Ansvarig', 'Sida', 'Förfaller', 'Status', 'Försenad'], customer: 'Kund', supplier: 'Leverantör', yes: 'ja', no: 'nej' },
	en: { decisions: ['Meeting', 'Date', 'Forum', 'Decision'], actions: ['Action', 'Forum', 'Owner', 'Side', 'Due', 'Status', 'Overdue'], customer: 'Customer', supplier: 'Supplier', yes: 'yes', no: 'no' }
} as const;

export const MEETINGS_TABLES = ['decisions', 'actions'] as const;

export function meetingsCsv(r: MeetingsReport, table: string | null, locale: ExportLocale): string {
	const l = L[locale];
	if (table === 'decisions')
		return toCsv([...l.decisions], r.decisions.map((d) => [d.meetingTitle, d.meetingStartsAt.slice(0, 10), d.forumName[locale], d.text]));
	if (table === 'actions') {
		const all = [...r.openActions.customer, ...r.openActions.supplier, ...r.openActions.unassigned];
		return toCsv(
			[...l.actions],
			all.map((a) => [a.title, a.forumName[locale], a.owner?.name ?? null, a.owner ? l[a.owner.side] : null, a.dueDate, actionStatusLabel(a.status, locale), a.overdue ? l.yes : l.no])
		);
	}
	throw invalid('Unknown table', { table: 'report.table' });
}
