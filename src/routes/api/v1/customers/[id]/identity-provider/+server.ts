import { getIdentityProvider, removeIdentityProvider, saveIdentityProvider } from '$lib/server/domain/tenancy/identity-providers.service';
import { authed, noContent, readJson } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => ({ identityProvider: await getIdentityProvider(app.db, actor, event.params.id!) }));

export const PUT = authed(async ({ app, actor, event }) => ({
	identityProvider: await saveIdentityProvider(app.db, actor, event.params.id!, await readJson(event.request))
}));

export const DELETE = authed(async ({ app, actor, event }) => {
	await removeIdentityProvider(app.db, actor, event.params.id!);
	return noContent();
});
