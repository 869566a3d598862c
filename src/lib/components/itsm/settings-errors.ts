/**
 * The ITSM settings services report field errors in English, keyed by input
 * path (`definitions.1.responseMinutes`, `targets.0.amber`). The settings
 * pages show them in the user's language, by the kind of field.
 */
import { m } from '$lib/paraglide/messages';
import { textRuleError } from '$lib/text-rule-errors';

export function settingsFieldError(path: string, message: string | undefined | null): string {
	if (!message) return '';
	const rule = textRuleError(message);
	if (rule) return rule;
	if (/^definitions\.\d+\.(responseMinutes|resolutionMinutes)$/.test(path)) return m.settings_err_minutes();
	if (/^definitions\.\d+\.calendar$/.test(path)) return m.settings_err_calendar();
	if (path.startsWith('businessHours')) return m.settings_err_hours();
	if (path === 'timeZone') return m.settings_err_zone();
	if (path === 'holidays') return m.settings_err_holidays();
	const line = /^pauseStatuses\.(\d+)$/.exec(path);
	if (line) return m.settings_err_pause_line({ line: Number(line[1]) + 1 });
	if (path === 'pauseStatuses') return m.settings_err_pause_count();
	if (/^targets\.\d+\.kpi$/.test(path)) return m.settings_err_kpi_key();
	if (/^targets\.\d+\.amber$/.test(path) && message.startsWith('The amber limit')) return m.settings_err_amber_side();
	if (/^targets\.\d+\.(target|amber)$/.test(path)) return m.settings_err_number();
	if (path === 'targets' && message === 'One target per KPI') return m.settings_err_kpi_duplicate();
	if (path === 'scopes') return m.settings_err_scopes();
	if (message === 'Required') return m.required();
	const max = /^At most (\d+) characters$/.exec(message);
	if (max) return m.cust_err_max_length({ count: Number(max[1]) });
	return m.settings_err_invalid();
}

/** The first error among the fields whose path starts with `prefix` (a row, a day). */
export function firstError(fields: Record<string, string> | undefined, prefix: string): string {
	if (!fields) return '';
	for (const [path, message] of Object.entries(fields)) {
		if (path === prefix || path.startsWith(`${prefix}.`)) return settingsFieldError(path, message);
	}
	return '';
}
