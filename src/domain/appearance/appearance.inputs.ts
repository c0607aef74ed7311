import { IsOptional, Length, Min } from 'class-validator';
import { VersionedUpdateInput } from '../common/versioned-update.input';
import { Field, ID, InputType, Int } from 'type-graphql';
import { assertGlobalIdOf } from '../../graphql/global-id';
import type { Row } from '../common/entity-writes.service';

@InputType({ description: 'Where a statement appears in a source.' })
export class CreateAppearanceInput {
  @Field(() => ID, { description: 'The statement.' })
  statement: string;

  @Field(() => ID, { description: 'The source that carries it.' })
  source: string;

  @Field({ description: 'The passage as printed.' })
  @Length(1, 20000)
  excerpt: string;

  @Field(() => Int, { nullable: true, description: "Offset of the excerpt's first character." })
  @IsOptional()
  @Min(0)
  startOffset?: number;

  @Field(() => Int, { nullable: true, description: "Offset just past the excerpt's last character." })
  @IsOptional()
  @Min(1)
  endOffset?: number;
}

@InputType({ description: 'Changes to an appearance; fields left out stay as they are.' })
export class UpdateAppearanceInput extends VersionedUpdateInput {
  @Field(() => String, { nullable: true, description: 'New excerpt.' })
  @IsOptional()
  @Length(1, 20000)
  excerpt?: string;

  @Field(() => Int, { nullable: true, description: 'New start offset.' })
  @IsOptional()
  @Min(0)
  startOffset?: number;

  @Field(() => Int, { nullable: true, description: 'New end offset.' })
  @IsOptional()
  @Min(1)
  endOffset?: number;
}

export function appearanceRow(input: Partial<CreateAppearanceInput> | UpdateAppearanceInput): Row {
  const create = input as Partial<CreateAppearanceInput>;
  return {
    statement_id: create.statement == null ? undefined : assertGlobalIdOf('Statement', create.statement, 'statement'),
    source_id: create.source == null ? undefined : assertGlobalIdOf('Source', create.source, 'source'),
    excerpt: input.excerpt, start_offset: input.startOffset, end_offset: input.endOffset,
  };
}
