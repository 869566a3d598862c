/** Names of the computed KPIs whose targets can be set (keys of kpi.service.ts), in both languages. */
import { locale } from '$lib/i18n';

const NAMES: Record<string, { sv: string; en: string }> = {
	sla_response: { sv: 'SLA svarstid, uppfyllnad', en: 'SLA response compliance' },
	sla_resolution: { sv: 'SLA lösningstid, uppfyllnad', en: 'SLA resolution compliance' },
	mttr_p1_hours: { sv: 'MTTR P1, timmar', en: 'MTTR P1, hours' },
	mttr_p2_hours: { sv: 'MTTR P2, timmar', en: 'MTTR P2, hours' },
	mttr_p3_hours: { sv: 'MTTR P3, timmar', en: 'MTTR P3, hours' },
	mttr_p4_hours: { sv: 'MTTR P4, timmar', en: 'MTTR P4, hours' },
	mttr_p5_hours: { sv: 'MTTR P5, timmar', en: 'MTTR P5, hours' },
	reopen_rate: { sv: 'Återöppnade, andel', en: 'Reopen rate' },
	first_contact_resolution: { sv: 'Lösta vid första kontakt, andel', en: 'First-contact resolution' },
	change_success_rate: { sv: 'Lyckade ändringar, andel', en: 'Change success rate' },
	change_failed_share: { sv: 'Misslyckade ändringar, andel', en: 'Failed changes, share' },
	change_emergency_share: { sv: 'Akuta ändringar, andel', en: 'Emergency changes, share' },
	satisfaction: { sv: 'Nöjdhet (snitt)', en: 'Satisfaction (average)' }
};

/** The KPI's name, or null for a key of the customer's own (manual KPIs). */
export const kpiName = (kpi: string): string | null => NAMES[kpi]?.[locale()] ?? null;
