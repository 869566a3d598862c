import { describe, expect, it } from 'vitest';
import { CANNOT_DISABLE_SELF, CANNOT_LOWER_OWN_ACCESS } from '$lib/account-messages';
import { selfChangeErrors } from './people.service';

const me = { personId: 'me' };

describe('selfChangeErrors: nobody disables or demotes themselves', () => {
	it('refuses disabling one\'s own account', () => {
		expect(selfChangeErrors(me, 'me', 'supplier_admin', { disabled: true })).toEqual({ disabled: CANNOT_DISABLE_SELF });
	});

	it('refuses lowering one\'s own access, on either side', () => {
		expect(selfChangeErrors(me, 'me', 'supplier_admin', { access: 'supplier_staff' })).toEqual({ access: CANNOT_LOWER_OWN_ACCESS });
		expect(selfChangeErrors(me, 'me', 'customer_admin', { access: 'customer_member' })).toEqual({ access: CANNOT_LOWER_OWN_ACCESS });
		expect(selfChangeErrors(me, 'me', 'supplier_admin', { access: 'supplier_staff', disabled: true })).toEqual({
			access: CANNOT_LOWER_OWN_ACCESS,
			disabled: CANNOT_DISABLE_SELF
		});
	});

	it('allows keeping one\'s access, enabling oneself and any change to someone else', () => {
		expect(selfChangeErrors(me, 'me', 'supplier_admin', { access: 'supplier_admin', disabled: false })).toEqual({});
		expect(selfChangeErrors(me, 'me', 'customer_member', { access: 'customer_member' })).toEqual({});
		expect(selfChangeErrors(me, 'other', 'supplier_admin', { access: 'supplier_staff', disabled: true })).toEqual({});
	});
});
