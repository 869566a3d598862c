import { portalHome } from '$lib/server/domain/portal/portal-home.service';
import { loadWith } from '$lib/server/http/forms';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadWith(event, async ({ db }, actor) => ({ home: await portalHome(db, actor, event.params.id) }));
