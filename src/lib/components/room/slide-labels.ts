/** Names of slides, KPIs and change outcomes as the room shows them. */
import { m } from '$lib/paraglide/messages';
import type { SlideKey } from '$lib/realtime/room/slides';
import { kpiName as kpiNameOf } from '$lib/components/itsm/kpi-names';

export const slideTitle = (key: SlideKey): string =>
	({
		overview: m.live_slide_overview(),
		sla: m.live_slide_sla(),
		trend: m.live_slide_trend(),
		kpi: m.live_slide_kpi(),
		incidents: m.live_slide_incidents(),
		escalations: m.live_slide_escalations(),
		changes: m.live_slide_changes(),
		invoicing: m.live_slide_invoicing()
	})[key];

export const kpiName = (k: { kpi: string; name?: string }): string => {
	if (k.name) return k.name;
	const mttr = /^mttr_p(\d)_hours$/.exec(k.kpi);
	return kpiNameOf(k.kpi) ?? (mttr ? m.live_kpi_mttr({ priority: mttr[1] }) : m.portal_unknown());
};

export { changeOutcomeLabel as outcomeLabel, changeTypeLabel } from '$lib/enum-labels';
