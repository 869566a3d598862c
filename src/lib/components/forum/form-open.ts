import { isFor, type FormResult } from '$lib/form-feedback';

/**
 * After a full page reload (no JavaScript) the panel of the submitted form
 * stays open: always for a failure, and for a success too unless `onlyFailed`.
 */
export function openAfterSubmit(result: FormResult, key: string, onlyFailed = true): boolean {
	return isFor(result, key) && !(onlyFailed && result?.ok);
}
