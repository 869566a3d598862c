/**
 * The domain reports field errors in English ("Required", "Already exists").
 * These helpers show them in the user's language on the customer pages (the
 * person forms have their own: $lib/components/people/person-field-error.ts).
 */
import { m } from '$lib/paraglide/messages';
import { textRuleError } from '$lib/text-rule-errors';

export function fieldError(message: string | undefined | null): string {
	if (!message) return '';
	if (message === 'Required') return m.required();
	const rule = textRuleError(message);
	if (rule) return rule;
	if (message === 'Already exists') return m.cust_err_exists();
	if (message === 'Already assigned') return m.cust_err_role_held();
	if (message === 'Role of the other party') return m.cust_err_role_other_party();
	if (message.startsWith('Organisation number')) return m.cust_err_org_number();
	if (message === 'Not a valid id' || message === 'Unknown person') return m.cust_err_choose();
	const min = /^At least (\d+) characters$/.exec(message);
	if (min) return m.cust_err_min_length({ count: Number(min[1]) });
	const max = /^At most (\d+) characters$/.exec(message);
	if (max) return m.cust_err_max_length({ count: Number(max[1]) });
	return m.cust_err_invalid();
}

/** The summary line above a form that failed. */
export function failureMessage(failure: { message?: string; fields?: Record<string, string> }): string {
	if (failure.fields && Object.keys(failure.fields).length > 0) return m.form_has_errors();
	if (failure.message?.startsWith('You do not have permission')) return m.error_forbidden();
	return m.cust_err_failed();
}
