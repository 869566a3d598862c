/**
 * An action (aktivitet) in the minutes: a chip that stands where the action
 * was said and shows the action as the forum's activity list holds it now
 * (title, owner, due date, status). It stores only the action's id; the
 * action itself lives in the activity list's document, so editing the chip
 * or the list changes the one action both show.
 *
 * An inline DecoratorNode: plain Lexical (no React) draws it through
 * `registerDecoratorListener` (collab-editor.ts); the server's exports print
 * the action's text in its place (minutes-model.builder.ts).
 */
import {
	$applyNodeReplacement,
	DecoratorNode,
	type EditorConfig,
	type LexicalNode,
	type LexicalUpdateJSON,
	type NodeKey,
	type SerializedLexicalNode,
	type Spread
} from 'lexical';

export type SerializedActionRefNode = Spread<{ actionId: string }, SerializedLexicalNode>;

export class ActionRefNode extends DecoratorNode<string> {
	__actionId: string;

	static getType(): string {
		return 'action-ref';
	}

	static clone(node: ActionRefNode): ActionRefNode {
		return new ActionRefNode(node.__actionId, node.__key);
	}

	constructor(actionId = '', key?: NodeKey) {
		super(key);
		this.__actionId = actionId;
	}

	getActionId(): string {
		return this.getLatest().__actionId;
	}

	createDOM(config: EditorConfig): HTMLElement {
		const el = document.createElement('span');
		const theme = config.theme as { actionRef?: string };
		if (theme.actionRef) el.className = theme.actionRef;
		el.contentEditable = 'false';
		el.dataset.actionId = this.__actionId;
		el.dataset.testid = 'minutes-action';
		return el;
	}

	updateDOM(): boolean {
		return false;
	}

	isInline(): true {
		return true;
	}

	getTextContent(): string {
		return '';
	}

	/** What the decorator listener gets: the action to draw. */
	decorate(): string {
		return this.__actionId;
	}

	static importJSON(json: SerializedActionRefNode): ActionRefNode {
		return $createActionRefNode(json.actionId).updateFromJSON(json);
	}

	updateFromJSON(json: LexicalUpdateJSON<SerializedActionRefNode>): this {
		return super.updateFromJSON(json);
	}

	exportJSON(): SerializedActionRefNode {
		return { ...super.exportJSON(), actionId: this.getActionId() };
	}
}

export function $createActionRefNode(actionId: string): ActionRefNode {
	return $applyNodeReplacement(new ActionRefNode(actionId));
}

export function $isActionRefNode(node: LexicalNode | null | undefined): node is ActionRefNode {
	return node instanceof ActionRefNode;
}
