import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { declareFieldColumns } from '../../graphql/field-columns';
import { Node, VersionedNode } from '../../graphql/node';
import { DatePrecision, PartialDate } from '../common/partial-date';

@ObjectType({ implements: [Node, VersionedNode], description: 'A published report (article, transcript, post) that carries claims.' })
@Entity('source')
export class Source extends VersionedNode {
  @Field({ description: 'The normalized URL: lower-case scheme and host, no fragment, no tracking parameters. Unique.' })
  @Column({ type: 'text' })
  url: string;

  @Field({ description: 'The headline or title.' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Who published it, e.g. a newspaper or agency.' })
  @Column({ type: 'text', nullable: true })
  publisher: string | null;

  @Column({ name: 'published_on', type: 'date', nullable: true })
  publishedOn: string | null;

  @Column({ name: 'published_precision', type: 'text', nullable: true })
  publishedPrecision: DatePrecision | null;

  @Column({ name: 'published_until', type: 'date', nullable: true, insert: false, update: false })
  publishedUntil: string | null;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag of the text, e.g. "en".' })
  @Column({ type: 'text', nullable: true })
  language: string | null;

  @Field(() => PartialDate, { nullable: true, description: 'When it was published, at the precision known.' })
  get published(): PartialDate | null {
    if (!this.publishedOn || !this.publishedPrecision || !this.publishedUntil) return null;
    return PartialDate.of(this.publishedOn, this.publishedUntil, this.publishedPrecision);
  }
}

declareFieldColumns(Source, { published: ['publishedOn', 'publishedUntil', 'publishedPrecision'] });
