import { getArticle, giveFeedback } from '$lib/server/domain/kb/kb.service';
import { formAction, loadWith } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		// answering "was this helpful?" does not reload the page data, so each load is one view
		return { article: await getArticle(db, actor, event.params.id, event.params.articleId, { countView: true }) };
	});

export const actions: Actions = {
	feedback: formAction(async ({ app, actor, data, event }) =>
		giveFeedback(app.db, actor, event.params.id!, event.params.articleId!, { helpful: data.helpful === 'yes' })
	)
};
