import { testIdentityProvider } from '$lib/server/domain/tenancy/identity-providers.service';
import { authed, readNoInput } from '$lib/server/http/api';

export const POST = authed(async ({ app, actor, event }) => {
	await readNoInput(event.request);
	return { test: await testIdentityProvider(app.db, actor, event.params.id!) };
});
