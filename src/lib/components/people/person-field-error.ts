/**
 * The people service reports field errors in English ("Already in use"); the
 * person form shows them in the user's language. One mapping for the supplier's
 * staff (admin page) and a customer's people (customer page).
 */
import { CANNOT_DISABLE_SELF, CANNOT_LOWER_OWN_ACCESS } from '$lib/account-messages';
import { m } from '$lib/paraglide/messages';
import { textRuleError } from '$lib/text-rule-errors';

export function personFieldError(message: string | undefined | null): string {
	if (!message) return '';
	if (message === 'Required') return m.required();
	const rule = textRuleError(message);
	if (rule) return rule;
	if (message === 'Already in use') return m.person_err_email_in_use();
	if (message === 'Not a valid e-mail address') return m.person_err_email();
	if (message === 'Not allowed for this party' || message === 'Not allowed') return m.person_err_access();
	if (message === CANNOT_DISABLE_SELF) return m.person_err_self_disable();
	if (message === CANNOT_LOWER_OWN_ACCESS) return m.person_err_self_access();
	const min = /^At least (\d+) characters$/.exec(message);
	if (min) return m.person_err_min_length({ count: Number(min[1]) });
	const max = /^At most (\d+) characters$/.exec(message);
	if (max) return m.person_err_max_length({ count: Number(max[1]) });
	return m.person_err_invalid();
}
