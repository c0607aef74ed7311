import { IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { ArgsType, Field, Float, Int, ObjectType } from 'type-graphql';
import { Speaker, SpeakerKind } from './speaker.entity';

@ObjectType({ description: 'A speaker whose name or an alias is close to the name looked up.' })
export class SpeakerMatch {
  @Field(() => Speaker, { description: 'The speaker.' })
  speaker: Speaker;

  @Field(() => Float, { description: 'Trigram similarity (0 to 1) between the name looked up and matchedName, both folded; 1 is the same spelling.' })
  score: number;

  @Field({ description: 'The recorded name or alias that came closest.' })
  matchedName: string;
}

export const MAX_SPEAKER_MATCHES = 50;

@ArgsType()
export class SpeakerMatchesArgs {
  @Field({ description: 'A name as printed, in any transliteration or with typos: "Sirskyi", "Mark Rute".' })
  @Length(1, 300)
  @Matches(/[\p{L}\p{N}]/u, { message: 'name must contain letters or digits' })
  name: string;

  @Field(() => SpeakerKind, { nullable: true, description: 'Only people, or only organizations.' })
  kind?: SpeakerKind;

  @Field(() => Int, { defaultValue: 10, description: `How many matches at most (1 to ${MAX_SPEAKER_MATCHES}).` })
  @IsOptional()
  @Min(1)
  @Max(MAX_SPEAKER_MATCHES)
  first: number;
}
