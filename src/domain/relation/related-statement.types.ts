import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/connection';
import { Statement } from '../statement/statement.entity';
import { RelationDirection, StatementRelation } from './statement-relation.entity';

@ObjectType({ description: 'A statement linked to this one, with the relation that links them.' })
export class RelatedStatementEdge {
  @Field(() => Statement, { description: 'The statement at the other end.' })
  node: Statement;

  @Field({ description: 'Opaque cursor of this item; pass it as after or before.' })
  cursor: string;

  @Field(() => StatementRelation, { description: 'The relation: its type and note.' })
  relation: StatementRelation;

  @Field(() => RelationDirection, { description: 'OUTGOING when this statement is the relation\'s from, INCOMING when it is its to.' })
  direction: RelationDirection;
}

@ObjectType({ description: 'A page of related statements.' })
export class RelatedStatementConnection {
  @Field(() => [RelatedStatementEdge], { description: 'The related statements of this page, with their relations.' })
  edges: RelatedStatementEdge[];

  @Field(() => [Statement], { description: 'The related statements of this page, without the rest.' })
  nodes: Statement[];

  @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many relations the statement has under the same filters. Counted only when selected.' })
  totalCount: number | null;
}
