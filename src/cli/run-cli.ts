import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Runs a command and exits with its code (0 when it returns none); an unexpected error is printed and exits 1. */
export function runCli(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** The command line as node:util's parseArgs reads it (strict), or null, after printing why and `usage`, when it does not fit. */
export function parseCommandLine<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> | null {
  try {
    return parseArgs(config);
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return null;
  }
}
