import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { declareFieldColumns } from '../../graphql/field-columns';
import { Node, VersionedNode } from '../../graphql/node';
import { DatePrecision, PartialDate } from '../common/partial-date';

export enum EventKind {
  PRESS_BRIEFING = 'PRESS_BRIEFING',
  SPEECH = 'SPEECH',
  INTERVIEW = 'INTERVIEW',
  PRESS_RELEASE = 'PRESS_RELEASE',
  REPORT = 'REPORT',
  MEETING = 'MEETING',
  SOCIAL_MEDIA_POST = 'SOCIAL_MEDIA_POST',
  OTHER = 'OTHER',
}

registerEnumType(EventKind, {
  name: 'EventKind',
  description: 'What kind of occasion a claim was made at.',
  valuesConfig: {
    PRESS_BRIEFING: { description: 'A briefing or press conference.' },
    SPEECH: { description: 'A speech or address.' },
    INTERVIEW: { description: 'An interview or remarks to the media.' },
    PRESS_RELEASE: { description: 'A written statement issued to the press.' },
    REPORT: { description: 'A published report or dataset.' },
    MEETING: { description: 'A meeting, summit or hearing.' },
    SOCIAL_MEDIA_POST: { description: 'A post on a social network.' },
    OTHER: { description: 'Anything else.' },
  },
});

@ObjectType({ implements: [Node, VersionedNode], description: 'Where and when claims were made: a speech, an interview, a briefing.' })
@Entity('event')
export class Event extends VersionedNode {
  @Field(() => EventKind, { description: 'What kind of occasion this was.' })
  @Column({ type: 'text' })
  kind: EventKind;

  @Field({ description: 'A short title, e.g. "Rutte speech in Brussels".' })
  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn: string;

  @Column({ name: 'occurred_precision', type: 'text' })
  occurredPrecision: DatePrecision;

  @Column({ name: 'occurred_until', type: 'date', insert: false, update: false })
  occurredUntil: string;

  @Field(() => String, { nullable: true, description: 'Place name, e.g. "Brussels".' })
  @Column({ type: 'text', nullable: true })
  place: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code of the place, e.g. "BE".' })
  @Column({ name: 'country_code', type: 'char', length: 2, nullable: true })
  countryCode: string | null;

  @Field(() => String, { nullable: true, description: 'What happened, in a sentence or two.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => PartialDate, { description: 'When it happened, at the precision known.' })
  get date(): PartialDate {
    return PartialDate.of(this.occurredOn, this.occurredUntil, this.occurredPrecision);
  }
}

declareFieldColumns(Event, { date: ['occurredOn', 'occurredUntil', 'occurredPrecision'] });
