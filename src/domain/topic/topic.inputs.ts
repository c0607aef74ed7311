import { IsOptional, Length, Matches } from 'class-validator';
import { VersionedUpdateInput } from '../common/versioned-update.input';
import { Field, InputType } from 'type-graphql';
import { SLUG } from '../../graphql/validators';
import type { Row } from '../common/entity-writes.service';

@InputType({ description: 'A new topic.' })
export class CreateTopicInput {
  @Field({ description: 'Stable machine name, lower case with dashes.' })
  @Matches(SLUG, { message: 'slug must be lower case words joined by dashes' })
  slug: string;

  @Field({ description: 'Human name.' })
  @Length(1, 300)
  label: string;

  @Field(() => String, { nullable: true, description: 'What the topic covers.' })
  @IsOptional()
  @Length(1, 2000)
  description?: string;
}

@InputType({ description: 'Changes to a topic; fields left out stay as they are.' })
export class UpdateTopicInput extends VersionedUpdateInput {
  @Field(() => String, { nullable: true, description: 'New label.' })
  @IsOptional()
  @Length(1, 300)
  label?: string;

  @Field(() => String, { nullable: true, description: 'New description.' })
  @IsOptional()
  @Length(1, 2000)
  description?: string;
}

export function topicRow(input: Partial<CreateTopicInput> | UpdateTopicInput): Row {
  return { slug: (input as Partial<CreateTopicInput>).slug, label: input.label, description: input.description };
}
