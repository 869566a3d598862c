/**
 * The person forms (add, edit) as service input. Form fields are strings; the
 * edit form says with `accountControl` that it offered the "disable sign-in"
 * checkbox, so an unchecked box means "enabled" and an absent one "unchanged".
 */
export function personCreateInput(data: Record<string, string>) {
	return {
		name: data.name,
		email: data.email,
		phone: data.phone,
		title: data.title,
		access: data.access,
		password: data.password
	};
}

export function personUpdateInput(data: Record<string, string>) {
	return {
		name: data.name,
		email: data.email,
		phone: data.phone ?? '',
		title: data.title ?? '',
		// absent when the form did not offer it (one's own access is shown, not edited)
		...(data.access ? { access: data.access } : {}),
		...(data.password ? { password: data.password } : {}),
		...(data.accountControl ? { disabled: data.disabled === 'true' } : {})
	};
}
