/** Row types of the local-account tables (migrations/2026-12-06T2310_local-accounts.ts), composed into schema.ts. */

export type AccountTokenKind = 'invitation' | 'reset';

export interface AccountTokensTable {
	/** SHA-256 (hex) of the link's token */
	id: string;
	kind: AccountTokenKind;
	person_id: string;
	customer_id: string | null;
	created_by: string | null;
	created_at: string;
	expires_at: string;
	used_at: string | null;
	revoked_at: string | null;
}

export interface TwoFactorTable {
	person_id: string;
	/** the base32 secret, sealed (crypto/secret-box.ts) */
	secret_sealed: string;
	enabled_at: string | null;
	last_step: number | null;
	updated_at: string;
}

export interface RecoveryCodesTable {
	id: string;
	person_id: string;
	code_hash: string;
	used_at: string | null;
}

export interface LoginChallengesTable {
	id: string;
	person_id: string;
	created_at: string;
	expires_at: string;
	attempts: number;
}

export interface AccountTables {
	account_tokens: AccountTokensTable;
	two_factor: TwoFactorTable;
	recovery_codes: RecoveryCodesTable;
	login_challenges: LoginChallengesTable;
}
