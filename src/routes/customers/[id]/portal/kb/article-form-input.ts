/** The article form's fields as the service's input. */
export const articleFormInput = (data: Record<string, string>) => ({
	title: data.title,
	summary: data.summary || undefined,
	category: data.category,
	service: data.service || undefined,
	kind: data.kind,
	audience: data.audience,
	shared: data.shared === 'on',
	markup: data.markup ?? ''
});
