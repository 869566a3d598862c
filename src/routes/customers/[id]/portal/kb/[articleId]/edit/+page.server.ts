import { redirect } from '@sveltejs/kit';
import { editArticleForm, updateArticle } from '$lib/server/domain/kb/kb.service';
import { formAction, loadWith } from '$lib/server/http/forms';
import { articleFormInput } from '../../article-form-input';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const { article, markup, offer } = await editArticleForm(db, actor, event.params.id, event.params.articleId);
		// the editor starts from the current body (Lexical JSON); the no-JavaScript textarea from its markup
		return { article, body: JSON.stringify(article.body), markup, offer };
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
