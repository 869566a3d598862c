/**
 * A customer's SLA settings (definitions per priority, calendar, pause
 * statuses) and the defaults used until the customer has its own.
 */
import { STATUS_JOIN } from '../import/column-mapping';
import type { Priority } from '../ticket.types';
import { DEFAULT_BUSINESS_HOURS, workCalendar, type BusinessHours } from './working-time';
import type { SlaPolicy } from './sla-engine';

export interface SlaDefinition {
	priority: Priority;
	responseMinutes: number | null;
	resolutionMinutes: number | null;
	calendar: 'business' | '24x7';
}

/**
 * The countries whose public holidays an SLA calendar can skip (date-holidays
 * codes). The settings page offers these, and only these are accepted.
 */
export const HOLIDAY_COUNTRIES = ['SE', 'NO', 'DK', 'FI'] as const;
export type HolidayCountry = (typeof HOLIDAY_COUNTRIES)[number];

/**
 * The time zones the settings page suggests (Nordic customers, and UTC). Any
 * IANA zone is accepted (isValidZone); these are only the suggestions.
 */
export const SUGGESTED_ZONES: readonly string[] = ['Europe/Stockholm', 'Europe/Oslo', 'Europe/Copenhagen', 'Europe/Helsinki', 'UTC'];

export interface SlaSettings {
	timeZone: string;
	businessHours: BusinessHours;
	/** date-holidays country code, or null for no holidays */
	holidays: string | null;
	/** raw status names that pause the resolution clock: see pauseMatcher for the matching rule */
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

/**
 * ServiceNow, Jira Service Management and the BPI logs name their waiting
 * states like this (a test holds it against the shipped BPI 2013 example
 * mapping and the UCI log). Waiting for someone other than the service desk
 * only: not "Awaiting Assignment" (BPI "Queued"), not Jira's "Waiting for
 * support" (the agent's turn), not BPI's bare "Wait" sub-status.
 */
export const DEFAULT_PAUSE_STATUSES = [
	'On Hold',
	'Awaiting User*',
	'Awaiting Caller*',
	'Awaiting Customer*',
	'Awaiting Vendor*',
	'Awaiting Problem*',
	'Awaiting Change*',
	'Awaiting Evidence*',
	'Waiting for customer*',
	'Wait - *',
	'Pending*'
];

export const DEFAULT_SETTINGS: SlaSettings = {
	timeZone: 'Europe/Stockholm',
	businessHours: DEFAULT_BUSINESS_HOURS,
	holidays: 'SE',
	pauseStatuses: DEFAULT_PAUSE_STATUSES,
	definitions: DEFAULT_DEFINITIONS
};

/**
 * Case-insensitive matcher for pause patterns. A pattern matches the whole raw
 * status or any part of it that starts after a " - " joint, so a status built
 * from joined columns ("Accepted - Wait - User", mapping with statusJoin) is
 * matched by its sub-status alone ("Wait - User", "Wait - *"). A trailing *
 * matches any ending. The settings page states this rule (itsm_pause_rule).
 */
export function pauseMatcher(patterns: string[]): (raw: string | null) => boolean {
	const exact = new Set<string>();
	const prefixes: string[] = [];
	for (const p of patterns) {
		const v = p.trim().toLowerCase();
		if (v.endsWith('*')) prefixes.push(v.slice(0, -1));
		else if (v) exact.add(v);
	}
	const matches = (v: string) => exact.has(v) || prefixes.some((p) => v.startsWith(p));
	const cache = new Map<string, boolean>();
	return (raw) => {
		if (!raw) return false;
		let hit = cache.get(raw);
		if (hit === undefined) {
			const parts = raw.trim().toLowerCase().split(STATUS_JOIN);
			hit = parts.some((_, i) => matches(parts.slice(i).join(STATUS_JOIN)));
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
