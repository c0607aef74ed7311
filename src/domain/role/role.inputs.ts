import { IsOptional, Length } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { VersionedUpdateInput } from '../common/versioned-update.input';
import { Field, ID, InputType } from 'type-graphql';
import { assertGlobalIdOf } from '../../graphql/global-id';
import type { Row } from '../common/entity-writes.service';

@InputType({ description: 'A position a speaker held in an organization.' })
export class CreateRoleInput {
  @Field(() => ID, { description: 'Who held it.' })
  speaker: string;

  @Field(() => ID, { description: 'The organization (a speaker of kind ORGANIZATION).' })
  organization: string;

  @Field({ description: 'The title, e.g. "Secretary General".' })
  @Length(1, 300)
  title: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'First day in the role.' })
  startedOn?: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day in the role; leave out while it is held.' })
  endedOn?: string;
}

@InputType({ description: 'Changes to a role; fields left out stay as they are.' })
export class UpdateRoleInput extends VersionedUpdateInput {
  @Field(() => String, { nullable: true, description: 'New title.' })
  @IsOptional()
  @Length(1, 300)
  title?: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'New first day.' })
  startedOn?: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'New last day.' })
  endedOn?: string;
}

export function roleRow(input: Partial<CreateRoleInput> | UpdateRoleInput): Row {
  const create = input as Partial<CreateRoleInput>;
  return {
    speaker_id: create.speaker == null ? undefined : assertGlobalIdOf('Speaker', create.speaker, 'speaker'),
    organization_id: create.organization == null ? undefined : assertGlobalIdOf('Speaker', create.organization, 'organization'),
    title: input.title, started_on: input.startedOn, ended_on: input.endedOn,
  };
}
