import { describe, expect, it } from 'vitest';
import { conflict, DomainError, fieldValue, forbidden, invalid, notFound } from './errors';

describe('DomainError: codes for the user, English for the API and logs (issue 20.4)', () => {
	it('a field error given as a code gets its English text from the catalogue', () => {
		const err = invalid('No such role', { roleId: 'role.unknown', name: { code: 'field.too_long', params: { max: 120 } } });
		expect(err.message).toBe('No such role');
		expect(err.messageCode).toEqual({ code: 'error.invalid' });
		expect(err.fields).toEqual({ roleId: 'Unknown role', name: 'At most 120 characters' });
		expect(err.fieldCodes).toEqual({ roleId: { code: 'role.unknown' }, name: { code: 'field.too_long', params: { max: 120 } } });
	});

	it('a refusal given as a code carries it, with its English text as the message', () => {
		const err = conflict({ code: 'minutes.same_person' });
		expect(err.code).toBe('conflict');
		expect(err.messageCode).toEqual({ code: 'minutes.same_person' });
		expect(err.message).toBe('The chair and the adjuster must be two different people');
	});

	it('a plain English refusal carries the code of its kind', () => {
		expect(notFound('Meeting').messageCode).toEqual({ code: 'error.not_found' });
		expect(notFound('Meeting').message).toBe('Meeting not found');
		expect(forbidden().messageCode).toEqual({ code: 'error.forbidden' });
	});

	it('a value handed back in fields is not a field error', () => {
		const err = conflict('Starts in more than an hour', { confirmEarly: 'meeting.confirm_early', startsAt: fieldValue('2031-03-10T08:00:00Z') });
		expect(err.fields).toEqual({ confirmEarly: 'Required to start more than an hour early', startsAt: '2031-03-10T08:00:00Z' });
		expect(err.fieldCodes).toEqual({ confirmEarly: { code: 'meeting.confirm_early' } });
	});

	it('renaming the fields keeps codes, texts, values and the refusal', () => {
		const err = new DomainError('invalid', { code: 'kpi.duplicate' }, { 'targets.0.amber': { code: 'kpi.amber_side', text: 'zod said so' }, at: fieldValue('x') });
		const renamed = err.renameFields((p) => p.replace('targets.0.', 'targets.3.'));
		expect(renamed.fields).toEqual({ 'targets.3.amber': 'zod said so', at: 'x' });
		expect(renamed.fieldCodes).toEqual({ 'targets.3.amber': { code: 'kpi.amber_side' } });
		expect(renamed.messageCode).toEqual({ code: 'kpi.duplicate' });
		expect(renamed.message).toBe(err.message);
	});
});
