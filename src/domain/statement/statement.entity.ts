import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, UpdateDateColumn } from 'typeorm';
import { declareFieldColumns } from '../../graphql/field-columns';
import { Node, VersionedNode } from '../../graphql/node';
import { DatePrecision, PartialDate } from '../common/partial-date';

export enum StatementMode {
  DIRECT_QUOTE = 'DIRECT_QUOTE',
  PARAPHRASE = 'PARAPHRASE',
}

registerEnumType(StatementMode, {
  name: 'StatementMode',
  description: 'Whether the report quotes the speaker word for word or reports what they said.',
  valuesConfig: {
    DIRECT_QUOTE: { description: "The speaker's own words, as quoted." },
    PARAPHRASE: { description: 'The reporter\'s account of what was said; quoted fragments may appear inside.' },
  },
});

export enum VerificationStatus {
  UNVERIFIED = 'UNVERIFIED',
  UNVERIFIABLE = 'UNVERIFIABLE',
  DISPUTED = 'DISPUTED',
  CORROBORATED = 'CORROBORATED',
  CONFIRMED = 'CONFIRMED',
  RETRACTED = 'RETRACTED',
}

registerEnumType(VerificationStatus, {
  name: 'VerificationStatus',
  description: "Where a claim stands on evidence. Kept apart from fact-checkers' verdicts, which are Reviews.",
  valuesConfig: {
    UNVERIFIED: { description: 'No independent check is known, e.g. "has not been accompanied by independent verification".' },
    UNVERIFIABLE: { description: 'It cannot be checked with the evidence that exists.' },
    DISPUTED: { description: 'Other credible sources contest it.' },
    CORROBORATED: { description: 'Independent sources point the same way.' },
    CONFIRMED: { description: 'Established by independent evidence.' },
    RETRACTED: { description: 'Withdrawn by the speaker or the source.' },
  },
});

@ObjectType({ implements: [Node, VersionedNode], description: 'One claim by one speaker, as reported.' })
@Entity('statement')
export class Statement extends VersionedNode {
  @Field({ description: 'The claim: the quote itself, or the paraphrase as reported.' })
  @Column({ type: 'text' })
  text: string;

  @Field(() => StatementMode, { description: 'Direct quote or paraphrase.' })
  @Column({ type: 'text' })
  mode: StatementMode;

  @Column({ name: 'speaker_id', type: 'uuid' })
  speakerId: string;

  @Column({ name: 'event_id', type: 'uuid', nullable: true })
  eventId: string | null;

  @Column({ name: 'stated_on', type: 'date' })
  statedOn: string;

  @Column({ name: 'stated_precision', type: 'text' })
  statedPrecision: DatePrecision;

  @Column({ name: 'stated_until', type: 'date', insert: false, update: false })
  statedUntil: string;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag of the claim as made, e.g. "uk" or "en".' })
  @Column({ type: 'text', nullable: true })
  language: string | null;

  @Field(() => VerificationStatus, { description: 'Where the claim stands on evidence.' })
  @Column({ type: 'text' })
  status: VerificationStatus;

  @Field({ description: 'When this statement was first recorded.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When this statement was last changed.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => PartialDate, { description: 'When the claim was made, at the precision known.' })
  get stated(): PartialDate {
    return PartialDate.of(this.statedOn, this.statedUntil, this.statedPrecision);
  }
}

declareFieldColumns(Statement, { stated: ['statedOn', 'statedUntil', 'statedPrecision'] });
