import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_CODES, englishText, isErrorCode, type CodedMessage } from '$lib/errors/error-codes';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { apiErrorText, errorMessage, failureMessage, fieldMessage, firstFieldError } from './error-message';

/** Parameters every code may use, so a message that names one shows it. */
const PARAMS = { min: 713, max: 917 };

describe('every error code has a message in both languages', () => {
	it.each(ERROR_CODES)('%s', (code) => {
		const coded: CodedMessage = { code, params: PARAMS };
		const sv = errorMessage(coded, { locale: 'sv' });
		const en = errorMessage(coded, { locale: 'en' });
		for (const text of [sv, en]) {
			expect(text.trim().length).toBeGreaterThan(1);
			expect(text).not.toMatch(/undefined|\{|\}|^(field|error|person|role|meeting|minutes|kpi|sla)\./);
		}
		expect(sv).not.toBe(en);
		expect(englishText(coded).length).toBeGreaterThan(1);
		// a message with a limit says it, in both languages
		for (const [name, value] of Object.entries(PARAMS)) {
			if (englishText(coded).includes(String(value))) {
				expect(sv, `${code} (sv) shows ${name}`).toContain(String(value));
				expect(en, `${code} (en) shows ${name}`).toContain(String(value));
			}
		}
	});

	it('knows its codes and nothing else', () => {
		expect(isErrorCode('field.required')).toBe(true);
		expect(isErrorCode('Required')).toBe(false);
		expect(isErrorCode('toString')).toBe(false);
		expect(errorMessage({ code: 'no.such' as CodedMessage['code'] }, { locale: 'sv' })).toBe('Ogiltigt värde');
	});
});

describe('errorMessage and fieldMessage in the user\'s language', () => {
	const defaultGetLocale = getLocale;
	afterEach(() => overwriteGetLocale(defaultGetLocale));

	it('shows the people form\'s errors as before (Swedish)', () => {
		expect(errorMessage(undefined)).toBe('');
		expect(errorMessage({ code: 'field.required' })).toBe('Obligatoriskt');
		expect(errorMessage({ code: 'person.email_in_use' })).toBe('E-postadressen används redan');
		expect(errorMessage({ code: 'person.access_not_for_party' })).toBe('Behörigheten är inte tillåten här');
		expect(errorMessage({ code: 'person.cannot_disable_self' })).toBe('Du kan inte spärra ditt eget konto');
		expect(errorMessage({ code: 'field.too_short', params: { min: 10 } })).toBe('Minst 10 tecken');
		expect(errorMessage({ code: 'field.too_long', params: { max: 120 } })).toBe('Högst 120 tecken');
		expect(errorMessage({ code: 'field.line_breaks' })).toBe('Får inte innehålla radbrytningar eller andra styrtecken');
		expect(errorMessage({ code: 'field.invalid' })).toBe('Ogiltigt värde');
	});

	it('and in English, with the numbers the domain gave', () => {
		overwriteGetLocale(() => 'en');
		expect(errorMessage({ code: 'field.email' })).toBe('Not a valid e-mail address');
		expect(errorMessage({ code: 'person.cannot_lower_own_access' })).toBe('You cannot lower your own access');
		expect(errorMessage({ code: 'field.too_short', params: { min: 12 } })).toBe('At least 12 characters');
		expect(errorMessage({ code: 'field.too_long', params: { max: 40 } })).toBe('At most 40 characters');
		expect(errorMessage({ code: 'field.line_breaks' })).toBe('No line breaks or other control characters');
	});

	it('finds a field\'s error, the first of several fields, and the first under a prefix', () => {
		const failure = { fieldCodes: { roleId: { code: 'role.other_party' }, 'pauseStatuses.2': { code: 'field.too_long', params: { max: 80 } } } } as const;
		expect(fieldMessage(failure, 'personId', 'roleId')).toBe('Rollen hör till den andra parten');
		expect(fieldMessage(failure, 'personId')).toBe('');
		expect(fieldMessage(null, 'roleId')).toBe('');
		expect(firstFieldError(failure, 'pauseStatuses')).toEqual({ path: 'pauseStatuses.2', message: 'Högst 80 tecken' });
		expect(firstFieldError(failure, 'pause')).toBeNull();
	});

	it('says above a form what failed: marked fields, the refusal itself, no permission, or the page\'s own line', () => {
		const otherwise = () => 'Det gick inte att spara. Försök igen.';
		expect(failureMessage({ messageCode: { code: 'error.invalid' }, fieldCodes: { name: { code: 'field.exists' } } }, otherwise)).toBe('Kontrollera de markerade fälten.');
		expect(failureMessage({ messageCode: { code: 'minutes.same_person' }, fieldCodes: {} }, otherwise)).toBe('Ordförande och justerare måste vara två olika personer.');
		expect(failureMessage({ messageCode: { code: 'error.forbidden' } }, otherwise)).toBe('Du har inte behörighet att göra detta.');
		expect(failureMessage({ messageCode: { code: 'error.conflict' } }, otherwise)).toBe(otherwise());
		expect(failureMessage(null, otherwise)).toBe(otherwise());
	});
});

describe('no sentence matching left', () => {
	it('the four files that matched English sentences are gone', () => {
		for (const file of [
			'src/routes/customers/form-messages.ts',
			'src/lib/components/people/person-field-error.ts',
			'src/lib/components/itsm/settings-errors.ts',
			'src/lib/account-messages.ts',
			'src/lib/text-rule-errors.ts'
		]) {
			expect(existsSync(file), file).toBe(false);
		}
	});
});

describe('apiErrorText: an /api/v1 error on a page', () => {
	it('says a specific refusal, else the first field error, else the English message', () => {
		expect(apiErrorText({ message: 'x', messageCode: 'minutes.no_adjuster' }, 'HTTP 409')).toBe('Utse först en justerare från kundens sida.');
		expect(apiErrorText({ message: 'Invalid input', messageCode: 'error.invalid', fieldCodes: { name: { code: 'import.name_format' } } }, 'HTTP 400')).toBe('name: Små bokstäver, siffror, . _ -');
		expect(apiErrorText({ message: 'The request body is larger than 64 MiB', messageCode: 'error.invalid' }, 'HTTP 413')).toBe('The request body is larger than 64 MiB');
		expect(apiErrorText({ messageCode: 'no.such' }, 'HTTP 500')).toBe('HTTP 500');
		expect(apiErrorText(undefined, 'HTTP 502')).toBe('HTTP 502');
	});
});
