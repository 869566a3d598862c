/**
 * The field messages of the text rules ($lib/text-rules.ts) in the user's
 * language, for every page's field-error mapping; null for other messages.
 */
import { m } from '$lib/paraglide/messages';
import { NO_CONTROL_CHARACTERS, NO_LINE_BREAKS } from '$lib/text-rules';

export function textRuleError(message: string): string | null {
	if (message === NO_LINE_BREAKS) return m.err_line_breaks();
	if (message === NO_CONTROL_CHARACTERS) return m.err_control_characters();
	return null;
}
