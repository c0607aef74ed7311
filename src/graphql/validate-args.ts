import { validateOrReject, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';

/**
 * Missing properties are validated too (type-graphql skips them by default), so that
 * cross-field checks see absent fields; optional fields carry @IsOptional instead.
 */
const OPTIONS: ValidatorOptions = { forbidUnknownValues: false, skipMissingProperties: false };

/** Argument values known to pass, per args or input class, as JSON; bounded, cleared when full. */
const passed = new Map<Function, Set<string>>();
const MAX_REMEMBERED = 1000;

async function validateOne(value: object): Promise<void> {
  const known = passed.get(value.constructor) ?? new Set<string>();
  const key = JSON.stringify(value);
  if (known.has(key)) return;
  try {
    await validateOrReject(value, OPTIONS);
  } catch (errors) {
    throw new ArgumentValidationError(errors as ConstructorParameters<typeof ArgumentValidationError>[0]);
  }
  if (known.size >= MAX_REMEMBERED) known.clear();
  passed.set(value.constructor, known.add(key));
}

/**
 * type-graphql's argument validation (class-validator, failures as ArgumentValidationError),
 * done once per distinct value: a value's validity depends only on its class and its
 * properties, and a page of parents asks the same of every nested connection's arguments.
 */
export async function validateArgs(value: unknown): Promise<void> {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    await Promise.all(value.filter((item): item is object => item !== null && typeof item === 'object').map(validateOne));
    return;
  }
  await validateOne(value);
}
