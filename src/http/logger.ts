import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs (pino). Every line of a request is written through a child logger
 * carrying its request id; LOG_LEVEL sets the level ("silent" turns logging off).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, base: { service: 'claimgraph' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}
