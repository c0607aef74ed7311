import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { Node, VersionedNode } from '../../graphql/node';

@ObjectType({ implements: [Node, VersionedNode], description: 'A subject tag for statements.' })
@Entity('topic')
export class Topic extends VersionedNode {
  @Field({ description: 'Stable machine name, e.g. "war-casualties".' })
  @Column({ type: 'text' })
  slug: string;

  @Field({ description: 'Human name, e.g. "War casualties".' })
  @Column({ type: 'text' })
  label: string;

  @Field(() => String, { nullable: true, description: 'What the topic covers.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;
}
