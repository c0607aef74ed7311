import 'reflect-metadata';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { ApiRole, createApiKey, listApiKeys, revokeApiKey } from '../domain/api-key/api-key.service';

const USAGE = `usage:
  npm run keys -- create --role reader|editor|admin --name <name>
  npm run keys -- revoke <id>
  npm run keys -- list`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

/** `npm run keys`: creates (printing the secret once), revokes and lists API keys. */
async function main(args: string[]): Promise<number> {
  const [command] = args;
  if (!['create', 'revoke', 'list'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const database = await openDatabase(loadConfig());
  try {
    if (command === 'create') {
      const role = option(args, 'role')?.toUpperCase() as ApiRole | undefined;
      const name = option(args, 'name');
      if (!role || !Object.values(ApiRole).includes(role) || !name) {
        console.error(USAGE);
        return 2;
      }
      const key = await createApiKey(database.pool, name, role);
      console.log(`created ${role} key "${name}" (id ${key.id})\nsecret (shown once, store it now): ${key.secret}`);
    } else if (command === 'revoke') {
      const revoked = await revokeApiKey(database.pool, args[1] ?? '');
      console.log(revoked ? `revoked ${args[1]}` : `no active key ${args[1]}`);
      return revoked ? 0 : 1;
    } else {
      for (const key of await listApiKeys(database.pool)) console.log(`${key.id}  ${key.role.padEnd(6)}  ${key.name}${key.revoked ? '  (revoked)' : ''}`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
