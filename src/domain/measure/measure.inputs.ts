import { IsOptional, Length, Matches } from 'class-validator';
import { VersionedUpdateInput } from '../common/versioned-update.input';
import { Field, InputType } from 'type-graphql';
import { SLUG } from '../../graphql/validators';
import type { Row } from '../common/entity-writes.service';

@InputType({ description: 'A new measure: a slug, a label and a unit.' })
export class CreateMeasureInput {
  @Field({ description: 'Stable machine name, lower case with dashes.' })
  @Matches(SLUG, { message: 'slug must be lower case words joined by dashes' })
  slug: string;

  @Field({ description: 'Human name.' })
  @Length(1, 300)
  label: string;

  @Field({ description: 'What one unit is.' })
  @Length(1, 100)
  unit: string;

  @Field(() => String, { nullable: true, description: 'What is counted.' })
  @IsOptional()
  @Length(1, 2000)
  description?: string;
}

@InputType({ description: 'Changes to a measure; fields left out stay as they are.' })
export class UpdateMeasureInput extends VersionedUpdateInput {
  @Field(() => String, { nullable: true, description: 'New label.' })
  @IsOptional()
  @Length(1, 300)
  label?: string;

  @Field(() => String, { nullable: true, description: 'New unit.' })
  @IsOptional()
  @Length(1, 100)
  unit?: string;

  @Field(() => String, { nullable: true, description: 'New description.' })
  @IsOptional()
  @Length(1, 2000)
  description?: string;
}

export function measureRow(input: Partial<CreateMeasureInput> | UpdateMeasureInput): Row {
  return { slug: (input as Partial<CreateMeasureInput>).slug, label: input.label, unit: input.unit, description: input.description };
}
