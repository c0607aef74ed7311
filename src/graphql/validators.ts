import { registerDecorator } from 'class-validator';

/**
 * A cross-field rule on an input class, reported on the property it decorates, so that
 * class-validator lists it with every other fault of the same input.
 */
export function Check<T extends object>(isValid: (input: T) => boolean, message: string): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'check',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message },
      validator: { validate: (_value: unknown, args) => isValid(args!.object as T) },
    });
  };
}

export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const COUNTRY_CODE = /^[A-Z]{2}$/;
export const WIKIDATA_ID = /^Q[1-9][0-9]*$/;
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
