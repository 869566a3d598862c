import { redirect } from '@sveltejs/kit';
import { isSupplier } from '$lib/server/domain/actor';
import { articleMarkup, getArticle, updateArticle } from '$lib/server/domain/kb/kb.service';
import { forbidden } from '$lib/server/domain/errors';
import { formAction, loadWith } from '$lib/server/http/forms';
import { articleFormInput } from '../../article-form-input';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const article = await getArticle(db, actor, event.params.id, event.params.articleId);
		if (!article.mayEdit) throw forbidden();
		// the editor starts from the current body (Lexical JSON); the no-JavaScript textarea from its markup
		return {
			article,
			body: JSON.stringify(article.body),
			markup: await articleMarkup(db, actor, event.params.id, event.params.articleId),
			supplier: isSupplier(actor)
		};
	});

export const actions: Actions = {
	default: async (event) => {
		const result = await formAction(async ({ app, actor, data }) =>
			updateArticle(app.db, actor, event.params.id, event.params.articleId, articleFormInput(data))
		)(event);
		if ('ok' in result && result.ok) redirect(303, `/customers/${event.params.id}/portal/kb/${event.params.articleId}`);
		return result;
	}
};
