import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { Node, VersionedNode } from '../../graphql/node';

export enum RelationType {
  CONTRADICTS = 'CONTRADICTS',
  SUPPORTS = 'SUPPORTS',
  COMPARES_WITH = 'COMPARES_WITH',
  REVISES = 'REVISES',
  RESPONDS_TO = 'RESPONDS_TO',
}

registerEnumType(RelationType, {
  name: 'RelationType',
  description: 'How one statement bears on another.',
  valuesConfig: {
    CONTRADICTS: { description: 'They cannot both be true.' },
    SUPPORTS: { description: 'The first backs the second.' },
    COMPARES_WITH: { description: 'The first sets itself or its figure beside the second.' },
    REVISES: { description: 'The first replaces the second, by the same speaker.' },
    RESPONDS_TO: { description: 'The first answers the second.' },
  },
});

export enum RelationDirection {
  OUTGOING = 'OUTGOING',
  INCOMING = 'INCOMING',
  BOTH = 'BOTH',
}

registerEnumType(RelationDirection, {
  name: 'RelationDirection',
  description: 'Which end of a relation a statement stands at.',
  valuesConfig: {
    OUTGOING: { description: 'Relations from this statement to others.' },
    INCOMING: { description: 'Relations from others to this statement.' },
    BOTH: { description: 'Both.' },
  },
});

@ObjectType({ implements: [Node, VersionedNode], description: 'A typed link from one statement to another, e.g. CONTRADICTS.' })
@Entity('statement_relation')
export class StatementRelation extends VersionedNode {
  @Column({ name: 'from_id', type: 'uuid' })
  fromId: string;

  @Column({ name: 'to_id', type: 'uuid' })
  toId: string;

  @Field(() => RelationType, { description: 'How the first statement bears on the second.' })
  @Column({ type: 'text' })
  type: RelationType;

  @Field(() => String, { nullable: true, description: 'Why the link was made, e.g. "different monthly figures for the same measure".' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
