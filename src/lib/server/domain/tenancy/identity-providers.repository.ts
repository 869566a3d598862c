/** Queries for identity providers, their e-mail domains, identity links and sign-ins under way. No access checks here. */
import type { Executor } from '$lib/server/db';
import type { IdentityLinksTable, IdentityProvidersTable, OidcSignInsTable } from '$lib/server/db/identity-schema';

/** 'supplier' or the customer's id: the key of an organisation's one provider. */
export const orgKeyOf = (customerId: string | null): string => customerId ?? 'supplier';

export const findProviderOfOrg = (db: Executor, customerId: string | null) =>
	db.selectFrom('identity_providers').selectAll().where('org_key', '=', orgKeyOf(customerId)).executeTakeFirst();

export const findProvider = (db: Executor, id: string) =>
	db.selectFrom('identity_providers').selectAll().where('id', '=', id).executeTakeFirst();

export const listDomainsOf = async (db: Executor, providerId: string): Promise<string[]> =>
	(await db.selectFrom('identity_provider_domains').select('domain').where('provider_id', '=', providerId).orderBy('domain').execute()).map((r) => r.domain);

/** The provider an e-mail domain is registered to. */
export const findProviderByDomain = (db: Executor, domain: string) =>
	db
		.selectFrom('identity_provider_domains')
		.innerJoin('identity_providers', 'identity_providers.id', 'identity_provider_domains.provider_id')
		.selectAll('identity_providers')
		.where('identity_provider_domains.domain', '=', domain)
		.executeTakeFirst();

/** Domains of this list registered to another provider than `providerId`. */
export const findDomainsTakenByOthers = async (db: Executor, domains: string[], providerId: string): Promise<string[]> =>
	domains.length === 0
		? []
		: (
				await db
					.selectFrom('identity_provider_domains')
					.select('domain')
					.where('domain', 'in', domains)
					.where('provider_id', '!=', providerId)
					.execute()
			).map((r) => r.domain);

export const insertProvider = (db: Executor, row: IdentityProvidersTable) => db.insertInto('identity_providers').values(row).execute();

export const updateProvider = (db: Executor, id: string, changes: Partial<Omit<IdentityProvidersTable, 'id' | 'org_key' | 'customer_id' | 'created_at'>>) =>
	db.updateTable('identity_providers').set(changes).where('id', '=', id).execute();

export const deleteProvider = (db: Executor, id: string) => db.deleteFrom('identity_providers').where('id', '=', id).execute();

export async function replaceDomains(db: Executor, providerId: string, domains: string[]): Promise<void> {
	await db.deleteFrom('identity_provider_domains').where('provider_id', '=', providerId).execute();
	if (domains.length) await db.insertInto('identity_provider_domains').values(domains.map((domain) => ({ domain, provider_id: providerId }))).execute();
}

/** The person an identity (issuer, subject) is linked to, with their login state. */
export const findLinkedPerson = (db: Executor, issuer: string, subject: string) =>
	db
		.selectFrom('identity_links')
		.innerJoin('people', 'people.id', 'identity_links.person_id')
		.leftJoin('accounts', 'accounts.person_id', 'people.id')
		.select(['identity_links.provider_id', 'people.id', 'people.name', 'people.email', 'people.access', 'people.customer_id', 'accounts.disabled_at'])
		.where('identity_links.issuer', '=', issuer)
		.where('identity_links.subject', '=', subject)
		.executeTakeFirst();

/** A person by e-mail, with their login state (any person, with or without a password). */
export const findPersonForLink = (db: Executor, email: string) =>
	db
		.selectFrom('people')
		.leftJoin('accounts', 'accounts.person_id', 'people.id')
		.select(['people.id', 'people.name', 'people.email', 'people.access', 'people.customer_id', 'accounts.disabled_at'])
		.where('people.email', '=', email)
		.executeTakeFirst();

export const insertLink = (db: Executor, row: IdentityLinksTable) => db.insertInto('identity_links').values(row).execute();

export const touchLink = (db: Executor, issuer: string, subject: string, at: string) =>
	db.updateTable('identity_links').set({ last_used_at: at }).where('issuer', '=', issuer).where('subject', '=', subject).execute();

export const insertSignIn = (db: Executor, row: OidcSignInsTable) => db.insertInto('oidc_sign_ins').values(row).execute();

/** Takes a sign-in under way: reads and deletes it, so its state is used once. */
export async function takeSignIn(db: Executor, id: string) {
	const row = await db.deleteFrom('oidc_sign_ins').where('id', '=', id).returningAll().executeTakeFirst();
	return row;
}

export const deleteSignInsExpiredBy = (db: Executor, now: string) => db.deleteFrom('oidc_sign_ins').where('expires_at', '<=', now).execute();

/** Whether someone outside the organisation (customerId; null = the supplier) has an address in this domain. */
export const listPeopleOfDomainOutsideOrg = async (db: Executor, domain: string, customerId: string | null): Promise<boolean> => {
	let q = db.selectFrom('people').select('id').where('email', 'like', `%@${domain}`);
	q = customerId ? q.where((eb) => eb.or([eb('customer_id', 'is', null), eb('customer_id', '!=', customerId)])) : q.where('customer_id', 'is not', null);
	return (await q.limit(1).executeTakeFirst()) !== undefined;
};

/** Whether the person has an accounts row (a login, with or without a usable password). */
export const hasAccount = async (db: Executor, personId: string): Promise<boolean> =>
	(await db.selectFrom('accounts').select('person_id').where('person_id', '=', personId).executeTakeFirst()) !== undefined;
