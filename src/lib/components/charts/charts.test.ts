/** The charts render on the server (svelte/server), as the PDF exports need. */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import GroupedBars from './grouped-bars.svelte';
import TrendLines from './trend-lines.svelte';

describe('charts render to SVG on the server', () => {
	it('draws one bar per value and the target line', () => {
		const { body } = render(GroupedBars, {
			props: {
				title: 'SLA',
				groups: [
					{ label: 'P1', values: [0.9, 0.8] },
					{ label: 'P2', values: [null, 1] }
				],
				series: [
					{ name: 'Svarstid', color: '#2456c7' },
					{ name: 'Lösningstid', color: '#0f7f6f' }
				],
				target: 0.95,
				targetLabel: 'Mål'
			}
		});
		expect(body).toContain('<svg');
		expect(body.match(/<rect[^>]*fill="#2456c7"/g)).toHaveLength(2); // one bar + its legend swatch
		expect(body).toContain('Mål 95 %');
		expect(body).toContain('P2: Svarstid –, Lösningstid 100 %');
	});

	it('breaks a trend line where a month has no value', () => {
		const { body } = render(TrendLines, {
			props: { title: 'Trend', labels: ['jan', 'feb', 'mar'], series: [{ name: 'Svarstid', color: '#2456c7', values: [0.9, null, 0.95] }] }
		});
		const d = /<path d="([^"]+)"/.exec(body)?.[1] ?? '';
		expect(d.match(/M/g)).toHaveLength(2);
		expect(body.match(/<circle/g)).toHaveLength(2);
	});
});
