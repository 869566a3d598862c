/** Names of the computed KPIs (keys of kpi.service.ts), in both languages: the SLA page, the KPI-target settings, the room's slides and the meeting's figure tables. */
import { locale, type Locale } from '$lib/i18n';

const NAMES: Record<string, { sv: string; en: string }> = {
	sla_response: { sv: 'SLA svarstid, uppfyllnad', en: 'SLA response compliance' },
	sla_resolution: { sv: 'SLA lösningstid, uppfyllnad', en: 'SLA resolution compliance' },
	mttr_hours: { sv: 'MTTR alla prioriteter (medel)', en: 'MTTR all priorities (mean)' },
	mttr_median_hours: { sv: 'MTTR alla prioriteter (median)', en: 'MTTR all priorities (median)' },
	mttr_p1_hours: { sv: 'MTTR P1 (medel)', en: 'MTTR P1 (mean)' },
	mttr_p2_hours: { sv: 'MTTR P2 (medel)', en: 'MTTR P2 (mean)' },
	mttr_p3_hours: { sv: 'MTTR P3 (medel)', en: 'MTTR P3 (mean)' },
	mttr_p4_hours: { sv: 'MTTR P4 (medel)', en: 'MTTR P4 (mean)' },
	mttr_p5_hours: { sv: 'MTTR P5 (medel)', en: 'MTTR P5 (mean)' },
	opened: { sv: 'Nya ärenden', en: 'New tickets' },
	resolved: { sv: 'Lösta ärenden', en: 'Resolved tickets' },
	backlog: { sv: 'Öppna vid periodens slut', en: 'Open at period end' },
	reopened: { sv: 'Återöppnade ärenden', en: 'Reopened tickets' },
	reopen_rate: { sv: 'Återöppningsgrad', en: 'Reopen rate' },
	first_contact_resolution: { sv: 'Lösta vid första kontakt', en: 'First-contact resolution' },
	major_incidents: { sv: 'Större incidenter', en: 'Major incidents' },
	change_success_rate: { sv: 'Lyckade ändringar', en: 'Change success rate' },
	change_failed_share: { sv: 'Misslyckade ändringar', en: 'Failed changes' },
	change_emergency_share: { sv: 'Akuta ändringar', en: 'Emergency changes' },
	satisfaction: { sv: 'Nöjdhet (snitt)', en: 'Satisfaction (average)' }
};
/** The KPI's name, or null for a key of the customer's own (manual KPIs); `lang` for exports, else the interface language. */
export const kpiName = (kpi: string, lang?: Locale): string | null => NAMES[kpi]?.[lang ?? locale()] ?? null;
