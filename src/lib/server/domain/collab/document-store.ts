/**
 * What the domain needs of the live shared documents (implemented by the
 * realtime layer's DocumentRegistry): read and change a document as it is
 * now, lock it for everyone, and wait for its projection into SQL.
 */
import type * as Y from 'yjs';
import type { DocumentTarget } from './collab.policy';

export interface DocumentStore {
	/** A change by the server itself, durable and relayed to every open editor. */
	change(target: DocumentTarget, fn: (doc: Y.Doc) => void): Promise<void>;
	read<T>(target: DocumentTarget, fn: (doc: Y.Doc) => T): Promise<T>;
	/** From now on nobody's update is applied; connections are re-checked at once. */
	lock(docName: string): void;
	flushProjection(target: DocumentTarget): Promise<void>;
}
