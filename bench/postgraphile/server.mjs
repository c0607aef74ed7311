// PostGraphile v5 with its default (Amber) preset over Claimgraph's tables, for the
// benchmark. Usage: DATABASE_URL=... PORT=... node --import ./with-resolvers.mjs server.mjs
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'], poolConfig: { max: Number(process.env.DB_POOL_SIZE ?? 10) } })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};

const instance = postgraphile(preset);
const serv = instance.createServ(grafserv);
const server = createServer();
serv.addTo(server).then(() => {
  server.listen(Number(process.env.PORT ?? 5678), '127.0.0.1', () => {
    console.log(`postgraphile serving http://127.0.0.1:${server.address().port}/graphql`);
  });
});
if (process.argv.includes('--print-schema')) {
  const { printSchema } = await import('graphql');
  const { schema } = await instance.getSchemaResult();
  console.log(printSchema(schema));
  process.exit(0);
}
