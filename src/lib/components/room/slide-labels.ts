/** Names of slides, KPIs and change outcomes as the room shows them. */
import { m } from '$lib/paraglide/messages';
import type { SlideKey } from '$lib/realtime/room/slides';

export const slideTitle = (key: SlideKey): string =>
	({
		overview: m.live_slide_overview(),
		sla: m.live_slide_sla(),
		trend: m.live_slide_trend(),
		kpi: m.live_slide_kpi(),
		incidents: m.live_slide_incidents(),
		escalations: m.live_slide_escalations(),
		changes: m.live_slide_changes()
	})[key];

export const kpiName = (k: { kpi: string; name?: string }): string => {
	if (k.name) return k.name;
	const mttr = /^mttr_p(\d)_hours$/.exec(k.kpi);
	if (mttr) return m.live_kpi_mttr({ priority: mttr[1] });
	const names: Record<string, () => string> = {
		sla_response: m.live_kpi_sla_response,
		sla_resolution: m.live_kpi_sla_resolution,
		mttr_hours: m.live_kpi_mttr_all,
		mttr_median_hours: m.live_kpi_mttr_median,
		opened: m.live_kpi_opened,
		resolved: m.live_kpi_resolved,
		backlog: m.live_kpi_backlog,
		reopened: m.live_kpi_reopened,
		reopen_rate: m.live_kpi_reopen_rate,
		first_contact_resolution: m.live_kpi_fcr,
		major_incidents: m.live_kpi_major_incidents,
		change_success_rate: m.live_kpi_change_success,
		change_failed_share: m.live_kpi_change_failed,
		change_emergency_share: m.live_kpi_change_emergency,
		satisfaction: m.live_kpi_satisfaction
	};
	return names[k.kpi]?.() ?? k.kpi;
};

export const outcomeLabel = (o: string): string =>
	({
		successful: m.live_change_successful(),
		failed: m.live_change_failed(),
		backed_out: m.live_change_backed_out(),
		cancelled: m.live_change_cancelled(),
		unknown: m.live_change_unknown()
	})[o] ?? o;

export const changeTypeLabel = (t: string): string =>
	({ standard: m.live_change_standard(), normal: m.live_change_normal(), emergency: m.live_change_emergency(), unknown: m.live_change_unknown() })[t] ?? t;
