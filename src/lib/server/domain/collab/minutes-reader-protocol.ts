/** Messages between the minutes reader thread and the process (minutes-reader-thread.ts). */
import type { MinutesDigest } from './minutes-reader';

export interface ReadRequest {
	id: number;
	update: Uint8Array;
}
export type ReadReply = { id: number; digest: MinutesDigest } | { id: number; error: string };
/** what the thread says once its code is loaded */
export const READY = 'ready';
