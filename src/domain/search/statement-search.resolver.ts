import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { searchStatements } from './statement-search.service';
import { SearchStatementsArgs, StatementSearchConnection } from './statement-search.types';

@Resolver()
export class StatementSearchResolver {
  @Query(() => StatementSearchConnection, {
    description: 'Full-text search over statements and the excerpts that report them: ranked hits with snippets, combinable with every statement filter.',
  })
  searchStatements(@Args() args: SearchStatementsArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<StatementSearchConnection> {
    return searchStatements(context, args, info);
  }
}
