import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, UpdateDateColumn } from 'typeorm';
import { Node, VersionedNode } from '../../graphql/node';

export enum SpeakerKind {
  PERSON = 'PERSON',
  ORGANIZATION = 'ORGANIZATION',
}

registerEnumType(SpeakerKind, {
  name: 'SpeakerKind',
  description: 'Whether a speaker is a person or an organization (a ministry, an alliance, a fact-checker).',
  valuesConfig: {
    PERSON: { description: 'A natural person.' },
    ORGANIZATION: { description: 'An organization; organizations are also where people hold roles.' },
  },
});

@ObjectType({ implements: [Node, VersionedNode], description: 'A person or an organization that makes claims.' })
@Entity('speaker')
export class Speaker extends VersionedNode {
  @Field(() => SpeakerKind, { description: 'Person or organization.' })
  @Column({ type: 'text' })
  kind: SpeakerKind;

  @Field({ description: 'The name as most often printed, e.g. "Oleksandr Syrskyi".' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => [String], { description: 'Other spellings and transliterations, e.g. "Syrsky", "Sirsky".' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];

  @Field(() => String, { nullable: true, description: 'Who the speaker is, in a sentence.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'Wikidata item id (QID), e.g. "Q57792" for Mark Rutte.' })
  @Column({ name: 'wikidata_id', type: 'text', nullable: true })
  wikidataId: string | null;

  @Field({ description: 'When this speaker was first recorded.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When this speaker was last changed.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
