/**
 * A customer's SLA settings (definitions per priority, calendar, pause
 * statuses) and the defaults used until the customer has its own.
 */
import type { Priority } from '../ticket.types';
import { DEFAULT_BUSINESS_HOURS, workCalendar, type BusinessHours } from './calendar';
import type { SlaPolicy } from './sla-engine';

export interface SlaDefinition {
	priority: Priority;
	responseMinutes: number | null;
	resolutionMinutes: number | null;
	calendar: 'business' | '24x7';
}

export interface SlaSettings {
	timeZone: string;
	businessHours: BusinessHours;
	/** date-holidays country code, or null for no holidays */
	holidays: string | null;
	/** raw status names that pause the resolution clock; a trailing * matches any ending */
	pauseStatuses: string[];
	definitions: SlaDefinition[];
}

/**
 * Common Swedish service-desk targets: P1 around the clock, the rest in office
 * hours (Mon–Fri 08–17, 9 h a day). Minutes of working time.
 */
export const DEFAULT_DEFINITIONS: SlaDefinition[] = [
	{ priority: 1, responseMinutes: 15, resolutionMinutes: 4 * 60, calendar: '24x7' },
	{ priority: 2, responseMinutes: 30, resolutionMinutes: 9 * 60, calendar: 'business' },
	{ priority: 3, responseMinutes: 4 * 60, resolutionMinutes: 3 * 9 * 60, calendar: 'business' },
	{ priority: 4, responseMinutes: 9 * 60, resolutionMinutes: 5 * 9 * 60, calendar: 'business' },
	{ priority: 5, responseMinutes: 2 * 9 * 60, resolutionMinutes: 10 * 9 * 60, calendar: 'business' }
];

/** ServiceNow, Jira Service Management and the BPI logs name their waiting states like this. */
export const DEFAULT_PAUSE_STATUSES = ['On Hold', 'Awaiting*', 'Waiting for*', 'Wait - *', 'Pending*'];

export const DEFAULT_SETTINGS: SlaSettings = {
	timeZone: 'Europe/Stockholm',
	businessHours: DEFAULT_BUSINESS_HOURS,
	holidays: 'SE',
	pauseStatuses: DEFAULT_PAUSE_STATUSES,
	definitions: DEFAULT_DEFINITIONS
};

/** Case-insensitive matcher for pause patterns. */
export function pauseMatcher(patterns: string[]): (raw: string | null) => boolean {
	const exact = new Set<string>();
	const prefixes: string[] = [];
	for (const p of patterns) {
		const v = p.trim().toLowerCase();
		if (v.endsWith('*')) prefixes.push(v.slice(0, -1));
		else if (v) exact.add(v);
	}
	const cache = new Map<string, boolean>();
	return (raw) => {
		if (!raw) return false;
		let hit = cache.get(raw);
		if (hit === undefined) {
			const v = raw.trim().toLowerCase();
			hit = exact.has(v) || prefixes.some((p) => v.startsWith(p));
			cache.set(raw, hit);
		}
		return hit;
	};
}

export function slaPolicy(settings: SlaSettings): SlaPolicy {
	const business = workCalendar({ zone: settings.timeZone, hours: settings.businessHours, holidays: settings.holidays });
	const always = workCalendar({ zone: settings.timeZone, hours: '24x7', holidays: null });
	const response: SlaPolicy['response'] = {};
	const resolution: SlaPolicy['resolution'] = {};
	for (const d of settings.definitions) {
		const calendar = d.calendar === '24x7' ? always : business;
		response[d.priority] = { ms: d.responseMinutes === null ? null : d.responseMinutes * 60_000, calendar };
		resolution[d.priority] = { ms: d.resolutionMinutes === null ? null : d.resolutionMinutes * 60_000, calendar };
	}
	const paused = pauseMatcher(settings.pauseStatuses);
	return { response, resolution, isPause: (raw) => paused(raw) };
}
