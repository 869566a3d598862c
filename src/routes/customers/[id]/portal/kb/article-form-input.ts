import { invalid } from '$lib/server/domain/errors';
import { tooDeep } from '$lib/server/domain/json-depth';
import { isSerializedState, stateHasContent } from '$lib/editor/rich-text-state';

/**
 * The body as posted: the rich-text editor's Lexical JSON (`body`) when there
 * is one, else the light markup of the no-JavaScript textarea. A `body` that
 * is not JSON goes to the service as text, which refuses it with its own
 * field error ("Not a rich-text document"); an empty article is refused here.
 */
function bodyInput(data: Record<string, string>): { body: unknown } | { markup: string } {
	const posted = data.body?.trim();
	if (posted) {
		// too deep to parse safely: the service refuses the text with its field error
		if (tooDeep(posted)) return { body: posted };
		let body: unknown;
		try {
			body = JSON.parse(posted);
		} catch {
			return { body: posted };
		}
		if (isSerializedState(body) && !stateHasContent(body)) throw invalid('The article has no content', { body: 'kb.empty' });
		return { body };
	}
	const markup = data.markup ?? '';
	if (!markup.trim()) throw invalid('The article has no content', { body: 'kb.empty' });
	return { markup };
}

/** The article form's fields as the service's input. */
export const articleFormInput = (data: Record<string, string>) => ({
	title: data.title,
	summary: data.summary || undefined,
	category: data.category,
	service: data.service || undefined,
	kind: data.kind,
	audience: data.audience,
	shared: data.shared === 'on',
	...bodyInput(data)
});
