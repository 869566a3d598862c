/** The little of oidc-provider (which ships no types) that tests/helpers/oidc-provider.ts uses. */
declare module 'oidc-provider' {
	import type { IncomingMessage, ServerResponse } from 'node:http';

	export interface AccountClaims {
		sub: string;
		[claim: string]: unknown;
	}
	export interface Account {
		accountId: string;
		claims(use: string, scope: string): AccountClaims | Promise<AccountClaims>;
	}
	export interface ProviderGrant {
		addOIDCScope(scope: string): void;
		save(): Promise<string>;
	}
	export interface KoaContextWithOIDC {
		oidc: {
			client?: { clientId: string };
			session?: { accountId?: string };
			provider: Provider;
		};
	}
	export default class Provider {
		constructor(issuer: string, configuration: Record<string, unknown>);
		callback(): (req: IncomingMessage, res: ServerResponse) => void;
		Grant: new (props: { clientId: string; accountId: string }) => ProviderGrant;
		proxy: boolean;
	}
}
