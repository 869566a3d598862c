/**
 * The SLA table of the customer's SLA page and the portal's report: counts
 * link to their tickets only where there are some and a drill is given, the
 * calendar is named only where asked.
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import SlaTable from './sla-table.svelte';

const row = (priority: number, met: number, breached: number) => ({
	priority,
	targetMinutes: 240,
	calendar: 'business' as const,
	met,
	breached,
	compliance: met + breached ? met / (met + breached) : null,
	tickets: met + breached,
	tooFewTickets: false
});
const sla = { response: [row(1, 4, 0), row(2, 0, 2)], resolution: [], total: { response: row(0, 4, 2), resolution: row(0, 0, 0) } };
const lights = { response: ['green' as const, 'red' as const], resolution: [], total: { response: 'amber' as const, resolution: null } };
const labels = { priority: 'Prioritet', target: 'SLA-mål', met: 'I tid', breached: 'Överskridna', compliance: 'Uppfyllnad', light: 'Status', total: 'Totalt' };
const html = (props: Record<string, unknown>) => render(SlaTable, { props: { metric: 'response', title: 'Svarstid', sla, lights, labels, ...props } }).body.replace(/<!--[^>]*-->/g, '');

describe('SLA table', () => {
	it('links the counts to the tickets behind them, not a zero', () => {
		const body = html({ drill: (metric: string, outcome: string, priority: number | null) => `/t?${metric}&${outcome}&${priority ?? 'all'}` });
		expect([...body.matchAll(/<a href="([^"]+)"/g)].map((a) => a[1])).toEqual(['/t?response&amp;met&amp;1', '/t?response&amp;breached&amp;2', '/t?response&amp;met&amp;all', '/t?response&amp;breached&amp;all']);
		expect(body).toMatch(/<tr data-priority="2">[\s\S]*?<td class="text-right" data-field="met">0<\/td>/);
		expect(body).not.toMatch(/<span class="text-xs text-slate-500">/);
	});

	it('without a drill the counts are plain; with calendars each target names its calendar', () => {
		const body = html({ calendars: true });
		expect(body).not.toContain('<a ');
		expect(body).toMatch(/<tr data-priority="total">\s*<th scope="row" colspan="2">Totalt<\/th>\s*<td class="text-right" data-field="met">4<\/td>/);
		expect(body.match(/<span class="text-xs text-slate-500">[^<]+<\/span>/g)).toHaveLength(2);
	});
});
