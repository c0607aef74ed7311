import 'reflect-metadata';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { ApiRole, createApiKey, listApiKeys, revokeApiKey } from '../domain/api-key/api-key.service';
import { parseCommandLine, runCli } from './run-cli';

const USAGE = `usage:
  npm run keys -- create --role reader|editor|admin --name <name>
  npm run keys -- revoke <id>
  npm run keys -- list`;

/** `npm run keys`: creates (printing the secret once), revokes and lists API keys. */
async function main(): Promise<number> {
  const parsed = parseCommandLine({ options: { role: { type: 'string' }, name: { type: 'string' } }, allowPositionals: true }, USAGE);
  if (!parsed) return 2;
  const [command, id] = parsed.positionals;
  if (!['create', 'revoke', 'list'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const database = await openDatabase(loadConfig());
  try {
    if (command === 'create') {
      const role = parsed.values.role?.toUpperCase() as ApiRole | undefined;
      const { name } = parsed.values;
      if (!role || !Object.values(ApiRole).includes(role) || !name) {
        console.error(USAGE);
        return 2;
      }
      const key = await createApiKey(database.pool, name, role);
      console.log(`created ${role} key "${name}" (id ${key.id})\nsecret (shown once, store it now): ${key.secret}`);
    } else if (command === 'revoke') {
      const revoked = await revokeApiKey(database.pool, id ?? '');
      console.log(revoked ? `revoked ${id}` : `no active key ${id}`);
      return revoked ? 0 : 1;
    } else {
      for (const key of await listApiKeys(database.pool)) console.log(`${key.id}  ${key.role.padEnd(6)}  ${key.name}${key.revoked ? '  (revoked)' : ''}`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

runCli(main);
