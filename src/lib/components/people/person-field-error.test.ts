import { afterEach, describe, expect, it } from 'vitest';
import { CANNOT_DISABLE_SELF, CANNOT_LOWER_OWN_ACCESS } from '$lib/account-messages';
import { NO_LINE_BREAKS } from '$lib/text-rules';
import { baseLocale, getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { personFieldError } from './person-field-error';

describe('personFieldError', () => {
	const defaultGetLocale = getLocale;
	afterEach(() => overwriteGetLocale(defaultGetLocale));

	it('shows nothing without a message', () => {
		expect(personFieldError(undefined)).toBe('');
		expect(personFieldError('')).toBe('');
	});

	it('translates the people service messages (Swedish)', () => {
		expect(baseLocale).toBe('sv');
		expect(personFieldError('Required')).toBe('Obligatoriskt');
		expect(personFieldError('Already in use')).toBe('E-postadressen används redan');
		expect(personFieldError('Not allowed for this party')).toBe('Behörigheten är inte tillåten här');
		expect(personFieldError(CANNOT_DISABLE_SELF)).toBe('Du kan inte spärra ditt eget konto');
		expect(personFieldError('At least 10 characters')).toBe('Minst 10 tecken');
		expect(personFieldError('At most 120 characters')).toBe('Högst 120 tecken');
		expect(personFieldError(NO_LINE_BREAKS)).toBe('Får inte innehålla radbrytningar eller andra styrtecken');
		expect(personFieldError('Something new')).toBe('Ogiltigt värde');
	});

	it('translates them in English too, with the numbers the service gave', () => {
		overwriteGetLocale(() => 'en');
		expect(personFieldError('Not a valid e-mail address')).toBe('Not a valid e-mail address');
		expect(personFieldError(CANNOT_LOWER_OWN_ACCESS)).toBe('You cannot lower your own access');
		expect(personFieldError('At least 12 characters')).toBe('At least 12 characters');
		expect(personFieldError('At most 40 characters')).toBe('At most 40 characters');
		expect(personFieldError(NO_LINE_BREAKS)).toBe('No line breaks or other control characters');
	});
});
