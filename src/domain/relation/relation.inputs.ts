import { IsOptional, Length } from 'class-validator';
import { VersionedUpdateInput } from '../common/versioned-update.input';
import { Field, ID, InputType } from 'type-graphql';
import { assertGlobalIdOf } from '../../graphql/global-id';
import type { Row } from '../common/entity-writes.service';
import { RelationType } from './statement-relation.entity';

@InputType({ description: 'A typed link from one statement to another.' })
export class CreateStatementRelationInput {
  @Field(() => ID, { description: 'The statement the relation starts from.' })
  from: string;

  @Field(() => ID, { description: 'The statement it points to.' })
  to: string;

  @Field(() => RelationType, { description: 'How the first bears on the second.' })
  type: RelationType;

  @Field(() => String, { nullable: true, description: 'Why the link was made.' })
  @IsOptional()
  @Length(1, 2000)
  note?: string;
}

@InputType({ description: 'Changes to a relation; fields left out stay as they are.' })
export class UpdateStatementRelationInput extends VersionedUpdateInput {
  @Field(() => RelationType, { nullable: true, description: 'New type.' })
  type?: RelationType;

  @Field(() => String, { nullable: true, description: 'New note.' })
  @IsOptional()
  @Length(1, 2000)
  note?: string;
}

export function relationRow(input: Partial<CreateStatementRelationInput> | UpdateStatementRelationInput): Row {
  const create = input as Partial<CreateStatementRelationInput>;
  return {
    from_id: create.from == null ? undefined : assertGlobalIdOf('Statement', create.from, 'from'),
    to_id: create.to == null ? undefined : assertGlobalIdOf('Statement', create.to, 'to'),
    type: input.type, note: input.note,
  };
}
