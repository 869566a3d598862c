import { describe, expect, it } from 'vitest';
import { selfChangeErrors } from './people.service';

const me = { personId: 'me' };

describe('selfChangeErrors: nobody disables or demotes themselves', () => {
	it('refuses disabling one\'s own account', () => {
		expect(selfChangeErrors(me, 'me', 'supplier_admin', { disabled: true })).toEqual({ disabled: 'person.cannot_disable_self' });
	});

	it('refuses lowering one\'s own access, on either side', () => {
		expect(selfChangeErrors(me, 'me', 'supplier_admin', { access: 'supplier_staff' })).toEqual({ access: 'person.cannot_lower_own_access' });
		expect(selfChangeErrors(me, 'me', 'customer_admin', { access: 'customer_member' })).toEqual({ access: 'person.cannot_lower_own_access' });
		expect(selfChangeErrors(me, 'me', 'supplier_admin', { access: 'supplier_staff', disabled: true })).toEqual({
			access: 'person.cannot_lower_own_access',
			disabled: 'person.cannot_disable_self'
		});
	});

	it('allows keeping one\'s access, enabling oneself and any change to someone else', () => {
		expect(selfChangeErrors(me, 'me', 'supplier_admin', { access: 'supplier_admin', disabled: false })).toEqual({});
		expect(selfChangeErrors(me, 'me', 'customer_member', { access: 'customer_member' })).toEqual({});
		expect(selfChangeErrors(me, 'other', 'supplier_admin', { access: 'supplier_staff', disabled: true })).toEqual({});
	});
});
