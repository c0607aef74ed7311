import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { Node, VersionedNode } from '../../graphql/node';

@ObjectType({ implements: [Node, VersionedNode], description: 'What a quantity counts, shared across speakers so their figures line up.' })
@Entity('measure')
export class Measure extends VersionedNode {
  @Field({ description: 'Stable machine name, e.g. "russian-military-deaths".' })
  @Column({ type: 'text' })
  slug: string;

  @Field({ description: 'Human name, e.g. "Russian military deaths".' })
  @Column({ type: 'text' })
  label: string;

  @Field({ description: 'What one unit is, e.g. "soldiers".' })
  @Column({ type: 'text' })
  unit: string;

  @Field(() => String, { nullable: true, description: 'What is counted and what is not.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;
}
