import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { Node, VersionedNode } from '../../graphql/node';

@ObjectType({ implements: [Node, VersionedNode], description: "A position a speaker held in an organization over a span of time, e.g. NATO's Secretary General." })
@Entity('role')
export class Role extends VersionedNode {
  @Column({ name: 'speaker_id', type: 'uuid' })
  speakerId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Field({ description: 'The title as printed, e.g. "Secretary General".' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'First day in the role; null when unknown.' })
  @Column({ name: 'started_on', type: 'date', nullable: true })
  startedOn: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day in the role; null while the role is held.' })
  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn: string | null;
}
