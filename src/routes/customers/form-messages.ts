/**
 * The domain reports field errors in English ("Required", "Already in use").
 * These helpers show them in the user's language on the customer pages.
 */
import { CANNOT_DISABLE_SELF, CANNOT_LOWER_OWN_ACCESS } from '$lib/account-messages';
import { m } from '$lib/paraglide/messages';

export function fieldError(message: string | undefined | null): string {
	if (!message) return '';
	if (message === 'Required') return m.required();
	if (message === 'Already exists') return m.cust_err_exists();
	if (message === 'Already in use') return m.cust_err_email_in_use();
	if (message === 'Already assigned') return m.cust_err_role_held();
	if (message === 'Role of the other party') return m.cust_err_role_other_party();
	if (message === 'Not a valid e-mail address') return m.cust_err_email();
	if (message.startsWith('Organisation number')) return m.cust_err_org_number();
	if (message === 'Not allowed for this party' || message === 'Not allowed') return m.cust_err_access();
	if (message === 'Not a valid id' || message === 'Unknown person') return m.cust_err_choose();
	if (message === CANNOT_DISABLE_SELF) return m.cust_err_self_disable();
	if (message === CANNOT_LOWER_OWN_ACCESS) return m.cust_err_self_access();
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
