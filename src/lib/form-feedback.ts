/**
 * Client helpers for pages with several enhanced forms: which form a result
 * belongs to (the hidden `_form` field), localized field messages and a
 * submit handler that marks the form busy and focuses the first bad field.
 */
import { tick } from 'svelte';
import type { SubmitFunction } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { textRuleError } from '$lib/text-rule-errors';

/** What `formAction()` returns, seen from the page. */
export type FormResult =
	| {
			ok?: boolean;
			form?: string | null;
			message?: string;
			fields?: Record<string, string>;
			values?: Record<string, string>;
			result?: unknown;
	  }
	| null
	| undefined;

/** The domain's English field messages, in the user's language. */
export function localizeFieldError(message: string): string {
	if (message === 'Required') return m.required();
	const rule = textRuleError(message);
	if (rule) return rule;
	if (message.startsWith('At most') && message.endsWith('characters')) return m.forum_err_too_long();
	switch (message) {
		case 'Must be an https:// link':
			return m.forum_err_https();
		case 'Must be after the start':
			return m.forum_err_after_start();
		case 'At most 24 hours after the start':
			return m.forum_err_max_24h();
		case 'Not a valid date and time':
			return m.forum_err_datetime();
		case 'Already a member':
			return m.forum_err_already_member();
		case 'Not of this party':
			return m.forum_err_wrong_party();
		case 'Unknown person':
		case 'Not a valid id':
			return m.forum_err_unknown_person();
		case 'The minimum cannot be above the maximum':
			return m.forum_err_min_max();
	}
	if (/number|Too (small|big)/i.test(message)) return m.forum_err_number();
	return m.forum_err_invalid();
}

export const isFor = (result: FormResult, form: string): boolean => (result?.form ?? null) === form;

export function fieldError(result: FormResult, form: string, ...fields: string[]): string {
	if (!isFor(result, form) || !result?.fields) return '';
	for (const f of fields) if (result.fields[f]) return localizeFieldError(result.fields[f]);
	return '';
}

/** Values the user typed, when the form came back with errors (no-JS fallback). */
export function failedValue(result: FormResult, form: string, field: string): string | undefined {
	return isFor(result, form) && !result?.ok ? result?.values?.[field] : undefined;
}

/** The message to show above a form: success, field errors, no permission or a plain failure. */
export function formMessage(result: FormResult, form: string, status: number, success: string): { message: string; kind: 'error' | 'success' } {
	if (!isFor(result, form) || !result) return { message: '', kind: 'success' };
	if (result.ok) return { message: success, kind: 'success' };
	if (status === 403) return { message: m.error_forbidden(), kind: 'error' };
	if (result.fields && Object.keys(result.fields).length) return { message: m.form_has_errors(), kind: 'error' };
	return { message: m.forum_save_failed(), kind: 'error' };
}

/**
 * use:enhance handler: `busy` gets the form's key while it is submitting;
 * after a failure focus moves to the first invalid field.
 */
export function submitting(
	key: string,
	setBusy: (key: string | null) => void,
	options: { reset?: boolean; confirm?: string; onSuccess?: () => void } = {}
): SubmitFunction {
	return ({ cancel, formElement }) => {
		if (options.confirm && !window.confirm(options.confirm)) {
			cancel();
			return;
		}
		setBusy(key);
		return async ({ result, update }) => {
			await update({ reset: options.reset ?? false });
			setBusy(null);
			if (result.type === 'success') options.onSuccess?.();
			if (result.type === 'failure') {
				await tick();
				formElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
			}
		};
	};
}
