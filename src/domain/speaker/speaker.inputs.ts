import { ArrayMaxSize, IsOptional, Length, Matches } from 'class-validator';
import { VersionedUpdateInput } from '../common/versioned-update.input';
import { Field, InputType } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../../graphql/errors';
import { WIKIDATA_ID } from '../../graphql/validators';
import type { Row } from '../common/entity-writes.service';
import { normalizeName } from './speaker-matching';
import { SpeakerKind } from './speaker.entity';

@InputType({ description: 'A new speaker. Its name and aliases must not belong to another speaker (compared without case, accents or punctuation).' })
export class CreateSpeakerInput {
  @Field(() => SpeakerKind, { description: 'Person or organization.' })
  kind: SpeakerKind;

  @Field({ description: 'The name as most often printed.' })
  @Length(1, 300)
  name: string;

  @Field(() => [String], { defaultValue: [], description: 'Other spellings and transliterations.' })
  @ArrayMaxSize(20)
  @Length(1, 300, { each: true })
  aliases: string[];

  @Field(() => String, { nullable: true, description: 'Who the speaker is.' })
  @IsOptional()
  @Length(1, 2000)
  description?: string;

  @Field(() => String, { nullable: true, description: 'Wikidata QID.' })
  @IsOptional()
  @Matches(WIKIDATA_ID, { message: 'wikidataId must look like Q57792' })
  wikidataId?: string;
}

@InputType({ description: 'Changes to a speaker; fields left out stay as they are.' })
export class UpdateSpeakerInput extends VersionedUpdateInput {
  @Field(() => SpeakerKind, { nullable: true, description: 'Person or organization.' })
  kind?: SpeakerKind;

  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @Length(1, 300)
  name?: string;

  @Field(() => [String], { nullable: true, description: 'The full new list of aliases.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @Length(1, 300, { each: true })
  aliases?: string[];

  @Field(() => String, { nullable: true, description: 'New description.' })
  @IsOptional()
  @Length(1, 2000)
  description?: string;

  @Field(() => String, { nullable: true, description: 'New Wikidata QID.' })
  @IsOptional()
  @Matches(WIKIDATA_ID, { message: 'wikidataId must look like Q57792' })
  wikidataId?: string;
}

export function speakerRow(input: Partial<CreateSpeakerInput> | UpdateSpeakerInput): Row {
  return { kind: input.kind, name: input.name?.trim(), aliases: input.aliases, description: input.description, wikidata_id: input.wikidataId };
}

/** Rewrites the speaker's normalized name keys; CONFLICT when another speaker already has one of them. */
export async function claimSpeakerNames(manager: EntityManager, speakerId: string, row: Row): Promise<void> {
  const keys = [...new Set([row.name as string, ...((row.aliases as string[] | undefined) ?? [])].map(normalizeName).filter(Boolean))];
  await manager.query('DELETE FROM speaker_name_key WHERE speaker_id = $1', [speakerId]);
  const claimed: Array<{ key: string }> = await manager.query(
    'INSERT INTO speaker_name_key (key, speaker_id) SELECT unnest($1::text[]), $2 ON CONFLICT (key) DO NOTHING RETURNING key',
    [keys, speakerId],
  );
  const taken = keys.filter((key) => !claimed.some((row) => row.key === key));
  if (taken.length) throw new DomainError(ErrorCode.CONFLICT, `another speaker already has the name or alias "${taken[0]}"`);
}
