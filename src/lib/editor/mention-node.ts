/**
 * A person mentioned with `@` in the minutes: text that shows the person's
 * name and carries their id, so that a line turned into an action knows its
 * owner without guessing from a name. A token: it is deleted whole, never
 * edited letter by letter, and text typed next to it does not join it.
 * Registered in `nodes.ts`; @lexical/yjs syncs `__personId` with the text.
 */
import {
	$applyNodeReplacement,
	TextNode,
	type EditorConfig,
	type LexicalNode,
	type LexicalUpdateJSON,
	type NodeKey,
	type SerializedTextNode,
	type Spread
} from 'lexical';

export type SerializedMentionNode = Spread<{ personId: string }, SerializedTextNode>;

export class MentionNode extends TextNode {
	__personId: string;

	static getType(): string {
		return 'mention';
	}

	static clone(node: MentionNode): MentionNode {
		return new MentionNode(node.__personId, node.__text, node.__key);
	}

	constructor(personId = '', text = '', key?: NodeKey) {
		super(text, key);
		this.__personId = personId;
	}

	getPersonId(): string {
		return this.getLatest().__personId;
	}

	createDOM(config: EditorConfig): HTMLElement {
		const el = super.createDOM(config);
		const theme = config.theme as { mention?: string };
		if (theme.mention) el.className = `${el.className} ${theme.mention}`.trim();
		el.dataset.personId = this.__personId;
		el.dataset.testid = 'minutes-mention';
		return el;
	}

	static importJSON(json: SerializedMentionNode): MentionNode {
		return $createMentionNode(json.personId, json.text).updateFromJSON(json);
	}

	updateFromJSON(json: LexicalUpdateJSON<SerializedMentionNode>): this {
		return super.updateFromJSON(json);
	}

	exportJSON(): SerializedMentionNode {
		return { ...super.exportJSON(), personId: this.getPersonId() };
	}

	isTextEntity(): true {
		return true;
	}

	canInsertTextBefore(): boolean {
		return false;
	}

	canInsertTextAfter(): boolean {
		return false;
	}
}

export function $createMentionNode(personId: string, name: string): MentionNode {
	const node = new MentionNode(personId, `@${name}`);
	node.setMode('token').toggleDirectionless();
	return $applyNodeReplacement(node);
}

export function $isMentionNode(node: LexicalNode | null | undefined): node is MentionNode {
	return node instanceof MentionNode;
}
