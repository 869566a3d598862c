/**
 * Links in our editors: TOGGLE_LINK_COMMAND sets, changes or removes the
 * link on the selection (the toolbar checks the URL first: format.ts
 * safeLinkUrl). Lexical leaves the command's handling to the app.
 */
import { $toggleLink, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { COMMAND_PRIORITY_EDITOR, type LexicalEditor } from 'lexical';

export function registerLinks(editor: LexicalEditor): () => void {
	return editor.registerCommand(
		TOGGLE_LINK_COMMAND,
		(payload) => {
			if (payload === null) $toggleLink(null);
			else if (typeof payload === 'string') $toggleLink(payload);
			else $toggleLink(payload.url, payload);
			return true;
		},
		COMMAND_PRIORITY_EDITOR
	);
}
