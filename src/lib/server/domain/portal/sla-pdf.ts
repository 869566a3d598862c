/**
 * The portal's SLA report as a PDF: compliance per priority and metric
 * against target, and the trend as a small line chart plus its figures, in
 * the portal reports' frame (report-pdf.ts); text only from our figures.
 */
import type { ExportLocale } from '../exports/labels';
import { reportPdf } from './report-pdf';
import type { PortalSlaReport } from './sla-portal.service';
import { formatNumber, formatPercent } from '$lib/number-format';

const L = {
	sv: {
		title: 'SLA-rapport',
		response: 'Svarstid',
		resolution: 'Lösningstid',
		cols: ['Prioritet', 'Mål', 'I tid', 'Överskridna', 'Uppfyllnad', 'Status'],
		total: 'Totalt',
		goal: 'Uppfyllnadsmål',
		trend: 'Trend',
		light: { green: 'Grön', amber: 'Gul', red: 'Röd' },
		period: 'Period',
		tooFew: (n: number) => `för få ärenden (${n})`
	},
	en: {
		title: 'SLA report',
		response: 'Response',
		resolution: 'Resolution',
		cols: ['Priority', 'Target', 'Met', 'Breached', 'Compliance', 'Status'],
		total: 'Total',
		goal: 'Compliance target',
		trend: 'Trend',
		light: { green: 'Green', amber: 'Amber', red: 'Red' },
		period: 'Period',
		tooFew: (n: number) => `too few tickets (${n})`
	}
} as const;

const pct = (v: number | null, locale: ExportLocale) => formatPercent(v, locale);
/** A share with the tickets behind it, or "too few tickets" (itsm/sample-size.ts decided). */
const share = (v: number | null, s: { tickets: number; tooFewTickets: boolean }, locale: ExportLocale) =>
	s.tooFewTickets ? L[locale].tooFew(s.tickets) : v === null ? '–' : `${pct(v, locale)} (${formatNumber(s.tickets, locale)})`;
const target = (minutes: number | null) => (minutes === null ? '–' : minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`);

export function slaReportPdf(r: PortalSlaReport, customerName: string, locale: ExportLocale, createdAt = new Date()): Promise<Uint8Array> {
	const l = L[locale];
	const { doc, row, end } = reportPdf({
		locale,
		title: l.title,
		customerName,
		periodKey: r.period.key,
		subtitle: `${l.period}: ${r.periodLabel[locale]}`,
		createdAt,
		columns: { widths: [70, 70, 70, 80, 90, 80], right: (i) => i >= 2 && i <= 4 }
	});

	for (const metric of ['response', 'resolution'] as const) {
		const goal = r.targets[metric];
		doc.font('Bold').fontSize(13).fillColor('#0f172a').text(`${l[metric]}${goal ? `  (${l.goal} ${pct(goal.target, locale)})` : ''}`);
		doc.moveDown(0.3);
		row([...l.cols], true);
		r.sla[metric].forEach((s, i) => {
			const light = r.lights[metric][i];
			row([`P${s.priority}`, target(s.targetMinutes), formatNumber(s.met, locale), formatNumber(s.breached, locale), share(s.compliance, s, locale), light ? l.light[light] : '–']);
		});
		const t = r.sla.total[metric];
		const light = r.lights.total[metric];
		row([l.total, '', formatNumber(t.met, locale), formatNumber(t.breached, locale), share(t.compliance, t, locale), light ? l.light[light] : '–'], true);
		doc.moveDown();
	}

	// the trend: a small line chart of both metrics, then its figures
	doc.font('Bold').fontSize(13).text(l.trend);
	const top = doc.y + 8;
	const left = doc.page.margins.left + 30;
	const w = 420;
	const h = 120;
	doc.lineWidth(0.5).strokeColor('#cbd5e1');
	for (const v of [0, 0.5, 1]) {
		const y = top + h - v * h;
		doc.moveTo(left, y).lineTo(left + w, y).stroke();
		doc.font('Regular').fontSize(8).fillColor('#64748b').text(pct(v, locale), left - 30, y - 4, { width: 26, align: 'right' });
	}
	const step = r.trend.length > 1 ? w / (r.trend.length - 1) : 0;
	for (const [metric, colour] of [['response', '#2563eb'], ['resolution', '#059669']] as const) {
		doc.lineWidth(1.5).strokeColor(colour);
		let started = false;
		r.trend.forEach((t, i) => {
			const v = t.tooFewTickets[metric] ? null : t[metric];
			if (v === null) {
				started = false;
				return;
			}
			const x = left + i * step;
			const y = top + h - v * h;
			if (started) doc.lineTo(x, y);
			else doc.moveTo(x, y);
			started = true;
		});
		doc.stroke();
	}
	r.trend.forEach((t, i) => doc.font('Regular').fontSize(7).fillColor('#334155').text(t.key, left + i * step - 18, top + h + 4, { width: 36, align: 'center' }));
	doc.x = doc.page.margins.left;
	doc.y = top + h + 24;
	doc.font('Regular').fontSize(9).fillColor('#0f172a');
	const trendShare = (t: PortalSlaReport['trend'][number], metric: 'response' | 'resolution') =>
		share(t[metric], { tickets: t.tickets[metric], tooFewTickets: t.tooFewTickets[metric] }, locale);
	for (const t of r.trend) doc.text(`${t.key}: ${l.response} ${trendShare(t, 'response')}, ${l.resolution} ${trendShare(t, 'resolution')}`);
	return end();
}
