import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { Node, VersionedNode } from '../../graphql/node';

@ObjectType({ implements: [Node, VersionedNode], description: 'Where a statement appears in a source, with the excerpt as printed.' })
@Entity('appearance')
export class Appearance extends VersionedNode {
  @Column({ name: 'statement_id', type: 'uuid' })
  statementId: string;

  @Column({ name: 'source_id', type: 'uuid' })
  sourceId: string;

  @Field({ description: 'The passage of the source that carries the statement, verbatim.' })
  @Column({ type: 'text' })
  excerpt: string;

  @Field(() => Int, { nullable: true, description: "Offset of the excerpt's first character in the source text, when known." })
  @Column({ name: 'start_offset', type: 'integer', nullable: true })
  startOffset: number | null;

  @Field(() => Int, { nullable: true, description: "Offset just past the excerpt's last character, when known." })
  @Column({ name: 'end_offset', type: 'integer', nullable: true })
  endOffset: number | null;
}
