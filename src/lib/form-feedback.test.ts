/**
 * A field of a form shows what the user typed when its form came back with
 * errors, else the stored value, and its own error — only for its own form.
 */
import { describe, expect, it } from 'vitest';
import { busyWhile, clearSecrets, fieldProps, pairProps, type FormResult } from './form-feedback';

const failed: FormResult = {
	ok: false,
	form: 'update',
	fieldCodes: { nameEn: { code: 'field.too_long', params: { max: 120 } } },
	values: { nameSv: 'Driftforum', nameEn: 'x'.repeat(130), materialLeadDays: '70' }
};

describe('fieldProps', () => {
	it('the typed value and the error of a failed submit of this form', () => {
		expect(fieldProps(failed, 'update', 'materialLeadDays', 5)).toEqual({ name: 'materialLeadDays', value: '70', error: '' });
	});

	it('the stored value for another form, after a success, or with nothing typed; no stored value is empty', () => {
		expect(fieldProps(failed, 'schedule', 'materialLeadDays', 5)).toEqual({ name: 'materialLeadDays', value: 5, error: '' });
		expect(fieldProps({ ok: true, form: 'update', values: { title: 'x' } }, 'update', 'title', 'Möte')).toMatchObject({ value: 'Möte' });
		expect(fieldProps(null, 'update', 'location')).toEqual({ name: 'location', value: '', error: '' });
		expect(fieldProps(null, 'update', 'cadenceMinPerYear', null)).toMatchObject({ value: '' });
	});
});

describe('pairProps', () => {
	it('both languages of one text, each with its typed value and error', () => {
		const pair = pairProps(failed, 'update', 'name', { sv: 'Gammalt', en: 'Old' });
		expect(pair.name).toBe('name');
		expect(pair.value).toEqual({ sv: 'Driftforum', en: 'x'.repeat(130) });
		expect(pair.error.sv).toBe('');
		expect(pair.error.en).toMatch(/120/);
		expect(pairProps(undefined, 'update', 'purpose', { sv: 'Syfte', en: null })).toEqual({ name: 'purpose', value: { sv: 'Syfte', en: '' }, error: { sv: '', en: '' } });
	});
});

describe('busyWhile', () => {
	/** A form with one password field holding a typed secret (querySelectorAll is all clearSecrets uses). */
	const formWithSecret = () => {
		const secret = { value: 'hemligt' };
		const form = { querySelectorAll: (sel: string) => (sel === 'input[type="password"]' ? [secret] : []) } as unknown as HTMLFormElement;
		return { form, secret };
	};
	const run = async (options?: { reset?: boolean }, type: 'success' | 'failure' = 'success') => {
		const states: boolean[] = [];
		const resets: unknown[] = [];
		const { form, secret } = formWithSecret();
		const submit = busyWhile((b) => states.push(b), options);
		const after = submit({} as Parameters<typeof submit>[0]) as (o: { formElement: HTMLFormElement; result: { type: string }; update: (o: unknown) => Promise<void> }) => Promise<void>;
		await after({ formElement: form, result: { type }, update: async (o) => void resets.push(o) });
		return { states, resets, secret: secret.value };
	};

	it('busy while the form submits; the form reset after it, as update() does', async () => {
		expect(await run()).toEqual({ states: [true, false], resets: [{ reset: true }], secret: '' });
	});

	it('keeps what the user typed with reset: false, but never a typed secret after a success', async () => {
		expect(await run({ reset: false })).toMatchObject({ resets: [{ reset: false }], secret: '' });
		// after a failure the secret stays, to be sent again with the corrected fields
		expect(await run({ reset: false }, 'failure')).toMatchObject({ secret: 'hemligt' });
	});
});

describe('clearSecrets', () => {
	it("empties the form's password fields only", () => {
		const secret = { value: 'x' };
		const asked: string[] = [];
		clearSecrets({ querySelectorAll: (sel: string) => (asked.push(sel), [secret]) } as unknown as HTMLFormElement);
		expect(secret.value).toBe('');
		expect(asked).toEqual(['input[type="password"]']);
	});
});
