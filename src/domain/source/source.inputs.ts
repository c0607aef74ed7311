import { IsOptional, IsUrl, Length, Matches, ValidateNested } from 'class-validator';
import { VersionedUpdateInput } from '../common/versioned-update.input';
import { Field, InputType } from 'type-graphql';
import { LANGUAGE_TAG } from '../../graphql/validators';
import type { Row } from '../common/entity-writes.service';
import { PartialDateInput, spanStart } from '../common/partial-date.input';
import { normalizeUrl } from './source.service';

@InputType({ description: 'A new source; its URL is stored normalized and must be new.' })
export class CreateSourceInput {
  @Field({ description: 'The URL of the report.' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: true }, { message: 'url must be an http or https URL' })
  url: string;

  @Field({ description: 'The headline.' })
  @Length(1, 1000)
  title: string;

  @Field(() => String, { nullable: true, description: 'The publisher.' })
  @IsOptional()
  @Length(1, 300)
  publisher?: string;

  @Field(() => PartialDateInput, { nullable: true, description: 'When it was published.' })
  @IsOptional()
  @ValidateNested()
  published?: PartialDateInput;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag.' })
  @IsOptional()
  @Matches(LANGUAGE_TAG, { message: 'language must be a BCP 47 tag such as en or uk' })
  language?: string;
}

@InputType({ description: 'Changes to a source; fields left out stay as they are.' })
export class UpdateSourceInput extends VersionedUpdateInput {
  @Field(() => String, { nullable: true, description: 'New URL.' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: true }, { message: 'url must be an http or https URL' })
  url?: string;

  @Field(() => String, { nullable: true, description: 'New headline.' })
  @IsOptional()
  @Length(1, 1000)
  title?: string;

  @Field(() => String, { nullable: true, description: 'New publisher.' })
  @IsOptional()
  @Length(1, 300)
  publisher?: string;

  @Field(() => PartialDateInput, { nullable: true, description: 'New publication date.' })
  @IsOptional()
  @ValidateNested()
  published?: PartialDateInput;

  @Field(() => String, { nullable: true, description: 'New language tag.' })
  @IsOptional()
  @Matches(LANGUAGE_TAG, { message: 'language must be a BCP 47 tag such as en or uk' })
  language?: string;
}

export function sourceRow(input: Partial<CreateSourceInput> | UpdateSourceInput): Row {
  return {
    url: input.url == null ? undefined : normalizeUrl(input.url), title: input.title, publisher: input.publisher,
    published_on: input.published ? spanStart(input.published) : undefined, published_precision: input.published?.precision, language: input.language,
  };
}
