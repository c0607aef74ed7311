import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum RevisionActionType {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
  RESTORE = 'RESTORE',
}

registerEnumType(RevisionActionType, {
  name: 'RevisionAction',
  description: 'What a recorded change did.',
  valuesConfig: {
    CREATE: { description: 'The object was created.' },
    UPDATE: { description: 'Fields were changed.' },
    DELETE: { description: 'The object was soft-deleted (hidden from reads).' },
    RESTORE: { description: 'A deleted object was brought back.' },
  },
});

@ObjectType({ description: 'One recorded change of an object: which version it made, what changed, who made it and when.' })
@Entity('revision')
export class Revision {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: number;

  @Column({ name: 'entity_type', type: 'text' })
  entityType: string;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @Field(() => Int, { description: 'The version of the object this change produced.' })
  @Column({ type: 'integer' })
  version: number;

  @Field(() => RevisionActionType, { description: 'What the change did.' })
  @Column({ type: 'text' })
  action: RevisionActionType;

  @Field(() => GraphQLJSONObject, { description: 'The fields that changed, each as { before, after }, with database column names.' })
  @Column({ type: 'jsonb' })
  changes: Record<string, { before: unknown; after: unknown }>;

  @Field({ description: 'The name of the API key that made the change.' })
  @Column({ type: 'text' })
  actor: string;

  @Field({ description: 'When the change was committed.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
