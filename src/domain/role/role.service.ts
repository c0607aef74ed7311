import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { ConnectionArgs, ConnectionValue } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import type { NestedList } from '../../graphql/nested-lists';
import type { ListDefinition } from '../../graphql/lists';
import type { Statement } from '../statement/statement.entity';
import { ownColumnsRow } from '../../db/entity-rows';
import { Role } from './role.entity';

const LATEST_FIRST = [
  { expr: "coalesce(t.started_on, '0001-01-01'::date)", type: 'date' as const },
  { expr: 't.id', type: 'uuid' as const },
];

const HELD_BY: ListDefinition<Role> = { name: 'Speaker.roles', entity: Role, order: LATEST_FIRST, descending: true, parentMatch: 't.speaker_id = k.id' };
const HELD_IN: ListDefinition<Role> = { name: 'Speaker.members', entity: Role, order: LATEST_FIRST, descending: true, parentMatch: 't.organization_id = k.id' };

/** The roles of a speaker, as a nested list. */
export const speakerRoles = (): NestedList<Role> => ({ list: HELD_BY });

/** Roles a speaker held, latest first. */
export function rolesOfSpeaker(context: Context, speakerId: string, args: ConnectionArgs, info: GraphQLResolveInfo): Promise<ConnectionValue<Role>> {
  return context.loaders.connection(HELD_BY, args, speakerId, info);
}

/** Roles held in an organization, latest first. */
export function rolesInOrganization(context: Context, organizationId: string, args: ConnectionArgs, info: GraphQLResolveInfo): Promise<ConnectionValue<Role>> {
  return context.loaders.connection(HELD_IN, args, organizationId, info);
}

/**
 * The latest-starting role (alias `role`) held by `speaker` over a span of days from `statedOn`
 * to `statedUntil`: conditions, order and limit.
 */
function heldThen(role: string, speaker: string, statedOn: string, statedUntil: string): string {
  return `${role}.speaker_id = ${speaker} AND ${role}.deleted_at IS NULL
    AND (${role}.started_on IS NULL OR ${role}.started_on <= ${statedUntil})
    AND (${role}.ended_on IS NULL OR ${role}.ended_on >= ${statedOn})
    ORDER BY ${role}.started_on DESC NULLS LAST, ${role}.id LIMIT 1`;
}

/** Where the role held at a statement is put when it was read with the statement (see declareComputedReference). */
export const ROLE_AT_STATEMENT = 'Statement.speakerRole';

/** The subquery picking the role held at the statement on alias `statement`, read with it as a computed to-one field. */
export function roleAtStatement(statement: string): string {
  return `SELECT held.* FROM role held WHERE ${heldThen('held', `${statement}.speaker_id`, `${statement}.stated_on`, `${statement}.stated_until`)}`;
}

/**
 * The role a statement's speaker held when it was made: the latest-starting role whose
 * span overlaps the statement's date span, or null. Known already when it was read with the
 * statement; otherwise one statement per batch, which also reads the to-one fields selected on
 * the role (its organization, its speaker).
 */
export function findRoleAtStatement(context: Context, statement: Statement, info: GraphQLResolveInfo): Role | null | Promise<Role | null> {
  const known = context.loaders.known(ROLE_AT_STATEMENT, statement.id, Role, info);
  if (known !== undefined) return known;
  const reads = context.loaders.rowReads(Role, info, 'object');
  const loader = context.loaders.get(`Statement.speakerRole:${reads.key}`, () =>
    new DataLoader<Statement, Role | null, string>(
      async (statements) => {
        const { columns, rows } = await context.sql.queryValues(
          `SELECT k.ord AS "__ord", r.*
           FROM unnest($1::uuid[], $2::date[], $3::date[]) WITH ORDINALITY AS k(speaker_id, stated_on, stated_until, ord)
           JOIN LATERAL (
             SELECT ${reads.columns} FROM role t ${reads.joins ?? ''}
             WHERE ${heldThen('t', 'k.speaker_id', 'k.stated_on', 'k.stated_until')}
           ) r ON true`,
          [statements.map((s) => s.speakerId), statements.map((s) => s.statedOn), statements.map((s) => s.statedUntil)],
        );
        const ordAt = columns.indexOf('__ord');
        const toRole = ownColumnsRow(columns, Role.prototype);
        const seeRow = context.loaders.onRow(reads)?.(columns);
        const roles: Array<Role | null> = statements.map(() => null);
        for (const values of rows) {
          seeRow?.(values);
          roles[Number(values[ordAt]) - 1] = toRole(values) as unknown as Role;
        }
        return roles;
      },
      { cacheKeyFn: (statement) => `${statement.speakerId}/${statement.statedOn}/${statement.statedUntil}` },
    ),
  );
  return loader.load(statement);
}
