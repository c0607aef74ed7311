import { ArrayMaxSize, IsOptional, IsUrl, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { VersionedUpdateInput } from '../common/versioned-update.input';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { Check, COUNTRY_CODE, LANGUAGE_TAG, SLUG, WIKIDATA_ID } from '../../graphql/validators';
import { PartialDateInput } from '../common/partial-date.input';
import { EventKind } from '../event/event.entity';
import { QuantityKind, QuantityPeriod } from '../quantity/quantity.entity';
import { TimeUnit } from '../quantity/time-unit';
import { SpeakerKind } from '../speaker/speaker.entity';
import { SIMILAR_SPEAKER_THRESHOLD } from '../speaker/speaker-matching';
import { StatementMode, VerificationStatus } from './statement.entity';

@InputType({ description: 'Who made the claim: an existing speaker by id, or a name matched against recorded names and aliases (exactly, then by similarity) and created when none is close enough.' })
export class SpeakerRefInput {
  @Field(() => ID, { nullable: true, description: 'An existing speaker.' })
  id?: string;

  // No @IsOptional here or on the other cross-checked fields: it would skip the checks when the field is absent.
  @Field(() => String, { nullable: true, description: 'The name as printed. Matching ignores case, accents and punctuation.' })
  @Check<SpeakerRefInput>((input) => (input.id == null) !== (input.name == null), 'give exactly one of id and name')
  @Check<SpeakerRefInput>((input) => input.name == null || (input.name.trim().length >= 1 && input.name.length <= 300), 'name must be 1 to 300 characters')
  name?: string;

  @Field(() => SpeakerKind, { defaultValue: SpeakerKind.PERSON, description: 'For a new speaker: person or organization.' })
  kind: SpeakerKind;

  @Field(() => Float, {
    defaultValue: SIMILAR_SPEAKER_THRESHOLD,
    description: `When no name or alias matches exactly: the similarity (0.5 to 1, as speakerMatches scores it) at which the closest speaker of the same kind is taken instead of creating one. ${SIMILAR_SPEAKER_THRESHOLD} by default: "Mark Rute" is taken for Mark Rutte (0.75); 1 turns this off.`,
  })
  @Min(0.5)
  @Max(1)
  similarityThreshold: number;

  @Field(() => [String], { nullable: true, description: 'For a new speaker: other spellings, matched like the name.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @Length(1, 300, { each: true })
  aliases?: string[];

  @Field(() => String, { nullable: true, description: 'For a new speaker: who they are.' })
  @IsOptional()
  @Length(1, 2000)
  description?: string;

  @Field(() => String, { nullable: true, description: 'For a new speaker: Wikidata QID, e.g. Q57792.' })
  @IsOptional()
  @Matches(WIKIDATA_ID, { message: 'wikidataId must look like Q57792' })
  wikidataId?: string;
}

@InputType({ description: 'Where the claim was made: an existing event by id, or a new one.' })
export class EventRefInput {
  @Field(() => ID, { nullable: true, description: 'An existing event.' })
  id?: string;

  @Field(() => String, { nullable: true, description: 'For a new event: its title.' })
  @Check<EventRefInput>((input) => (input.id == null) !== (input.title == null), 'give exactly one of id and title')
  @Check<EventRefInput>((input) => input.title == null || (input.title.trim().length >= 1 && input.title.length <= 500), 'title must be 1 to 500 characters')
  @Check<EventRefInput>((input) => input.title == null || input.date != null, 'a new event needs a date')
  title?: string;

  @Field(() => EventKind, { defaultValue: EventKind.OTHER, description: 'For a new event: what kind of occasion.' })
  kind: EventKind;

  @Field(() => PartialDateInput, { nullable: true, description: 'For a new event: when (required with title).' })
  @IsOptional()
  @ValidateNested()
  date?: PartialDateInput;

  @Field(() => String, { nullable: true, description: 'For a new event: place name.' })
  @IsOptional()
  @Length(1, 200)
  place?: string;

  @Field(() => String, { nullable: true, description: 'For a new event: ISO 3166-1 alpha-2 country code.' })
  @IsOptional()
  @Matches(COUNTRY_CODE, { message: 'countryCode must be two capital letters, e.g. BE' })
  countryCode?: string;

  @Field(() => String, { nullable: true, description: 'For a new event: what happened.' })
  @IsOptional()
  @Length(1, 2000)
  description?: string;
}

@InputType({ description: 'The report that carries the claim: found by its normalized URL, created when new.' })
export class SourceRefInput {
  @Field({ description: 'The URL; any spelling that normalizes to a stored one finds it.' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: true }, { message: 'url must be an http or https URL' })
  url: string;

  @Field({ description: 'For a new source: the headline.' })
  @Length(1, 1000)
  title: string;

  @Field(() => String, { nullable: true, description: 'For a new source: the publisher.' })
  @IsOptional()
  @Length(1, 300)
  publisher?: string;

  @Field(() => PartialDateInput, { nullable: true, description: 'For a new source: when it was published.' })
  @IsOptional()
  @ValidateNested()
  published?: PartialDateInput;

  @Field(() => String, { nullable: true, description: 'For a new source: BCP 47 language tag.' })
  @IsOptional()
  @Matches(LANGUAGE_TAG, { message: 'language must be a BCP 47 tag such as en or uk' })
  language?: string;

  @Field({ description: 'The passage of the source that carries the claim, verbatim.' })
  @Length(1, 20000)
  excerpt: string;

  @Field(() => Int, { nullable: true, description: "Offset of the excerpt's first character in the source text." })
  @IsOptional()
  @Min(0)
  startOffset?: number;

  @Field(() => Int, { nullable: true, description: "Offset just past the excerpt's last character." })
  @Check<SourceRefInput>((input) => (input.startOffset == null) === (input.endOffset == null), 'give both offsets or neither')
  @Check<SourceRefInput>((input) => input.endOffset == null || input.startOffset == null || input.endOffset > input.startOffset, 'endOffset must be after startOffset')
  endOffset?: number;
}

@InputType({ description: 'A figure in the claim: a value or a range, per a period, on a measure.' })
export class QuantityInput {
  @Field({ description: 'Slug of the measure the figure counts, e.g. "russian-military-deaths".' })
  @Matches(SLUG, { message: 'measure must be a measure slug such as russian-military-deaths' })
  measure: string;

  @Field(() => Float, { nullable: true, description: 'The figure, when one number was given.' })
  @Check<QuantityInput>((input) => input.value != null || input.lower != null || input.upper != null, 'give a value, or a lower or upper bound')
  @Check<QuantityInput>((input) => input.value == null || input.lower == null || input.value >= input.lower, 'value must not be below lower')
  @Check<QuantityInput>((input) => input.value == null || input.upper == null || input.value <= input.upper, 'value must not be above upper')
  value?: number;

  @Field(() => Float, { nullable: true, description: 'Lower bound of a range, or a minimum.' })
  @IsOptional()
  lower?: number;

  @Field(() => Float, { nullable: true, description: 'Upper bound of a range, or a maximum.' })
  @Check<QuantityInput>((input) => input.lower == null || input.upper == null || input.lower <= input.upper, 'upper must not be below lower')
  upper?: number;

  @Field({ defaultValue: false, description: 'True when hedged: "about", "some", "nearly".' })
  approximate: boolean;

  @Field({ description: 'Unit as stated, e.g. "soldiers killed".' })
  @Length(1, 100)
  unit: string;

  @Field(() => QuantityPeriod, { description: 'What the figure is per, or TOTAL over a span.' })
  period: QuantityPeriod;

  @Field(() => Float, { nullable: true, description: 'For a TOTAL: how many spanUnits it covers.' })
  @Check<QuantityInput>((input) => input.spanLength == null || input.spanLength > 0, 'spanLength must be positive')
  @Check<QuantityInput>((input) => (input.spanLength == null) === (input.spanUnit == null), 'give spanLength and spanUnit together')
  @Check<QuantityInput>((input) => input.spanLength == null || input.period === QuantityPeriod.TOTAL, 'only a TOTAL has a span')
  spanLength?: number;

  @Field(() => TimeUnit, { nullable: true, description: 'For a TOTAL: the unit of its span.' })
  spanUnit?: TimeUnit;

  @Field(() => QuantityKind, { defaultValue: QuantityKind.ESTIMATE, description: 'Estimate, target, historical figure or projection.' })
  kind: QuantityKind;
}

@InputType({ description: 'A claim with everything around it, recorded all or nothing.' })
export class RecordStatementInput {
  @Field({ description: 'The quote or the paraphrase.' })
  @Length(1, 10000)
  text: string;

  @Field(() => StatementMode, { description: 'Direct quote or paraphrase.' })
  mode: StatementMode;

  @Field(() => SpeakerRefInput, { description: 'Who made the claim.' })
  @ValidateNested()
  speaker: SpeakerRefInput;

  @Field(() => PartialDateInput, { description: 'When the claim was made.' })
  @ValidateNested()
  stated: PartialDateInput;

  @Field(() => EventRefInput, { nullable: true, description: 'Where it was made.' })
  @IsOptional()
  @ValidateNested()
  event?: EventRefInput;

  @Field(() => SourceRefInput, { nullable: true, description: 'The report that carries it, with the excerpt.' })
  @IsOptional()
  @ValidateNested()
  source?: SourceRefInput;

  @Field(() => [QuantityInput], { defaultValue: [], description: 'The figures in the claim, in order (at most 20).' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  quantities: QuantityInput[];

  @Field(() => [String], { defaultValue: [], description: 'Slugs of existing topics.' })
  @ArrayMaxSize(20)
  @Matches(SLUG, { each: true, message: 'each topic must be a topic slug' })
  topics: string[];

  @Field(() => VerificationStatus, { defaultValue: VerificationStatus.UNVERIFIED, description: 'Where the claim stands on evidence.' })
  status: VerificationStatus;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag of the claim as made.' })
  @IsOptional()
  @Matches(LANGUAGE_TAG, { message: 'language must be a BCP 47 tag such as en or uk' })
  language?: string;
}

@InputType({ description: 'Changes to a statement; fields left out stay as they are.' })
export class UpdateStatementInput extends VersionedUpdateInput {
  @Field(() => String, { nullable: true, description: 'New text.' })
  @IsOptional()
  @Length(1, 10000)
  text?: string;

  @Field(() => StatementMode, { nullable: true, description: 'New mode.' })
  mode?: StatementMode;

  @Field(() => VerificationStatus, { nullable: true, description: 'New verification status.' })
  status?: VerificationStatus;

  @Field(() => PartialDateInput, { nullable: true, description: 'New date stated.' })
  @IsOptional()
  @ValidateNested()
  stated?: PartialDateInput;

  @Field(() => String, { nullable: true, description: 'New language tag.' })
  @IsOptional()
  @Matches(LANGUAGE_TAG, { message: 'language must be a BCP 47 tag such as en or uk' })
  language?: string;
}

