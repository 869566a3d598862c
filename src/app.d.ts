import type { Actor } from '$lib/server/domain/actor';

declare global {
	namespace App {
		interface Locals {
			actor: Actor | null;
		}
		interface Error {
			message: string;
			/** a refusal the error page explains in the user's language (DomainError.reason) */
			reason?: import('$lib/server/domain/errors').ErrorReason;
		}
	}
}

export {};
