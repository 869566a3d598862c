/**
 * The notification choices as a form posts them: per kind the radio chosen
 * (`mode.<kind>`), the mode the page showed (`was.<kind>`) and what applies
 * without an own choice (`fallback.<kind>`). Only kinds the person changed
 * are sent; changed back to the fallback means "follow the default again", so
 * saving without touching a kind never turns a default into an own choice.
 */
import { NOTIFICATION_KINDS } from '../domain/outbox/notification-kinds';

export function choicesFromForm(data: Record<string, string>): { choices: { kind: string; mode: string | null }[]; locale?: string } {
	const choices: { kind: string; mode: string | null }[] = [];
	for (const kind of NOTIFICATION_KINDS) {
		const mode = data[`mode.${kind}`];
		if (mode === undefined || mode === data[`was.${kind}`]) continue;
		choices.push({ kind, mode: mode === data[`fallback.${kind}`] ? null : mode });
	}
	return data.locale === undefined ? { choices } : { choices, locale: data.locale };
}
