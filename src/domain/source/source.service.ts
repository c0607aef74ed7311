import type { GraphQLResolveInfo } from 'graphql';
import type { ConnectionArgs, ConnectionValue } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { DomainError } from '../../graphql/errors';
import type { ListDefinition } from '../../graphql/lists';
import { hydrate, selectList } from '../../db/entity-rows';
import { Source } from './source.entity';

const SOURCES: ListDefinition<Source> = {
  name: 'Query.sources',
  entity: Source,
  order: [
    { expr: "coalesce(t.published_on, '0001-01-01'::date)", type: 'date' },
    { expr: 't.id', type: 'uuid' },
  ],
  descending: true,
};

const TRACKING_PARAMETER = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid)$/i;

/**
 * The one spelling of a URL that Claimgraph stores: lower-case scheme and host, no
 * default port, no fragment, no tracking parameters, remaining parameters sorted,
 * no trailing slash on a path. Throws BAD_USER_INPUT naming `field` for a non-http URL.
 */
export function normalizeUrl(text: string, field = 'url'): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw DomainError.badInput(field, `"${text}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw DomainError.badInput(field, 'must be an http or https URL');
  }
  url.hash = '';
  const kept = [...url.searchParams.entries()].filter(([name]) => !TRACKING_PARAMETER.test(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/, '');
  return url.toString();
}

/** Sources, newest first. */
export function sourceConnection(context: Context, args: ConnectionArgs, info: GraphQLResolveInfo): Promise<ConnectionValue<Source>> {
  return context.loaders.connection(SOURCES, args, null, info);
}

/** The source stored under the normalized form of `url`, or null. */
export async function findSourceByUrl(context: Context, url: string): Promise<Source | null> {
  const [row] = await context.sql.query(
    `SELECT ${selectList(context.loaders.dataSource, Source, 't')} FROM source t WHERE t.url = $1 AND t.deleted_at IS NULL`,
    [normalizeUrl(url)],
  );
  return row ? hydrate(Source, row) : null;
}
