/**
 * The Lexical node list of the minutes, shared by the browser editor and the
 * server (headless seeding, exports). Both sides must register the same nodes,
 * or a document written by one cannot be read by the other.
 */
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';
import { ActionRefNode } from './action-ref-node';
import { DataBlockNode } from './data-block-node';
import { DecisionNode } from './decision-node';
import { MentionNode } from './mention-node';

export const MINUTES_NODES: Klass<LexicalNode>[] = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, AutoLinkNode, DecisionNode, DataBlockNode, MentionNode, ActionRefNode];

/** Name of the Y.XmlText that holds the minutes in the Y.Doc (the @lexical/yjs default binding root). */
export const MINUTES_ROOT = 'root';
