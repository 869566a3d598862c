/**
 * Client helpers for pages with several enhanced forms: which form a result
 * belongs to (the hidden `_form` field), field messages in the user's language and a
 * submit handler that marks the form busy and focuses the first bad field.
 */
import { tick } from 'svelte';
import type { SubmitFunction } from '@sveltejs/kit';
import type { CodedMessage } from '$lib/errors/error-codes';
import { failureMessage, fieldMessage } from '$lib/i18n/error-message';
import { m } from '$lib/paraglide/messages';

/** What `formAction()` returns, seen from the page. */
export type FormResult =
	| {
			ok?: boolean;
			form?: string | null;
			message?: string;
			fields?: Record<string, string>;
			messageCode?: CodedMessage;
			fieldCodes?: Record<string, CodedMessage>;
			values?: Record<string, string>;
			result?: unknown;
	  }
	| null
	| undefined;

export const isFor = (result: FormResult, form: string): boolean => (result?.form ?? null) === form;

export function fieldError(result: FormResult, form: string, ...fields: string[]): string {
	return isFor(result, form) ? fieldMessage(result, ...fields) : '';
}

/** Values the user typed, when the form came back with errors (no-JS fallback). */
export function failedValue(result: FormResult, form: string, field: string): string | undefined {
	return isFor(result, form) && !result?.ok ? result?.values?.[field] : undefined;
}

/**
 * A field of a form as its shell wants it: the name, the value to show (what
 * the user typed when the form came back with errors, else `stored`) and its
 * error. Spread onto an InputField or TextareaField.
 */
export function fieldProps(result: FormResult, form: string, name: string, stored: string | number | null | undefined = '') {
	return { name, value: failedValue(result, form, name) ?? stored ?? '', error: fieldError(result, form, name) };
}

/** The same for one text in both languages (`name` + `Sv`, `name` + `En`): spread onto BilingualFields. */
export function pairProps(result: FormResult, form: string, name: string, stored: { sv: string | null; en: string | null }) {
	const sv = fieldProps(result, form, `${name}Sv`, stored.sv);
	const en = fieldProps(result, form, `${name}En`, stored.en);
	return { name, value: { sv: String(sv.value), en: String(en.value) }, error: { sv: sv.error, en: en.error } };
}

/** The message to show above a form: success, field errors, no permission or a plain failure. */
export function formMessage(result: FormResult, form: string, status: number, success: string): { message: string; kind: 'error' | 'success' } {
	if (!isFor(result, form) || !result) return { message: '', kind: 'success' };
	if (result.ok) return { message: success, kind: 'success' };
	if (status === 403) return { message: m.error_forbidden(), kind: 'error' };
	return { message: failureMessage(result, m.forum_save_failed), kind: 'error' };
}

/**
 * Empties the form's password fields. After a successful save no typed secret
 * (password, client secret, API token) stays in the page: `update()` keeps
 * what was typed when the form is not reset, and a field with `value=""`
 * does not change when the page data does.
 */
export function clearSecrets(form: HTMLFormElement): void {
	for (const input of form.querySelectorAll<HTMLInputElement>('input[type="password"]')) input.value = '';
}

/**
 * use:enhance handler of a page's single form: busy while it submits, then
 * the page updated as `update()` does (the form reset after a success unless
 * `reset: false`).
 */
export function busyWhile(setBusy: (busy: boolean) => void, options: { reset?: boolean } = {}): SubmitFunction {
	return () => {
		setBusy(true);
		return async ({ formElement, result, update }) => {
			await update({ reset: options.reset ?? true });
			if (result.type === 'success') clearSecrets(formElement);
			setBusy(false);
		};
	};
}

/**
 * use:enhance handler: `busy` gets the form's key while it is submitting;
 * after a success the typed secrets are cleared (clearSecrets), after a
 * failure focus moves to the first invalid field.
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
			if (result.type === 'success') {
				clearSecrets(formElement);
				options.onSuccess?.();
			}
			if (result.type === 'failure') {
				await tick();
				formElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
			}
		};
	};
}
