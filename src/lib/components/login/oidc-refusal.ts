/** Why a sign-in through the organisation's own provider was refused, in the reader's language. */
import { m } from '$lib/paraglide/messages';
import type { OidcRefusalReason } from '$lib/server/domain/tenancy/oidc-sign-in.service';

const MESSAGES: Record<OidcRefusalReason | 'no_provider', () => string> = {
	state: m.login_oidc_state,
	expired: m.login_oidc_expired,
	provider: m.login_oidc_provider,
	unavailable: m.login_oidc_unavailable,
	token: m.login_oidc_token,
	unverified: m.login_oidc_unverified,
	domain: m.login_oidc_domain,
	no_account: m.login_oidc_no_account,
	disabled: m.login_oidc_disabled,
	rate_limited: m.login_oidc_rate_limited,
	no_provider: m.login_oidc_no_provider
};

export const oidcRefusalMessage = (reason: OidcRefusalReason | 'no_provider'): string => MESSAGES[reason]();
