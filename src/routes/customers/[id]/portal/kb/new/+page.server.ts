import { redirect } from '@sveltejs/kit';
import { createArticle, newArticleForm } from '$lib/server/domain/kb/kb.service';
import { formAction, loadWith } from '$lib/server/http/forms';
import { articleFormInput } from '../article-form-input';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadWith(event, async ({ db }, actor) => ({ offer: await newArticleForm(db, actor, event.params.id) }));

export const actions: Actions = {
	default: async (event) => {
		const result = await formAction(async ({ app, actor, data }) => createArticle(app.db, actor, event.params.id, articleFormInput(data)))(event);
		if ('ok' in result && result.ok && result.result) redirect(303, `/customers/${event.params.id}/portal/kb/${result.result.id}`);
		return result;
	}
};
