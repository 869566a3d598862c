import type { Actor } from '$lib/server/domain/actor';

declare global {
	namespace App {
		interface Locals {
			actor: Actor | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
