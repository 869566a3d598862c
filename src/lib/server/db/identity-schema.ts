/** Row types of sign-in with an organisation's identity provider (migrations/2026-12-06T2340_identity-providers.ts). */

export interface IdentityProvidersTable {
	id: string;
	/** 'supplier' or the customer's id */
	org_key: string;
	/** null: the supplier's provider */
	customer_id: string | null;
	issuer: string;
	client_id: string;
	/** sealed with SECRETS_KEY (crypto/secret-box.ts) */
	client_secret_sealed: string;
	jit_enabled: number;
	jit_access: string;
	groups_claim: string | null;
	/** JSON [{ group, access }] */
	group_access: string;
	/** 0: the customer's people may not sign in with a password */
	password_sign_in: number;
	created_at: string;
	updated_at: string;
}

export interface IdentityProviderDomainsTable {
	domain: string;
	provider_id: string;
}

export interface IdentityLinksTable {
	issuer: string;
	subject: string;
	person_id: string;
	provider_id: string;
	created_at: string;
	last_used_at: string;
}

export interface OidcSignInsTable {
	/** SHA-256 of the state */
	id: string;
	provider_id: string;
	code_verifier: string;
	nonce: string;
	next: string | null;
	created_at: string;
	expires_at: string;
}

export interface IdentityTables {
	identity_providers: IdentityProvidersTable;
	identity_provider_domains: IdentityProviderDomainsTable;
	identity_links: IdentityLinksTable;
	oidc_sign_ins: OidcSignInsTable;
}
